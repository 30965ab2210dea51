package cn.anju.allocation;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round from creation to choices: the steps in their order only, the order re-checked by the platform and by the
 * standalone verifier from published data alone, tampering caught, one winner when two clerks choose one unit.
 */
@PlatformTest
class SelectionRoundTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long createDrawnRound(WebClient officer) {
        long project = jdbc.sql("select id from project where name = '金沙花园公租房'").query(Long.class).single();
        HttpResponse<String> created = officer.postJson("/api/v1/selection-rounds",
                "{\"name\":\"测试轮次\",\"projectId\":" + project + ",\"groupOrder\":[1,2,3,4,5,6]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebClient.json(created).get("id").asLong();
        // the draw cannot come before the public value, nor the public value before the list is published
        var early = officer.postJson("/api/v1/selection-rounds/" + id + "/draw", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(early).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/public-value", "{\"value\":\"1\"}").statusCode()).isEqualTo(409);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/publish", "{}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/draw", "{}").statusCode()).isEqualTo(409);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/public-value", "{\"value\":\"385712\"}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/draw", "{}").statusCode()).isEqualTo(204);
        // and never after the seed is out
        HttpResponse<String> late = officer.postJson("/api/v1/selection-rounds/" + id + "/public-value", "{\"value\":\"999\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        return id;
    }

    @Test
    void theOrderIsReCheckedFromPublishedDataAloneAndTamperingIsCaught() throws Exception {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long id = createDrawnRound(officer);
        JsonNode verification = WebClient.json(officer.getJson("/api/v1/selection-rounds/" + id + "/verification"));
        assertThat(verification.get("matches").asBoolean()).isTrue();

        // the public page offers the data, to anyone, masked
        WebClient anyone = new WebClient(port);
        String publication = anyone.get("/public/selection-rounds/" + id + "/publication.txt").body();
        assertThat(publication).contains("algorithm: anju-lottery-v1", "seed: ", "order:");
        assertThat(anyone.get("/public/selection-rounds/" + id).body()).contains("复核一致");
        assertThat(verify(publication)).startsWith("MATCHES");

        String firstApplicant = publication.lines().dropWhile(l -> !l.equals("applicants:")).skip(1).findFirst().orElseThrow();
        String publicValue = publication.lines().filter(l -> l.startsWith("public-value: ")).findFirst().orElseThrow();
        String seedLine = publication.lines().filter(l -> l.startsWith("seed: ")).findFirst().orElseThrow();
        List<String> orderLines = publication.lines().dropWhile(l -> !l.equals("order:")).skip(1).toList();
        assertThat(orderLines.size()).isGreaterThan(1);
        String swapped = publication.replace(orderLines.get(0) + "\n" + orderLines.get(1) + "\n",
                orderLines.get(1) + "\n" + orderLines.get(0) + "\n");
        String flippedSeed = seedLine.substring(0, seedLine.length() - 1) + (seedLine.endsWith("0") ? "1" : "0");
        for (String tampered : List.of(
                publication.replace(firstApplicant, firstApplicant.replaceFirst("\\|\\d\\|", "|9|")),
                publication.replace(seedLine, flippedSeed),
                publication.replace(publicValue, "public-value: 385713"),
                publication.replace("algorithm: anju-lottery-v1", "algorithm: anju-lottery-v2"),
                swapped)) {
            assertThat(verify(tampered)).startsWith("DOES NOT MATCH");
        }
    }

    @Test
    void theStandaloneVerifierReproducesTheWorkedExamples() throws Exception {
        assertThat(verify(Files.readString(Path.of("tools/lottery-verifier/example-1.txt")))).startsWith("MATCHES: 5 applicants");
        String points = Files.readString(Path.of("tools/lottery-verifier/example-2.txt"));
        assertThat(verify(points)).startsWith("MATCHES: 6 applicants");
        // a household's points changed after publication: the list no longer matches its digest
        assertThat(verify(points.replace("A00004|6|7|", "A00004|6|27|"))).startsWith("DOES NOT MATCH");
        // the same data read as a lottery round is not what was published
        assertThat(verify(points.replace("anju-points-v1", "anju-lottery-v1"))).startsWith("DOES NOT MATCH");
    }

    @Test
    void aPointsRoundRanksByThePublishedTableAndBreaksTiesByTheLottery() throws Exception {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long project = jdbc.sql("select id from project where name = '金沙花园公租房'").query(Long.class).single();
        HttpResponse<String> bad = officer.postJson("/api/v1/selection-rounds", "{\"name\":\"积分\",\"projectId\":" + project
                + ",\"method\":\"POINTS\",\"pointsTable\":{\"rules\":[{\"criterion\":\"ELDERLY\",\"points\":500}]}}");
        assertThat(WebClient.json(bad).get("code").asString()).isEqualTo("POINTS_TABLE_INVALID");
        HttpResponse<String> created = officer.postJson("/api/v1/selection-rounds",
                "{\"name\":\"积分排序测试\",\"projectId\":" + project + ",\"method\":\"POINTS\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = WebClient.json(created).get("id").asLong();
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/publish", "{}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/public-value", "{\"value\":\"8848\"}").statusCode()).isEqualTo(204);
        assertThat(officer.postJson("/api/v1/selection-rounds/" + id + "/draw", "{}").statusCode()).isEqualTo(204);

        String publication = new WebClient(port).get("/public/selection-rounds/" + id + "/publication.txt").body();
        assertThat(publication).contains("algorithm: anju-points-v1", "points-table: ", "YEAR_ON_WAITLIST");
        assertThat(verify(publication)).startsWith("MATCHES");
        assertThat(WebClient.json(officer.getJson("/api/v1/selection-rounds/" + id + "/verification")).get("matches").asBoolean()).isTrue();

        // drawn order: points never rise, and each household's points are what the table gives for its facts
        List<Integer> points = jdbc.sql("select points from selection_applicant where round_id = ? order by position")
                .param(id).query(Integer.class).list();
        assertThat(points).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(points.stream().distinct().count()).as("a real spread of points").isGreaterThan(3);
        var top = jdbc.sql("""
                        select h.registered_on, (select count(*) from household_member m where m.household_id = h.id), h.category,
                               h.special_groups::text, a.points
                          from selection_applicant a join household h on h.id = a.household_id where a.round_id = ? and a.position = 1""")
                .param(id).query((rs, n) -> new Object[]{rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)}).single();
        int years = (int) ChronoUnit.YEARS.between((LocalDate) top[0], TestClock.today());
        String groups = (String) top[3];
        int expected = Math.min(2 * years, 20) + Math.min(Math.max(0, (int) top[1] - 1), 4)
                + (top[2].equals("MINIMUM_LIVING") || top[2].equals("EXTREME_POVERTY") ? 10 : 0) + (top[2].equals("LOW_INCOME") ? 5 : 0)
                + (groups.contains("DISABILITY") ? 8 : 0) + (groups.contains("VETERAN_FAMILY") ? 6 : 0) + (groups.contains("ELDERLY") ? 5 : 0);
        assertThat((int) top[4]).isEqualTo(expected);
        assertThat(new WebClient(port).get("/public/selection-rounds/" + id).body()).contains("积分排序", "轮候每满1年");
    }

    @Test
    void choicesGoInOrderAndTwoClerksCannotTakeOneUnit() throws Exception {
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        long id = createDrawnRound(officer);
        JsonNode places = WebClient.json(officer.getJson("/api/v1/selection-rounds/" + id)).get("places");
        long first = places.get(0).get("applicantId").asLong();
        long second = places.get(1).get("applicantId").asLong();
        long unit = jdbc.sql("select p.unit_id from selection_round_unit p join unit u on u.id = p.unit_id where p.round_id = ? and u.status = 'VACANT' order by p.unit_id limit 1")
                .param(id).query(Long.class).single();

        HttpResponse<String> outOfTurn = officer.postJson("/api/v1/selection-rounds/" + id + "/choices",
                "{\"applicantId\":" + second + ",\"outcome\":\"SKIPPED\"}");
        assertThat(outOfTurn.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(outOfTurn).get("code").asString()).isEqualTo("NOT_THEIR_TURN");

        // two clerks press "choose" for the same applicant and unit at the same moment
        WebClient clerk1 = WebClient.loggedIn(port, "anju.staff");
        WebClient clerk2 = WebClient.loggedIn(port, "anju.manager");
        String body = "{\"applicantId\":" + first + ",\"outcome\":\"CHOSEN\",\"unitId\":" + unit + "}";
        String csrf1 = clerk1.csrfToken();
        String csrf2 = clerk2.csrfToken();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<HttpResponse<String>> a = pool.submit(() -> {
            start.await();
            return clerk1.postJson("/api/v1/selection-rounds/" + id + "/choices", body, csrf1);
        });
        Future<HttpResponse<String>> b = pool.submit(() -> {
            start.await();
            return clerk2.postJson("/api/v1/selection-rounds/" + id + "/choices", body, csrf2);
        });
        start.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        assertThat(jdbc.sql("select status from unit where id = ?").param(unit).query(String.class).single()).isEqualTo("RESERVED");
        assertThat(jdbc.sql("select count(*) from selection_applicant where round_id = ? and unit_id = ?").params(id, unit)
                .query(Long.class).single()).isEqualTo(1);

        // the next applicant cannot take the same unit
        HttpResponse<String> taken = officer.postJson("/api/v1/selection-rounds/" + id + "/choices",
                "{\"applicantId\":" + second + ",\"outcome\":\"CHOSEN\",\"unitId\":" + unit + "}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(taken).get("code").asString()).isEqualTo("UNIT_ALREADY_CHOSEN");
    }

    @Test
    void onlyTheDistrictsOfficersRunARound() {
        long project = jdbc.sql("select id from project where name = '金沙花园公租房'").query(Long.class).single();
        for (String who : List.of("anju.manager", "city.gov", "hengshan.gov")) {
            HttpResponse<String> r = WebClient.loggedIn(port, who).postJson("/api/v1/selection-rounds",
                    "{\"name\":\"越权\",\"projectId\":" + project + "}");
            assertThat(r.statusCode()).as(who).isIn(403, 422);
        }
        assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/selection-rounds",
                "{\"name\":\"越权\",\"projectId\":" + project + "}").statusCode()).isEqualTo(403);
    }

    /** Runs the standalone verifier (JDK only, no platform class on its class path) on a publication. */
    static String verify(String publication) throws IOException, InterruptedException {
        Path file = Files.createTempFile("round", ".txt");
        Files.writeString(file, publication);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "tools/lottery-verifier/Verify.java", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        Files.deleteIfExists(file);
        assertThat(code).as(out).isEqualTo(out.startsWith("MATCHES") ? 0 : 1);
        return out;
    }
}
