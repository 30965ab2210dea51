package cn.anju.bench;

import cn.anju.AnjuApplication;
import cn.anju.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Payment posting throughput, {@code scripts/bench.sh payments}: 16 concurrent clients (cashier sessions) post
 * counter payments through {@code POST /api/v1/payments} with idempotency keys, each to its own stream of leases,
 * on the demo city; beside the floor of the same number of single-row inserts from 16 JDBC threads into a scratch
 * table in the same database. Prints payments per second and latency percentiles.
 */
public final class PaymentBenchmark {

    static final int CLIENTS = 16;
    static final int PER_CLIENT = Integer.getInteger("bench.payments-per-client", 100);

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(AnjuApplication.class)
                .profiles("demo")
                
                // command-line arguments: they outrank application.yml (builder properties would not)
                .run("--server.port=0", "--anju.embedded-db.data-dir=target/bench-payments-pg", "--anju.embedded-db.clean-on-start=true", "--anju.embedded-db.pool-size=24", "--anju.audit.head-dir=target/bench-payments-audit", "--anju.files.root=target/bench-payments-files", "--logging.level.root=WARN", "--anju.audit.seal-every=1h", "--anju.rent.bill-cron=-", "--anju.lease.daily-cron=-", "--server.tomcat.threads.max=32");
        try {
            run(app);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    static void run(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        List<Long> leases = jdbc.sql("select lease_id from lease_billing_basis where district_code in ('610802', '610803') and status = 'ACTIVE' order by lease_id")
                .query(Long.class).list();
        List<WebClient> cashiers = new ArrayList<>();
        List<String> csrf = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WebClient c = WebClient.loggedIn(port, "anju.staff");
            cashiers.add(c);
            csrf.add(c.csrfToken());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            done.add(pool.submit(() -> {
                for (int n = 0; n < PER_CLIENT; n++) {
                    long lease = leases.get((client * PER_CLIENT + n) % leases.size());
                    long s = System.nanoTime();
                    var r = cashiers.get(client).postJsonWithHeaders("/api/v1/payments",
                            "{\"leaseId\":" + lease + ",\"channel\":\"CASH\",\"amount\":10.00}",
                            // the session's CSRF token, held as the counter page holds it
                            Map.of("Idempotency-Key", "bench-" + client + "-" + n + "-" + t0, "X-CSRF-TOKEN", csrf.get(client)));
                    latencies.add(System.nanoTime() - s);
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = CLIENTS * PER_CLIENT;

        // the owner creates the floor table; the platform's role writes it (default privileges), as it writes payment
        JdbcClient.create(BenchDatabase.owner(app)).sql("create unlogged table if not exists bench_payment_floor (id bigserial primary key, lease_id bigint, amount numeric(12,2), at timestamptz)").update();
        long f0 = System.nanoTime();
        List<Future<?>> floors = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            floors.add(pool.submit(() -> {
                for (int n = 0; n < PER_CLIENT; n++) {
                    jdbc.sql("insert into bench_payment_floor (lease_id, amount, at) values (?, 10.00, now())")
                            .param(leases.get((client * PER_CLIENT + n) % leases.size())).update();
                }
                return null;
            }));
        }
        for (Future<?> f : floors) {
            f.get();
        }
        double floorSeconds = (System.nanoTime() - f0) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("payments: %d by %d clients in %.2f s = %.0f per second; p50 %.1f ms, p99 %.1f ms; %d failed%n", total, CLIENTS,
                seconds, total / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, failures.get());
        System.out.printf("floor:    %d single-row inserts by %d JDBC threads in %.2f s = %.0f per second%n", total, CLIENTS, floorSeconds,
                total / floorSeconds);
        System.out.printf("RESULT payments clients=%d payments=%d per_second=%.0f floor_per_second=%.0f ratio=%.1f%n", CLIENTS, total,
                total / seconds, total / floorSeconds, seconds / floorSeconds);
    }
}
