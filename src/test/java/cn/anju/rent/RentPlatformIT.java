package cn.anju.rent;

import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.anju.support.ForkedJars.deleteRecursively;
import static cn.anju.support.ForkedJars.freePort;
import static cn.anju.support.ForkedJars.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money under real failure: two platform instances (separate JVMs) on one database take 50 concurrent clients'
 * payments for one lease, each client retrying through the other node with its idempotency key; and a bill run in
 * its own process is killed with {@code kill -9} between committed chunks, then run again.
 */
class RentPlatformIT {

    static final Path JAR = Path.of("target", "anju.jar");
    static final Path DATA = Path.of("target", "it-rent");
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void twoNodesFiftyClientsRetriesNothingLostNothingDoubled() throws Exception {
        deleteRecursively(DATA);
        int pg = freePort();
        int a = freePort();
        int b = freePort();
        start("node-a", a, "--anju.embedded-db.port=" + pg, "--anju.embedded-db.data-dir=" + DATA.resolve("pg"));
        List<String> external = externalDatabase(pg);
        start("node-b", b, external.toArray(String[]::new));

        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg + "/anju", "anju_app", password("anju_app"))) {
            long lease = single(db, """
                    select l.id from lease l where l.status = 'ACTIVE' and l.district_code = '610802'
                       and exists (select 1 from bill b where b.lease_id = l.id) order by l.id limit 1""");
            BigDecimal before = decimal(db, "select coalesce(sum(amount), 0) from payment where lease_id = " + lease);
            long lastBefore = single(db, "select coalesce(max(id), 0) from payment");
            WebClient clerkA = WebClient.loggedIn(a, "anju.staff");
            WebClient clerkB = clerkA.onPort(b); // the same session, served by the other node
            String csrf = clerkA.csrfToken();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<List<Integer>>> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int client = i;
                clients.add(pool.submit(() -> {
                    String key = "it-" + lease + "-client-" + client + "-" + Instant.now().toEpochMilli();
                    String body = "{\"leaseId\":" + lease + ",\"channel\":\"CASH\",\"amount\":1." + String.format("%02d", client) + "}";
                    // the first try on one node, the retry (as after a timeout) on the other, same key
                    int first = post(client % 2 == 0 ? a : b, clerkA.sessionCookie(), csrf, key, body);
                    int retry = post(client % 2 == 0 ? b : a, clerkB.sessionCookie(), csrf, key, body);
                    return List.of(first, retry);
                }));
            }
            List<List<Integer>> statuses = new ArrayList<>();
            for (Future<List<Integer>> f : clients) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            // each client: one 201 and one 200 (whichever node answered first), never two 201s
            assertThat(statuses).allSatisfy(s -> assertThat(s).containsExactlyInAnyOrder(201, 200));
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = 0; i < 50; i++) {
                expected = expected.add(new BigDecimal("1." + String.format("%02d", i)));
            }
            assertThat(decimal(db, "select coalesce(sum(amount), 0) from payment where lease_id = " + lease).subtract(before))
                    .isEqualByComparingTo(expected);
            assertThat(single(db, "select count(*) from payment where lease_id = " + lease + " and id > " + lastBefore)).isEqualTo(50);
            // every payment fully allocated, no bill paid beyond its amount
            assertThat(single(db, """
                    select count(*) from payment p where p.lease_id = %d
                       and p.amount <> (select coalesce(sum(x.amount), 0) from payment_allocation x where x.payment_id = p.id)""".formatted(lease)))
                    .isZero();
            assertThat(single(db, "select count(*) from bill_balance where lease_id = " + lease + " and outstanding < 0")).isZero();

            // a bill run in its own process, killed with kill -9 after some chunks committed, then run again
            String period = "2031-01";
            Process run = command("bill-run-1", pg, period, "--anju.rent.bill-chunk=20", "--anju.rent.bill-chunk-pause=300ms");
            long deadline = System.currentTimeMillis() + 120_000;
            long partial = 0;
            while (System.currentTimeMillis() < deadline && partial == 0) {
                partial = single(db, "select count(*) from bill where period_start >= date '2031-01-01'");
                Thread.sleep(50);
            }
            assertThat(partial).as("some chunks committed before the kill").isPositive();
            run.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no rollback of what is committed
            long atKill = single(db, "select count(*) from bill where period_start >= date '2031-01-01'");
            Process rerun = command("bill-run-2", pg, period, "--anju.rent.bill-chunk=500");
            assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).as(Files.readString(Path.of("target", "it-rent-bill-run-2.log"))).isZero();
            long after = single(db, "select count(*) from bill where period_start >= date '2031-01-01'");
            long billable = single(db, """
                    select count(*) from lease_billing_basis b where b.moved_out_on is null and b.status = 'ACTIVE'
                       and b.end_date >= date '2031-01-01' and b.start_date <= date '2031-01-31'
                       and exists (select 1 from rent_standard s where s.project_id = b.project_id)""");
            assertThat(atKill).as("the kill came mid-run").isLessThan(after);
            assertThat(single(db, """
                    select count(*) from (select lease_id, charge_type, period_start from bill group by 1, 2, 3 having count(*) > 1) d"""))
                    .as("exactly one bill per lease, charge type and period").isZero();
            assertThat(single(db, "select count(distinct lease_id) from bill where period_start >= date '2031-01-01' and charge_type = 'RENT'"))
                    .isEqualTo(billable);
            // the killed run was taken to its end by the next start: no run is left open, and each run's totals are
            // exactly its bills, so the runs of the month add up to the month's bills
            assertThat(single(db, "select count(*) from bill_run where finished_at is null")).as("no run left unfinished").isZero();
            assertThat(single(db, """
                    select count(*) from bill_run r where r.period = date '2031-01-01'
                       and (r.bills <> (select count(*) from bill b where b.run_id = r.id and b.account = 'RENT')
                         or r.total <> (select coalesce(sum(b.amount), 0) from bill b where b.run_id = r.id and b.account = 'RENT'))"""))
                    .as("every run's totals cover exactly its bills").isZero();
            assertThat(decimal(db, "select sum(total) from bill_run where period = date '2031-01-01'")).as("Σ run totals = Σ bills")
                    .isEqualByComparingTo(decimal(db, "select sum(amount) from bill where account = 'RENT' and period_start >= date '2031-01-01'"));
            assertThat(single(db, "select count(*) from bill where period_start >= date '2031-01-01' and (run_id is null or run_id not in (select id from bill_run where finished_at is not null))"))
                    .as("every bill belongs to a finished run").isZero();
            assertThat(single(db, """
                    select count(*) from bill_run r where r.period = date '2031-01-01'
                       and r.digest <> (select c.chain from bill_run_chunk c where c.run_id = r.id order by c.last_lease desc limit 1)"""))
                    .as("a run's digest is the end of its chunks' chain").isZero();
        }
    }

    private static int post(int port, String session, String csrf, String key, String body) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Cookie", "ANJU_SESSION=" + session).header("X-CSRF-TOKEN", csrf).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(String name, int port, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                JAR.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--anju.files.root=" + DATA.resolve("files"), "--anju.audit.head-dir=" + DATA.resolve("audit-" + name),
                "--anju.rent.bill-cron=-", "--anju.lease.daily-cron=-"));
        cmd.addAll(List.of(extra));
        Path log = Path.of("target", "it-rent-" + name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(240);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become healthy");
    }

    private Process command(String name, int pg, String period, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                JAR.toString(), "--spring.profiles.active=demo", "--anju.command=bill-run", "--anju.rent.bill-period=" + period,
                "--server.port=0",
                "--anju.files.root=" + DATA.resolve("files"), "--anju.audit.head-dir=" + DATA.resolve("audit-" + name),
                "--anju.rent.bill-cron=-", "--anju.lease.daily-cron=-"));
        cmd.addAll(externalDatabase(pg));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of("target", "it-rent-" + name + ".log").toFile()).start();
        started.add(p);
        return p;
    }

    /** Node a's embedded database as another node sees it: an external one, with the recommended two roles. */
    private static List<String> externalDatabase(int pg) throws IOException {
        return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + pg + "/anju",
                "--spring.datasource.username=anju_app", "--spring.datasource.password=" + password("anju_app"),
                "--spring.flyway.user=anju_owner", "--spring.flyway.password=" + password("anju_owner"));
    }

    /** The password node a's embedded server generated for a role (its file in the data directory). */
    private static String password(String role) throws IOException {
        return Files.readString(DATA.resolve("pg").resolve("anju-" + role + ".password")).strip();
    }

    private static BigDecimal decimal(Connection db, String sql) throws Exception {
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
