package cn.anju;

import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.support.Crawl;
import cn.anju.support.DemoAccounts;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role walks every page its menu offers, the first record each list links to, and every GET endpoint of
 * the API: nothing fails with a server error, nothing offered is refused, and no answer holds an unmasked ID number
 * or phone number (the only way to one is the audited reveal, which this crawl does not press).
 */
@PlatformTest
class PageCrawlTest {

    static final Pattern MENU_LINK = Pattern.compile("class=\"menu-item\" href=\"([^\"]+)\"");
    static final Pattern DETAIL_LINK = Pattern.compile("href=\"(/(?:households|admin/accounts)/[0-9]+)\"");
    static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])[1-8][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    // letters count as boundaries too: SHA-256 digests (list digest, seed commitment) hold digit runs such as "a13912345678f"
    static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Set<String> apiGets() {
        Set<String> paths = new TreeSet<>();
        Crawl.apiGets(mappings).stream().filter(p -> !p.contains("{") && !p.endsWith("/template")).forEach(paths::add);
        return paths;
    }

    @Test
    void everyRoleWalksItsPagesAndTheApiWithoutErrorsOrUnmaskedPersonalData() {
        Set<String> apis = apiGets();
        assertThat(apis).contains("/api/v1/households", "/api/v1/units", "/api/v1/me");
        int pages = 0;
        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            WebClient client = WebClient.loggedIn(port, account.username());
            String home = client.get("/").body();
            check(account.username() + " /", 200, client.get("/"));
            Set<String> toVisit = new LinkedHashSet<>();
            Matcher menu = MENU_LINK.matcher(home);
            while (menu.find()) {
                toVisit.add(menu.group(1));
            }
            assertThat(toVisit).as(account.username() + " menu").hasSize(account.menus().size());
            Set<String> details = new LinkedHashSet<>();
            for (String page : toVisit) {
                HttpResponse<String> response = client.get(page);
                check(account.username() + " " + page, 200, response);
                Matcher detail = DETAIL_LINK.matcher(response.body());
                if (detail.find()) {
                    details.add(detail.group(1));
                }
                pages++;
            }
            for (String page : details) {
                check(account.username() + " " + page, 200, client.get(page));
                pages++;
            }
            for (String api : apis) {
                HttpResponse<String> response = client.getJson(api);
                assertThat(response.statusCode()).as(account.username() + " " + api).isIn(200, 403);
                assertNoPersonalData(account.username() + " " + api, response.body());
            }
        }
        assertThat(pages).isGreaterThan(40);
    }

    private static void check(String where, int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        assertNoPersonalData(where, response.body());
    }

    static void assertNoPersonalData(String where, String body) {
        Matcher id = ID.matcher(body);
        while (id.find()) {
            assertThat(ChineseIdNumber.isValid(id.group(), TestClock.today())).as(where + " shows an ID number").isFalse();
        }
        assertThat(PHONE.matcher(body).find()).as(where + " shows a phone number").isFalse();
    }
}
