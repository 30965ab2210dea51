package cn.anju.rent;

import cn.anju.lease.RentQuotes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The lease's monthly rent from the rent standards, computed as the bill run does: the project's standard (the
 * market standard for the MARKET tier) and the tier's reduction (the district's own over the city default) in force
 * on the first day of the month, × the rent area, rounded to the fen.
 */
@Component
class StandardQuotes implements RentQuotes {

    private final JdbcClient jdbc;

    StandardQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Quote> quote(long projectId, BigDecimal rentArea, String rentTier, LocalDate on) {
        Date month = Date.valueOf(on.withDayOfMonth(1));
        record Rate(BigDecimal yuanPerSqm, String mode, BigDecimal reduction) {
        }
        // the same rate the bill run charges (rent_rate), so the contract prints the bills' M
        Optional<Rate> rate = jdbc.sql("select yuan_per_sqm, mode, reduction from rent_rate(?, ?, ?) where yuan_per_sqm is not null")
                .params(projectId, rentTier, month)
                .query((rs, n) -> new Rate(rs.getBigDecimal(1), rs.getString(2), rs.getBigDecimal(3))).optional();
        return rate.map(r -> {
            boolean market = "MARKET".equals(rentTier) || r.mode() == null || r.reduction().signum() == 0;
            // the same M the bill run charges for a whole month (rent_rate gives the market tier no reduction)
            BigDecimal rent = RentMath.monthlyRent(r.yuanPerSqm(), rentArea, r.mode(), r.reduction());
            String basis = r.yuanPerSqm().toPlainString() + "元/㎡×" + rentArea.toPlainString() + "㎡"
                    + (market ? "" : "FIXED".equals(r.mode()) ? "−" + r.reduction().toPlainString() + "元" : "×减" + r.reduction().stripTrailingZeros().toPlainString() + "%");
            return new Quote(rent, basis);
        });
    }
}
