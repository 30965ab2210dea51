package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.imports.SheetImport;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 保障家庭导入: one row per member, rows of a household share its 户编号. Checks every row (ID check character,
 * dates, district, labels, one head per household, duplicates in the file), then registers the new households.
 * A household already registered with exactly the same members is skipped; one whose data differ is an error
 * (updating a registered household goes through its file, not an import).
 */
@Component
class HouseholdImport implements SheetImport {

    static final String REF = "户编号";
    static final String DISTRICT = "区县代码";
    static final String CATEGORY = "类别";
    static final String REGISTERED = "登记日期";
    static final String GROUPS = "特殊群体";
    static final String NAME = "成员姓名";
    static final String RELATION = "与户主关系";
    static final String ID = "身份证号";
    static final String PHONE = "手机号";
    static final String ID_AS_NUMBER = "身份证号须以文本格式填写：此单元格存成了数字，后几位已丢失；请将该列设为文本格式后重新录入。";

    private final HouseholdRegister register;
    private final MemberIdentity identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdImport(HouseholdRegister register, MemberIdentity identity, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String kind() {
        return "households";
    }

    public String title() {
        return "保障家庭";
    }

    public List<String> headers() {
        return List.of(REF, DISTRICT, CATEGORY, REGISTERED, GROUPS, NAME, RELATION, ID, PHONE);
    }

    public List<String> exampleRow() {
        return List.of("A001", "610802", "低保", "2026-03-01", "残疾", "张三", "户主", "11010519491231002X", "13800000000");
    }

    public Set<String> personalColumns() {
        return Set.of(ID, PHONE);
    }

    record Planned(String ref, int firstRow, HouseholdRegister.NewHousehold household) {
    }

    public ImportOutcome run(CurrentUser actor, List<SheetRow> rows, boolean update) {
        List<RowError> errors = new ArrayList<>();
        Map<String, List<SheetRow>> byRef = new LinkedHashMap<>();
        Map<String, Integer> seenIds = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (SheetRow row : rows) {
            if (row.get(REF).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), REF, "", "请填写户编号：同一户的成员填写相同的编号。"));
                continue;
            }
            byRef.computeIfAbsent(row.get(REF), r -> new ArrayList<>()).add(row);
            String id = ChineseIdNumber.normalise(row.get(ID));
            idProblem(row, ID, today).ifPresent(p -> errors.add(new RowError(row.rowNumber(), ID, id, p)));
            // a number stored as a number has lost its last digits: two such would look alike without being so
            if (!id.isEmpty() && !row.numeric(ID)) {
                Integer first = seenIds.putIfAbsent(id, row.rowNumber());
                if (first != null) {
                    errors.add(new RowError(row.rowNumber(), ID, id, "与第" + first + "行的身份证号重复。"));
                }
            }
            String phone = row.get(PHONE).replaceAll("[\\s-]", "");
            if (!phone.isEmpty() && !phone.matches("1[3-9][0-9]{9}")) {
                errors.add(new RowError(row.rowNumber(), PHONE, phone, "手机号应为11位数字，以13-19开头。"));
            }
            if (row.get(NAME).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), NAME, "", "请填写成员姓名。"));
            }
            if (Labels.of(Labels.RELATIONSHIPS, row.get(RELATION)).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), RELATION, row.get(RELATION), "与户主关系应为：" + String.join("、", Labels.RELATIONSHIPS.keySet()) + "。"));
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (var entry : byRef.entrySet()) {
            List<SheetRow> members = entry.getValue();
            SheetRow first = members.getFirst();
            String district = first.get(DISTRICT);
            if (!district.equals(actor.regionCode())) {
                errors.add(new RowError(first.rowNumber(), DISTRICT, district, "只能导入本区县（" + actor.regionCode() + "）的保障家庭。"));
            }
            var category = Labels.of(Labels.CATEGORIES, first.get(CATEGORY));
            if (category.isEmpty()) {
                errors.add(new RowError(first.rowNumber(), CATEGORY, first.get(CATEGORY), "类别应为：" + String.join("、", Labels.CATEGORIES.keySet()) + "。"));
            }
            LocalDate registered = date(first, REGISTERED, errors);
            Set<String> groups = new LinkedHashSet<>();
            for (String g : first.get(GROUPS).split("[、,，;；\\s]+")) {
                if (!g.isBlank()) {
                    Labels.of(Labels.GROUPS, g).ifPresentOrElse(groups::add, () -> errors.add(new RowError(first.rowNumber(), GROUPS, g,
                            "特殊群体应为：" + String.join("、", Labels.GROUPS.keySet()) + "，多个用顿号分隔。")));
                }
            }
            for (SheetRow m : members.subList(1, members.size())) {
                for (String h : List.of(DISTRICT, CATEGORY, REGISTERED)) {
                    if (!m.get(h).isEmpty() && !m.get(h).equals(first.get(h))) {
                        errors.add(new RowError(m.rowNumber(), h, m.get(h), "同一户的" + h + "应与第" + first.rowNumber() + "行一致。"));
                    }
                }
            }
            long heads = members.stream().filter(m -> "户主".equals(m.get(RELATION))).count();
            if (heads != 1) {
                errors.add(new RowError(first.rowNumber(), RELATION, "", "户编号" + entry.getKey() + "应有且只有一名户主，现有" + heads + "名。"));
            }
            if (category.isPresent() && registered != null) {
                planned.add(new Planned(entry.getKey(), first.rowNumber(), new HouseholdRegister.NewHousehold(district,
                        category.get(), groups, registered, members.stream().map(m -> new HouseholdRegister.NewMember(
                        m.get(NAME), Labels.of(Labels.RELATIONSHIPS, m.get(RELATION)).orElse(Relationship.OTHER),
                        m.get(ID), m.get(PHONE).isEmpty() ? null : m.get(PHONE))).toList())));
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(sorted(errors));
        }
        // against what is stored: identical households are skipped, different ones refused
        int skipped = 0;
        List<Planned> toCreate = new ArrayList<>();
        for (Planned p : planned) {
            switch (compareWithStored(p)) {
                case NEW -> toCreate.add(p);
                case IDENTICAL -> skipped++;
                case DIFFERENT -> errors.add(new RowError(p.firstRow(), ID, "",
                        "户编号" + p.ref() + "的成员已登记为保障家庭，但表中信息与登记不一致；请在住户档案中办理变更。"));
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(sorted(errors));
        }
        for (Planned p : toCreate) {
            try {
                register.insert(p.household());
            } catch (ProblemException e) {
                throw e; // rolls the whole import back
            }
        }
        return new ImportOutcome(toCreate.size(), 0, skipped, List.of());
    }

    enum Match { NEW, IDENTICAL, DIFFERENT }

    private Match compareWithStored(Planned p) {
        List<String> indexes = p.household().members().stream().flatMap(m -> Arrays.stream(identity.idNumberIndexes(m.idNumber()))).toList();
        List<Long> households = jdbc.sql("select distinct household_id from household_member where id_number_index = any(?)")
                .param(indexes.toArray(String[]::new)).query(Long.class).list();
        if (households.isEmpty()) {
            return Match.NEW;
        }
        if (households.size() > 1) {
            return Match.DIFFERENT;
        }
        long id = households.getFirst();
        record Stored(String district, String category, LocalDate registered, String[] groups) {
        }
        Stored s = jdbc.sql("select district_code, category, registered_on, special_groups from household where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        (String[]) rs.getArray(4).getArray())).single();
        HouseholdRegister.NewHousehold h = p.household();
        boolean sameHousehold = s.district().equals(h.districtCode()) && s.category().equals(h.category().name())
                && s.registered().equals(h.registeredOn()) && Set.copyOf(Arrays.asList(s.groups())).equals(Set.copyOf(h.specialGroups()));
        record StoredMember(String name, String relationship, String idIndex, String phoneIndex) {
        }
        Set<StoredMember> stored = Set.copyOf(jdbc.sql("select name, relationship, id_number_index, phone_index from household_member where household_id = ?")
                .param(id).query((rs, n) -> new StoredMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
        Set<StoredMember> given = new HashSet<>();
        for (HouseholdRegister.NewMember m : h.members()) {
            given.add(new StoredMember(m.name().trim(), m.relationship().name(), identity.idNumberIndex(m.idNumber()),
                    m.phone() == null ? null : identity.phoneIndex(m.phone())));
        }
        return sameHousehold && Objects.equals(stored, given) ? Match.IDENTICAL : Match.DIFFERENT;
    }

    /**
     * What is wrong with the ID number in a cell, if anything. A cell Excel stored as a number (shown as
     * 6.10802E+17) gets this one message rather than a wrong length or check digit: only retyping it as text helps.
     */
    static Optional<String> idProblem(SheetRow row, String column, LocalDate today) {
        if (row.numeric(column)) {
            return Optional.of(ID_AS_NUMBER);
        }
        return ChineseIdNumber.check(row.get(column), today).map(ChineseIdNumber.Problem::message);
    }

    static LocalDate date(SheetRow row, String column, List<RowError> errors) {
        String text = row.get(column);
        try {
            return LocalDate.parse(text.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row.rowNumber(), column, text, "日期格式应为 2026-03-01。"));
            return null;
        }
    }

    static List<RowError> sorted(List<RowError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
    }
}
