package cn.anju.rent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The official fiscal e-receipt (财政电子票据) of a rent payment, issued by the provincial finance platform. Until the
 * platform's interface is contracted, {@link SimulatedFinancePlatform} issues numbers marked "SIM" so the whole path
 * (request, number recorded against the payment, printed on the receipt) is real and replaceable by one adapter.
 */
@Component
class FiscalReceipts {

    /** The finance platform's side. */
    interface FinancePlatform {
        String issue(String receiptNumber, BigDecimal amount);
    }

    @Component
    static class SimulatedFinancePlatform implements FinancePlatform {
        @Override
        public String issue(String receiptNumber, BigDecimal amount) {
            return "SIM-" + receiptNumber;
        }
    }

    private final JdbcClient jdbc;
    private final FinancePlatform platform;
    private final Clock clock;

    FiscalReceipts(JdbcClient jdbc, FinancePlatform platform, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.clock = clock;
    }

    void issue(long paymentId, String receiptNumber, BigDecimal amount) {
        String number = platform.issue(receiptNumber, amount);
        jdbc.sql("insert into fiscal_receipt (payment_id, number, recorded_at) values (?, ?, ?)")
                .params(paymentId, number, Timestamp.from(clock.instant())).update();
    }

    String numberOf(long paymentId) {
        return jdbc.sql("select number from fiscal_receipt where payment_id = ?").param(paymentId).query(String.class).optional().orElse("");
    }
}
