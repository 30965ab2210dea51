package cn.anju.rent;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The official fiscal e-receipt (财政电子票据) of a rent payment, issued by the provincial finance platform through a
 * {@link FinancePlatform} adapter. Until that interface is contracted there is no adapter in production, and a payment
 * stays "receipt pending" (票据待开具); the demo's {@link SimulatedFinancePlatform} issues numbers marked "SIM".
 */
@Component
class FiscalReceipts {

    /** The finance platform's side. */
    interface FinancePlatform {
        String issue(String receiptNumber, BigDecimal amount);
    }

    @Component
    @Profile("demo")
    static class SimulatedFinancePlatform implements FinancePlatform {
        @Override
        public String issue(String receiptNumber, BigDecimal amount) {
            return "SIM-" + receiptNumber;
        }
    }

    private final JdbcClient jdbc;
    private final Optional<FinancePlatform> platform;
    private final Clock clock;

    FiscalReceipts(JdbcClient jdbc, Optional<FinancePlatform> platform, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.clock = clock;
    }

    /** Asks the finance platform for the e-receipt; without an adapter the payment stays receipt-pending. */
    void issue(long paymentId, String receiptNumber, BigDecimal amount) {
        if (platform.isEmpty()) {
            return;
        }
        String number = platform.get().issue(receiptNumber, amount);
        jdbc.sql("insert into fiscal_receipt (payment_id, number, recorded_at) values (?, ?, ?)")
                .params(paymentId, number, Timestamp.from(clock.instant())).update();
    }

    String numberOf(long paymentId) {
        return jdbc.sql("select number from fiscal_receipt where payment_id = ?").param(paymentId).query(String.class).optional().orElse("");
    }
}
