package cn.anju.rent;

import cn.anju.support.LeaseFixtures;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bank statements: matched by lease number and amount, the rest queued, a line imported twice skipped. */
@PlatformTest
class BankStatementTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    final LocalDate today = TestClock.today();

    @Test
    void linesNamingALeaseWithTheRightAmountArePaidTheRestWaitAndNothingTwice() {
        LeaseFixtures.Active a = LeaseFixtures.active(port, jdbc);
        runs.run(BillRuns.Trigger.MANUAL, null, YearMonth.from(today));
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        String number = WebClient.json(clerk.getJson("/api/v1/leases/" + a.leaseId())).get("leaseNumber").asString();
        BigDecimal owed = WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("outstanding").decimalValue();
        String stamp = Long.toString(System.nanoTime());
        String csv = "\uFEFF交易日期,金额,付款人,摘要,银行流水号\n"
                + today + "," + owed.toPlainString() + ",张三,租金 " + number + ",B" + stamp + "1\n"
                + today + ",50.00,李四,转账,B" + stamp + "2\n"
                + today + ",1.23,王五,租金 " + number + ",B" + stamp + "3\n";
        long payments = jdbc.sql("select count(*) from payment").query(Long.class).single();

        var refused = clerk.postMultipart("/api/v1/bank-statements", Map.of(), "bad.csv", "text/csv",
                (csv + "2026-13-45,abc,x,y,z\n").getBytes(StandardCharsets.UTF_8));
        assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("STATEMENT_INVALID");
        assertThat(WebClient.json(refused).get("detail").asString()).contains("第5行");
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single()).as("nothing imported").isEqualTo(payments);
        assertThat(WebClient.loggedIn(port, "yuyang.gov").postMultipart("/api/v1/bank-statements", Map.of(), "s.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);

        var first = WebClient.json(clerk.postMultipart("/api/v1/bank-statements", Map.of(), "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.get("lines").asInt()).isEqualTo(3);
        assertThat(first.get("matched").asInt()).isEqualTo(1);
        assertThat(first.get("unmatched").asInt()).isEqualTo(2);
        assertThat(WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("outstanding").decimalValue()).isEqualByComparingTo("0");
        var again = WebClient.json(clerk.postMultipart("/api/v1/bank-statements", Map.of(), "s-again.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single()).isEqualTo(payments + 1);

        // the clerk matches the 50.00 transfer by hand; it is paid once
        long line = jdbc.sql("select id from bank_statement_line where bank_ref = ?").param("B" + stamp + "2").query(Long.class).single();
        var queue = WebClient.json(clerk.getJson("/api/v1/bank-lines"));
        assertThat(queue.findValuesAsString("bankRef")).contains("B" + stamp + "2", "B" + stamp + "3");
        assertThat(clerk.postJson("/api/v1/bank-lines/" + line + "/match", "{\"leaseId\":" + a.leaseId() + "}").statusCode()).isEqualTo(201);
        assertThat(clerk.postJson("/api/v1/bank-lines/" + line + "/match", "{\"leaseId\":" + a.leaseId() + "}").statusCode()).isEqualTo(409);
        assertThat(WebClient.json(clerk.getJson("/api/v1/rent-accounts/" + a.leaseId())).get("creditBalance").decimalValue())
                .isEqualByComparingTo("50.00");
        assertThat(jdbc.sql("select count(*) from payment where channel = 'BANK_TRANSFER' and lease_id = ?").param(a.leaseId())
                .query(Long.class).single()).isEqualTo(2);
    }
}
