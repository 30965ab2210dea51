package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact search by ID number and phone through keyed indexes; masked everywhere; every reveal audited. */
@PlatformTest
class HouseholdSearchAndMaskingTest {

    static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts identitySeeding;

    String idNumber(String area, LocalDate birth, int seq) {
        String first17 = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void findsAHouseholdExactlyByIdNumberOrPhoneAndShowsItMasked() {
        String id = idNumber("610802", LocalDate.of(1977, 7, 7), 700 + (int) (System.nanoTime() % 200));
        String phone = "1399" + String.format("%07d", System.nanoTime() % 10_000_000);
        CurrentUser officer = new CurrentUser(identitySeeding.userId("yuyang.gov"), "yuyang.gov", "李红梅", 2L, "榆阳区住房保障中心",
                OrganisationType.DISTRICT_HOUSING, "610802", Set.of(Role.GOV_OFFICER), Set.of(), false, null);
        long household = register.register(officer, new HouseholdRegister.NewHousehold("610802", HouseholdCategory.LOW_INCOME,
                Set.of(), LocalDate.of(2024, 3, 1), List.of(new HouseholdRegister.NewMember("测试户主", Relationship.HEAD, id, phone))));

        WebClient staff = WebClient.loggedIn(port, "anju.staff");
        assertThat(ids(staff.getJson("/api/v1/households?idNumber=" + id))).containsExactly(household);
        assertThat(ids(staff.getJson("/api/v1/households?idNumber=" + id.toLowerCase()))).containsExactly(household);
        assertThat(ids(staff.getJson("/api/v1/households?phone=" + phone))).containsExactly(household);
        assertThat(ids(staff.getJson("/api/v1/households?phone=" + phone.substring(7)))).contains(household);
        assertThat(ids(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/households?idNumber=" + id))).isEmpty();

        // stored only encrypted
        assertThat(jdbc.sql("select count(*) from household_member where id_number like ? or phone like ?")
                .params("%" + id + "%", "%" + phone + "%").query(Long.class).single()).isZero();

        String detail = staff.getJson("/api/v1/households/" + household).body();
        assertThat(detail).doesNotContain(id).doesNotContain(phone).contains(id.substring(0, 6) + "********" + id.substring(14));

        long member = WebClient.json(staff.getJson("/api/v1/households/" + household)).get("members").get(0).get("id").asLong();
        long reveals = jdbc.sql("select count(*) from audit_log where action = 'PII_REVEAL' and target_id = ?")
                .param(String.valueOf(member)).query(Long.class).single();
        JsonNode shown = WebClient.json(staff.postJson("/api/v1/households/" + household + "/members/" + member + "/reveal",
                "{\"field\":\"ID_NUMBER\"}"));
        assertThat(shown.get("value").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PII_REVEAL' and target_id = ?")
                .param(String.valueOf(member)).query(Long.class).single()).isEqualTo(reveals + 1);
    }

    @Test
    void noPageOrApiAnswerOfAnyDemoRoleHoldsAnUnmaskedIdNumberOrPhone() {
        for (String who : List.of("yuyang.gov", "city.gov", "anju.staff", "shenmu.op", "hengshan.gov")) {
            WebClient client = WebClient.loggedIn(port, who);
            long first = WebClient.json(client.getJson("/api/v1/households?size=1")).get("items").get(0).get("id").asLong();
            for (String path : List.of("/api/v1/households?size=200", "/api/v1/households/" + first,
                    "/households", "/households/" + first, "/housing/units", "/housing/projects", "/")) {
                String body = path.startsWith("/api") ? client.getJson(path).body() : client.get(path).body();
                assertNoPersonalData(who + " " + path, body);
            }
        }
    }

    @Test
    void theExcelExportsAreMaskedAndComplete() throws Exception {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        var households = officer.getBytes("/households/export?category=MINIMUM_LIVING");
        assertThat(households.statusCode()).isEqualTo(200);
        var rows = SheetReader.read(new ByteArrayInputStream(households.body()), List.of("户主身份证号（脱敏）"));
        long expected = WebClient.json(officer.getJson("/api/v1/households?category=MINIMUM_LIVING&size=1")).get("total").asLong();
        assertThat(rows).hasSize((int) expected);
        StringBuilder all = new StringBuilder();
        rows.forEach(r -> all.append(r.cells()).append('\n'));
        assertNoPersonalData("households export", all.toString());
        assertThat(rows.getFirst().get("户主身份证号（脱敏）")).matches("[0-9]{6}\\*{8}[0-9X]{4}");

        var units = WebClient.loggedIn(port, "shenmu.op").getBytes("/housing/units/export?status=VACANT");
        var unitRows = SheetReader.read(new ByteArrayInputStream(units.body()), List.of("房号", "状态"));
        long vacant = WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/units?status=VACANT&size=1")).get("total").asLong();
        assertThat(unitRows).hasSize((int) vacant);
        unitRows.forEach(r -> assertThat(r.get("区县")).isEqualTo("神木市"));
    }

    static void assertNoPersonalData(String where, String body) {
        Matcher id = ID.matcher(body);
        while (id.find()) {
            assertThat(ChineseIdNumber.isValid(id.group(), TestClock.today())).as(where + " shows an ID number").isFalse();
        }
        assertThat(PHONE.matcher(body).find()).as(where + " shows a phone number").isFalse();
    }

    private static List<Long> ids(HttpResponse<String> response) {
        List<Long> ids = new ArrayList<>();
        WebClient.json(response).get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
