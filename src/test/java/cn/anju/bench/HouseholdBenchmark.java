package cn.anju.bench;

import cn.anju.AnjuApplication;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.imports.Imports;
import cn.anju.shared.Role;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.privacy.BlindIndex;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The household benchmark of issue 4, a program (not a test): each figure is printed beside its floor measured in
 * the same run on the same machine, so the ratio holds on a noisy one.
 *
 * <pre>./mvnw -q test-compile exec:exec@bench</pre>
 *
 * (a) imports 10,000 households with 25,000 members from one sheet through the real import (parse, check every
 * row, encrypt, index, write), beside a plain JDBC batch insert of the same rows with values prepared in advance;
 * (b) with 100,000 units and 250,000 people loaded, the median and 99th percentile of the household searches by
 * ID number, last four phone digits and name through the HTTP API, beside the same SQL run directly.
 */
public final class HouseholdBenchmark {

    static final int HOUSEHOLDS = Integer.getInteger("bench.households", 10_000);
    static final int PEOPLE = Integer.getInteger("bench.people", 250_000);
    static final int UNITS = Integer.getInteger("bench.units", 100_000);
    static final int SEARCHES = Integer.getInteger("bench.searches", 300);
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "高", "赵", "郭", "马", "白", "贺", "冯", "霍"};
    static final String[] GIVEN = {"建国", "红梅", "志强", "晓燕", "海军", "丽娟", "小军", "秀英", "国庆", "桂兰", "文博", "雪梅"};

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AnjuApplication.class)
                .profiles("bench")
                .properties("server.port=0", "anju.embedded-db.data-dir=target/bench-pg", "anju.embedded-db.clean-on-start=true",
                        "anju.embedded-db.pool-size=20", "anju.audit.head-dir=target/bench-audit",
                        "anju.files.root=target/bench-files", "anju.privacy.active-key=dev1",
                        "anju.privacy.keys.dev1=ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcHJvZHVjdGk=",
                        "anju.privacy.index-key=ZGV2ZWxvcG1lbnQtaW5kZXgta2V5LW5vdC1mb3ItcHJvZCEh",
                        "logging.level.root=WARN", "anju.audit.seal-every=1h")
                .run();
        try {
            new HouseholdBenchmark(app).run();
        } finally {
            app.close();
        }
    }

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Random random = new Random(42);
    private int sequence;

    HouseholdBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.template = new JdbcTemplate(BenchDatabase.owner(app)); // creates its floor tables
    }

    void run() throws Exception {
        TestAccounts seeding = app.getBean(TestAccounts.class);
        seeding.organisation("HB-610800", "榆林市住房和城乡建设局", OrganisationType.CITY_BUREAU, "610800", null);
        seeding.organisation("HS-610802", "榆阳区住房保障中心", OrganisationType.DISTRICT_HOUSING, "610802", null);
        seeding.account("bench.gov", "基准测试", "HS-610802", Set.of(Role.GOV_OFFICER), Set.of(), "Bench-Pass-1", false);
        long officerId = seeding.userId("bench.gov");
        CurrentUser officer = new CurrentUser(officerId, "bench.gov", "基准测试", jdbc.sql("select id from organisation where code = 'HS-610802'")
                .query(Long.class).single(), "榆阳区住房保障中心", OrganisationType.DISTRICT_HOUSING, "610802",
                Set.of(Role.GOV_OFFICER), Set.of(), false, null);

        System.out.println("== (a) import " + HOUSEHOLDS + " households from one sheet");
        List<List<String>> rows = householdRows(HOUSEHOLDS);
        byte[] sheet = Sheets.write("保障家庭", List.of("户编号", "区县代码", "类别", "登记日期", "特殊群体", "成员姓名", "与户主关系", "身份证号", "手机号"), rows);
        System.out.printf("sheet: %d rows (members), %.1f MiB%n", rows.size(), sheet.length / 1048576.0);
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Imports.Result result = app.getBean(Imports.class).importFile(officer, "households", sheet, "bench.xlsx", false);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeapMiB();
        if (!result.ok()) {
            throw new IllegalStateException("import refused: " + result.errors().subList(0, Math.min(5, result.errors().size())));
        }
        double floorSeconds = floorInsert(rows, officerId);
        System.out.printf("import:             %6.1f s  (%d households created, peak heap %d MiB)%n", importSeconds, result.created(), peak);
        System.out.printf("floor (JDBC batch): %6.1f s  same rows, values prepared in advance%n", floorSeconds);
        System.out.printf("ratio:              %6.1f x%n", importSeconds / floorSeconds);

        System.out.println("== (b) searches with " + UNITS + " units and " + PEOPLE + " people loaded");
        loadCity(officerId);
        WebClient client = new WebClient(port());
        if (!"/".equals(WebClient.location(client.login("bench.gov", "Bench-Pass-1")))) {
            throw new IllegalStateException("bench login failed");
        }
        List<String[]> samples = jdbc.sql("""
                        select m.id::text from household_member m order by random() limit ?""")
                .param(SEARCHES).query((rs, n) -> new String[]{rs.getString(1)}).list();
        measure("ID number (exact)", client, samples, "idNumber");
        measure("phone, last four digits", client, samples, "phone4");
        measure("name (prefix)", client, samples, "name");
    }

    List<List<String>> householdRows(int households) {
        List<List<String>> rows = new ArrayList<>();
        int members = 0;
        for (int h = 0; h < households; h++) {
            int size = h % 2 == 0 ? 2 : 3; // 2.5 on average: 25,000 members for 10,000 households
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            for (int m = 0; m < size; m++) {
                rows.add(List.of("H" + h, "610802", "低收入", "2026-01-01", "", surname + GIVEN[random.nextInt(GIVEN.length)],
                        m == 0 ? "户主" : m == 1 ? "配偶" : "子女", idNumber(), m == 0 ? phone() : ""));
                members++;
            }
        }
        return rows;
    }

    /** The same rows straight into the tables with one batch each, everything computed beforehand. */
    double floorInsert(List<List<String>> rows, long officerId) {
        FieldCipher cipher = app.getBean(FieldCipher.class);
        BlindIndex index = app.getBean(BlindIndex.class);
        template.execute("create table floor_household (like household including defaults including indexes)");
        template.execute("create table floor_member (like household_member including defaults including indexes)");
        List<Long> householdIds = jdbc.sql("select nextval('household_id_seq') from generate_series(1, ?)")
                .param(HOUSEHOLDS).query(Long.class).list();
        List<Object[]> members = new ArrayList<>();
        for (List<String> r : rows) {
            String id = idNumber();
            long household = householdIds.get(Integer.parseInt(r.get(0).substring(1)));
            String relationship = switch (r.get(6)) {
                case "户主" -> "HEAD";
                case "配偶" -> "SPOUSE";
                default -> "CHILD";
            };
            members.add(new Object[]{household, r.get(5), relationship, cipher.encrypt(id, "household_member.id_number"),
                    index.of(id, "household_member.id_number"), Date.valueOf(LocalDate.of(1980, 1, 1))});
        }
        List<Object[]> households = new ArrayList<>();
        for (long id : householdIds) {
            households.add(new Object[]{id, "610802", "LOW_INCOME", Date.valueOf(LocalDate.of(2026, 1, 1))});
        }
        long t0 = System.nanoTime();
        template.batchUpdate("insert into floor_household (id, district_code, category, registered_on, created_at) "
                + "values (?, ?, ?, ?, now())", households);
        template.batchUpdate("insert into floor_member (id, household_id, name, relationship, id_number, id_number_index, birth_date) "
                + "values (nextval('household_member_id_seq'), ?, ?, ?, ?, ?, ?)", members);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** 100,000 units and people up to 250,000, written in bulk with the platform's own cipher and indexes. */
    void loadCity(long officerId) {
        FieldCipher cipher = app.getBean(FieldCipher.class);
        BlindIndex index = app.getBean(BlindIndex.class);
        long t0 = System.nanoTime();
        template.update("insert into project (district_code, name, address, built_year, created_at) values ('610802', '基准项目', '基准路1号', 2020, now())");
        long project = jdbc.sql("select id from project where name = '基准项目'").query(Long.class).single();
        template.update("insert into building (project_id, district_code, number, floors, has_elevator) "
                + "select ?, '610802', 'B' || g, 30, true from generate_series(1, ?) g", project, UNITS / 100);
        template.update("""
                insert into unit (project_id, building_id, district_code, floor, number, layout, building_area, usable_area, rent_area, orientation, status)
                select b.project_id, b.id, '610802', (g - 1) / 4 + 1, ((g - 1) / 4 + 1) * 100 + (g - 1) % 4 + 1, '一室一厅', 45, 36, 45, '南', 'OCCUPIED'
                  from building b cross join generate_series(1, 100) g where b.project_id = ?""", project);
        long existing = jdbc.sql("select count(*) from household_member").query(Long.class).single();
        int toAdd = (int) Math.max(0, PEOPLE - existing);
        int households = toAdd / 2;
        List<Object[]> hh = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            hh.add(new Object[]{"610802", "LOW_INCOME", Date.valueOf(LocalDate.of(2025, 1, 1))});
        }
        template.batchUpdate("insert into household (district_code, category, registered_on, created_at) values (?, ?, ?, now())", hh);
        List<Long> ids = jdbc.sql("select id from household order by id desc limit ?").param(households).query(Long.class).list();
        List<Object[]> members = new ArrayList<>(toAdd);
        for (int i = 0; i < toAdd; i++) {
            String id = idNumber();
            String phone = phone();
            members.add(new Object[]{ids.get(i / 2), SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                    i % 2 == 0 ? "HEAD" : "SPOUSE", cipher.encrypt(id, "household_member.id_number"),
                    index.of(id, "household_member.id_number"), cipher.encrypt(phone, "household_member.phone"),
                    index.of(phone, "household_member.phone"), index.of(phone.substring(7), "household_member.phone_last4"),
                    Date.valueOf(LocalDate.of(1980, 1, 1))});
        }
        for (int from = 0; from < members.size(); from += 10_000) {
            template.batchUpdate("""
                    insert into household_member (household_id, name, relationship, id_number, id_number_index, phone,
                           phone_index, phone_last4_index, birth_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    members.subList(from, Math.min(members.size(), from + 10_000)));
        }
        template.execute("analyze");
        System.out.printf("loaded in %.1f s: %d units, %d people%n", (System.nanoTime() - t0) / 1e9,
                jdbc.sql("select count(*) from unit").query(Long.class).single(),
                jdbc.sql("select count(*) from household_member").query(Long.class).single());
    }

    void measure(String label, WebClient client, List<String[]> samples, String kind) {
        FieldCipher cipher = app.getBean(FieldCipher.class);
        BlindIndex index = app.getBean(BlindIndex.class);
        long[] api = new long[samples.size()];
        long[] floor = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            long memberId = Long.parseLong(samples.get(i)[0]);
            record Member(String idNumber, String phone, String name) {
            }
            Member m = jdbc.sql("select id_number, phone, name from household_member where id = ?").param(memberId)
                    .query((rs, n) -> new Member(cipher.decrypt(rs.getString(1), "household_member.id_number"),
                            rs.getString(2) == null ? null : cipher.decrypt(rs.getString(2), "household_member.phone"), rs.getString(3)))
                    .single();
            String query = switch (kind) {
                case "idNumber" -> "idNumber=" + m.idNumber();
                case "phone4" -> "phone=" + (m.phone() == null ? "0000" : m.phone().substring(7));
                default -> "name=" + URLEncoder.encode(m.name(), StandardCharsets.UTF_8);
            };
            long t0 = System.nanoTime();
            var response = client.getJson("/api/v1/households?size=20&" + query);
            api[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
            String column = switch (kind) {
                case "idNumber" -> "id_number_index = '" + index.of(m.idNumber(), "household_member.id_number") + "'";
                case "phone4" -> "phone_last4_index = '" + index.of(m.phone() == null ? "0000" : m.phone().substring(7), "household_member.phone_last4") + "'";
                default -> "name like '" + m.name() + "%'";
            };
            long t1 = System.nanoTime();
            template.queryForList("select household_id from household_member where " + column + " limit 20");
            floor[i] = System.nanoTime() - t1;
        }
        Arrays.sort(api);
        Arrays.sort(floor);
        System.out.printf("%-26s API p50 %6.1f ms  p99 %6.1f ms   | floor (index lookup in SQL) p50 %5.2f ms  p99 %5.2f ms%n",
                label, ms(api, 0.50), ms(api, 0.99), ms(floor, 0.50), ms(floor, 0.99));
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    int port() {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Unique for up to 25 million: the sequence picks the birth date and the three-digit order code. */
    String idNumber() {
        int n = sequence++;
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n / 1000);
        String first17 = "610802" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576;
    }
}
