package cn.anju;

import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.support.Browser;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants valid ID numbers wherever a careless platform would log them: logins, bad JSON, wrong types, paths,
 * searches, the ID check itself and a browser form. Responses must not echo them; the build's LogScan step then
 * reads every log of the run and fails if one shows up there.
 */
@PlatformTest
class PersonalDataLeakTest {

    static final String PLANTED = "610802198507160414";
    static final String PLANTED_2 = "612721197302053624";

    @LocalServerPort
    int port;

    @Test
    void plantedNumbersAreValidSoTheScanWouldCatchThem() {
        assertThat(ChineseIdNumber.isValid(PLANTED, TestClock.today())).isTrue();
        assertThat(ChineseIdNumber.isValid(PLANTED_2, TestClock.today())).isTrue();
    }

    @Test
    void loginsWithAnIdNumberForNameOrPassword() {
        WebClient client = new WebClient(port);
        assertThat(WebClient.location(client.login(PLANTED, "Whatever-1"))).isEqualTo("/login?error");
        assertThat(WebClient.location(client.login("anju.staff", PLANTED))).isEqualTo("/login?error");
        assertThat(client.get("/login").body()).doesNotContain(PLANTED).doesNotContain(PLANTED_2);
    }

    @Test
    void badRequestsCarryingIdNumbersAreRefusedWithoutEchoingThem() {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        HttpResponse<String> malformed = officer.postJson("/api/v1/evaluator-engagements", "{\"note\": \"" + PLANTED + "\", oops");
        HttpResponse<String> wrongType = officer.postJson("/api/v1/evaluator-engagements",
                "{\"evaluatorId\": \"" + PLANTED + "\", \"districtCode\": \"" + PLANTED_2 + "\"}");
        HttpResponse<String> check = officer.postJson("/api/v1/id-numbers/check", "{\"idNumber\":\"" + PLANTED + "\"}");
        HttpResponse<String> badCheck = officer.postJson("/api/v1/id-numbers/check",
                "{\"idNumber\":\"" + PLANTED.substring(0, 17) + "1\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(check).get("valid").asBoolean()).isTrue();
        assertThat(WebClient.json(badCheck).get("message").asString()).isEqualTo("身份证号校验位错误，请核对第18位。");
        for (HttpResponse<String> r : new HttpResponse[]{malformed, wrongType, check, badCheck}) {
            assertThat(r.body()).doesNotContain(PLANTED).doesNotContain(PLANTED_2);
        }

        WebClient admin = WebClient.loggedIn(port, "admin");
        HttpResponse<String> apiPath = admin.getJson("/api/v1/accounts/" + PLANTED);
        HttpResponse<String> pagePath = admin.get("/admin/accounts/" + PLANTED);
        HttpResponse<String> search = admin.get("/admin/accounts?keyword=" + PLANTED);
        assertThat(apiPath.statusCode()).isEqualTo(404); // a number that fits a long: simply no such account
        assertThat(pagePath.statusCode()).isEqualTo(404);
        assertThat(apiPath.body()).doesNotContain(PLANTED);
        assertThat(pagePath.body()).doesNotContain(PLANTED);
        assertThat(search.statusCode()).isEqualTo(200);
        String postCsrf = admin.csrfToken();
        admin.postForm("/admin/accounts", Map.of("_csrf", postCsrf, "username", PLANTED, "displayName", PLANTED_2,
                "mobile", PLANTED, "email", PLANTED_2));
    }

    @Test
    void anIdNumberTypedIntoABrowserForm() {
        try (Browser browser = new Browser()) {
            browser.login("http://localhost:" + port, PLANTED, PLANTED_2);
            assertThat(browser.driver().findElement(By.cssSelector(".alert-danger")).getText()).contains("用户名或密码错误");
        }
    }
}
