package cn.anju.rent;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A household's overdue rent principal reached {@code rent.arrears_case_months} (6) × its monthly rent, months not
 * necessarily consecutive: a ground for reclaiming the unit (Art. 29) that the government decides. Published once
 * per lease while the arrears stay at or above the threshold, inside the transaction that records the report; the
 * inspection module opens the case when the outbox delivers it after the commit.
 */
@NamedInterface("api")
public record ArrearsThresholdReached(long leaseId, String leaseNumber, BigDecimal overduePrincipal, BigDecimal monthlyRent,
                                      int thresholdMonths, LocalDate asOf) {
}
