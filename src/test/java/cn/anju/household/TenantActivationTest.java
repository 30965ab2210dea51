package cn.anju.household;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.identity.TestAccounts;
import cn.anju.notification.Notifications;
import cn.anju.shared.Role;
import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A household member opens an account with ID number, phone on record and an SMS code, and sees only its household. */
@PlatformTest
class TenantActivationTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRegister register;
    @Autowired
    Notifications notifications;
    @Autowired
    TestAccounts identity;
    @Autowired
    JdbcClient jdbc;

    String idNumber;
    String phone;
    long household;

    void registerHousehold() {
        String first17 = "610802" + "19880808" + String.format("%03d", (int) (System.nanoTime() % 1000));
        idNumber = first17 + ChineseIdNumber.checkCharacter(first17);
        phone = "1355" + String.format("%07d", System.nanoTime() % 10_000_000);
        CurrentUser officer = new CurrentUser(identity.userId("yuyang.gov"), "yuyang.gov", "李红梅", 2L, "榆阳区住房保障中心",
                OrganisationType.DISTRICT_HOUSING, "610802", Set.of(Role.GOV_OFFICER), Set.of(), false, null);
        household = register.register(officer, new HouseholdRegister.NewHousehold("610802", HouseholdCategory.LOW_INCOME, Set.of(),
                LocalDate.of(2025, 5, 1), List.of(new HouseholdRegister.NewMember("开通测试", Relationship.HEAD, idNumber, phone))));
    }

    /** What the recording SMS adapter "sent" last, and the code in it. */
    String lastCode() {
        smsCount();
        String text = jdbc.sql("select text from sms_log order by id desc limit 1").query(String.class).single();
        return text.replaceAll(".*验证码([0-9]{6}).*", "$1");
    }

    long smsCount() {
        // the scheduled dispatcher may hold some pending messages (skip locked) at this moment: wait until it is done
        long deadline = System.currentTimeMillis() + 10_000;
        do {
            notifications.dispatch();
        } while (jdbc.sql("select count(*) from notification_outbox where status = 'PENDING'").query(Long.class).single() > 0
                && System.currentTimeMillis() < deadline && pause());
        return jdbc.sql("select count(*) from sms_log").query(Long.class).single();
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    HttpResponse<String> post(WebClient client, String path, Map<String, String> form) {
        var all = new HashMap<>(form);
        all.put("_csrf", client.csrfTokenFrom("/activate"));
        return client.postForm(path, all);
    }

    @Test
    void aMemberOpensAnAccountWithTheCodeSentToThePhoneOnRecord() {
        registerHousehold();
        WebClient browser = new WebClient(port);
        long before = smsCount();
        HttpResponse<String> wrongPhone = post(browser, "/activate/code", Map.of("purpose", "ACTIVATE", "idNumber", idNumber,
                "phone", "13900000000"));
        assertThat(wrongPhone.body()).contains("如果身份证号和手机号与登记信息一致");
        assertThat(smsCount()).as("nothing is sent when the phone does not match").isEqualTo(before);

        HttpResponse<String> right = post(browser, "/activate/code", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone));
        assertThat(right.body()).contains("如果身份证号和手机号与登记信息一致");
        assertThat(smsCount()).isEqualTo(before + 1);
        String logged = jdbc.sql("select phone_masked from sms_log order by id desc limit 1").query(String.class).single();
        assertThat(logged).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        String params = jdbc.sql("select params from notification_outbox order by id desc limit 1").query(String.class).single();
        assertThat(params).doesNotContain(phone).doesNotContain(idNumber);
        String code = lastCode();

        String username = "tenant." + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> wrongCode = post(browser, "/activate", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone,
                "code", code.equals("000000") ? "111111" : "000000", "username", username, "password", "Tenant-Pass-1"));
        assertThat(wrongCode.body()).contains("验证码错误或已过期");
        HttpResponse<String> weak = post(browser, "/activate", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone,
                "code", code, "username", username, "password", "weak"));
        assertThat(weak.body()).contains("密码至少需要");
        HttpResponse<String> done = post(browser, "/activate", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone,
                "code", code, "username", username, "password", "Tenant-Pass-1"));
        assertThat(WebClient.location(done)).isEqualTo("/login?activated");

        WebClient tenant = new WebClient(port);
        assertThat(WebClient.location(tenant.login(username, "Tenant-Pass-1"))).isEqualTo("/");
        var mine = WebClient.json(tenant.getJson("/api/v1/households"));
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asLong()).isEqualTo(household);
        assertThat(tenant.get("/my/household").body()).contains("开通测试").doesNotContain(idNumber);

        // a second activation sends nothing; a reset works the same way
        long sent = smsCount();
        post(browser, "/activate/code", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone));
        assertThat(smsCount()).isEqualTo(sent);
        post(browser, "/activate/code", Map.of("purpose", "RESET", "idNumber", idNumber, "phone", phone));
        String resetCode = lastCode();
        HttpResponse<String> reset = post(browser, "/activate", Map.of("purpose", "RESET", "idNumber", idNumber, "phone", phone,
                "code", resetCode, "password", "Tenant-Pass-2"));
        assertThat(WebClient.location(reset)).isEqualTo("/login?reset");
        assertThat(WebClient.location(new WebClient(port).login(username, "Tenant-Pass-2"))).isEqualTo("/");
    }

    @Test
    void fiveWrongCodesSpendTheCode() {
        registerHousehold();
        WebClient browser = new WebClient(port);
        post(browser, "/activate/code", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone));
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            post(browser, "/activate", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone, "code", wrong,
                    "username", "spent." + i, "password", "Tenant-Pass-1"));
        }
        HttpResponse<String> late = post(browser, "/activate", Map.of("purpose", "ACTIVATE", "idNumber", idNumber, "phone", phone,
                "code", code, "username", "spent.ok", "password", "Tenant-Pass-1"));
        assertThat(late.body()).contains("验证码错误或已过期");
    }
}
