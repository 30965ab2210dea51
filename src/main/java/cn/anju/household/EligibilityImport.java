package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.imports.SheetImport;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.privacy.ChineseIdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 资格认定导入 (government only): one decision per row, found by the head's ID number. A decision number already
 * stored with the same terms is skipped; with different terms it is an error (decisions are never overwritten).
 */
@Component
class EligibilityImport implements SheetImport {

    static final String HEAD_ID = "户主身份证号";
    static final String NUMBER = "认定文号";
    static final String BUREAU = "认定机关";
    static final String DECIDED = "认定日期";
    static final String FROM = "有效期起";
    static final String TO = "有效期止";
    static final String AREA = "核准面积";
    static final String TIER = "租金档次";

    private final Eligibility eligibility;
    private final MemberIdentity identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    EligibilityImport(Eligibility eligibility, MemberIdentity identity, JdbcClient jdbc, Clock clock) {
        this.eligibility = eligibility;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String kind() {
        return "eligibility-decisions";
    }

    public String title() {
        return "资格认定";
    }

    public List<String> headers() {
        return List.of(HEAD_ID, NUMBER, BUREAU, DECIDED, FROM, TO, AREA, TIER);
    }

    public List<String> exampleRow() {
        return List.of("11010519491231002X", "榆阳住保〔2026〕00001号", "榆阳区住房保障中心", "2026-03-01", "2026-03-01",
                "2029-02-28", "50.00", "标准租金");
    }

    public Set<String> personalColumns() {
        return Set.of(HEAD_ID);
    }

    record Planned(int row, long household, Eligibility.NewDecision decision) {
    }

    public ImportOutcome run(CurrentUser actor, List<SheetRow> rows, boolean update) {
        List<RowError> errors = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (SheetRow row : rows) {
            int before = errors.size();
            String id = ChineseIdNumber.normalise(row.get(HEAD_ID));
            Long household = null;
            var problem = HouseholdImport.idProblem(row, HEAD_ID, today);
            if (problem.isPresent()) {
                errors.add(new RowError(row.rowNumber(), HEAD_ID, id, problem.get()));
            } else {
                record Head(long household, String district) {
                }
                var head = jdbc.sql("""
                                select h.id, h.district_code from household_member m join household h on h.id = m.household_id
                                 where m.id_number_index = any(?) and m.relationship = 'HEAD'""")
                        .param(identity.idNumberIndexes(id)).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
                if (head.isEmpty()) {
                    errors.add(new RowError(row.rowNumber(), HEAD_ID, id, "没有以该身份证号为户主的保障家庭，请先导入保障家庭。"));
                } else if (!head.get().district().equals(actor.regionCode())) {
                    errors.add(new RowError(row.rowNumber(), HEAD_ID, id, "该户不属于本区县，只能由其所在区县认定。"));
                } else {
                    household = head.get().household();
                }
            }
            String number = row.get(NUMBER);
            if (number.isEmpty()) {
                errors.add(new RowError(row.rowNumber(), NUMBER, "", "请填写认定文号。"));
            } else {
                Integer first = numbers.putIfAbsent(number, row.rowNumber());
                if (first != null) {
                    errors.add(new RowError(row.rowNumber(), NUMBER, number, "与第" + first + "行的认定文号重复。"));
                }
            }
            if (row.get(BUREAU).isEmpty()) {
                errors.add(new RowError(row.rowNumber(), BUREAU, "", "请填写认定机关。"));
            }
            LocalDate decided = HouseholdImport.date(row, DECIDED, errors);
            LocalDate from = HouseholdImport.date(row, FROM, errors);
            LocalDate to = HouseholdImport.date(row, TO, errors);
            if (from != null && to != null && !to.isAfter(from)) {
                errors.add(new RowError(row.rowNumber(), TO, row.get(TO), "有效期止须晚于有效期起。"));
            }
            BigDecimal area = null;
            try {
                area = new BigDecimal(row.get(AREA));
                if (area.signum() <= 0 || area.compareTo(new BigDecimal("200")) > 0) {
                    errors.add(new RowError(row.rowNumber(), AREA, row.get(AREA), "核准面积应在0到200平方米之间。"));
                }
            } catch (NumberFormatException e) {
                errors.add(new RowError(row.rowNumber(), AREA, row.get(AREA), "核准面积应为数字，如 50.00。"));
            }
            var tier = Labels.of(Labels.TIERS, row.get(TIER));
            if (tier.isEmpty()) {
                errors.add(new RowError(row.rowNumber(), TIER, row.get(TIER), "租金档次应为：" + String.join("、", Labels.TIERS.keySet()) + "。"));
            }
            if (errors.size() == before) {
                planned.add(new Planned(row.rowNumber(), household, new Eligibility.NewDecision(number, row.get(BUREAU),
                        decided, from, to, area, tier.get(), null)));
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(HouseholdImport.sorted(errors));
        }
        int skipped = 0;
        List<Planned> toCreate = new ArrayList<>();
        for (Planned p : planned) {
            var stored = jdbc.sql("""
                            select household_id, issuing_bureau, decided_on, valid_from, valid_to, approved_area, rent_tier
                              from eligibility_decision where decision_number = ?""")
                    .param(p.decision().decisionNumber())
                    .query((rs, n) -> rs.getLong(1) == p.household() && rs.getString(2).equals(p.decision().issuingBureau())
                            && rs.getObject(3, LocalDate.class).equals(p.decision().decidedOn())
                            && rs.getObject(4, LocalDate.class).equals(p.decision().validFrom())
                            && rs.getObject(5, LocalDate.class).equals(p.decision().validTo())
                            && rs.getBigDecimal(6).compareTo(p.decision().approvedArea()) == 0
                            && rs.getString(7).equals(p.decision().rentTier().name()))
                    .optional();
            if (stored.isEmpty()) {
                toCreate.add(p);
            } else if (stored.get()) {
                skipped++;
            } else {
                errors.add(new RowError(p.row(), NUMBER, p.decision().decisionNumber(), "该认定文号已登记且内容不同；资格认定不可覆盖。"));
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.failed(errors);
        }
        for (Planned p : toCreate) {
            eligibility.insert(p.household(), actor.regionCode(), p.decision(), actor.id());
        }
        return new ImportOutcome(toCreate.size(), 0, skipped, List.of());
    }
}
