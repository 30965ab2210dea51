package cn.anju.disclosure;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything public after the demo is loaded — every page of the portal, every published item's page, the feed, every
 * page of the public API, the public lottery pages and the service channels — holds no ID number, no mobile number, no
 * household's door number and no full name of any household member.
 */
@PlatformTest
class PublicPersonalDataScanTest {

    static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    static final Pattern DOOR = Pattern.compile("\\d+\\s*(?:号楼|栋|幢)\\s*(?:\\d+\\s*单元\\s*)?\\d{3,4}\\s*(?:室|号)?");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void nothingPublicIdentifiesAHousehold() {
        WebClient anyone = new WebClient(port);
        Map<String, String> seen = new LinkedHashMap<>();
        List<Long> items = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int page = 1; (page - 1) * 100L < total; page++) {
            String path = "/api/public/v1/disclosures?size=100&page=" + page;
            var r = anyone.getJson(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            seen.put(path, r.body());
            JsonNode body = WebClient.json(r);
            total = body.get("total").asLong();
            body.get("items").forEach(i -> items.add(i.get("item").get("id").asLong()));
        }
        assertThat(items).as("the demo publishes items").isNotEmpty();
        List<String> pages = new ArrayList<>(List.of("/public", "/public/disclosures.atom", "/public/contact"));
        items.forEach(id -> pages.add("/public/disclosures/" + id));
        for (int p = 2; p <= (items.size() + 19) / 20; p++) {
            pages.add("/public?page=" + p);
        }
        jdbc.sql("select id from selection_round where status <> 'DRAFT'").query(Long.class).list()
                .forEach(id -> pages.add("/public/selection-rounds/" + id));
        for (String path : pages) {
            var r = anyone.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            seen.put(path, r.body());
        }
        List<String> names = jdbc.sql("select distinct name from household_member where char_length(name) >= 2").query(String.class).list();
        assertThat(names).as("the demo households' member names").hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        seen.forEach((path, body) -> {
            for (Pattern p : List.of(ID, MOBILE, DOOR)) {
                Matcher m = p.matcher(body);
                if (m.find()) {
                    found.add(path + ": " + m.group());
                }
            }
            for (String name : names) {
                if (body.contains(name)) {
                    found.add(path + ": " + name);
                }
            }
        });
        assertThat(found).as("personal data in public answers").isEmpty();
        assertThat(seen.size()).isGreaterThan(5);
    }
}
