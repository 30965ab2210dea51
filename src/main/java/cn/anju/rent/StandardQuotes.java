package cn.anju.rent;

import cn.anju.lease.RentQuotes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        Optional<Rate> rate = jdbc.sql("""
                        select s.yuan_per_sqm, rd.mode, rd.amount
                          from (select x.yuan_per_sqm, x.district_code from rent_standard x
                                 where x.project_id = ? and x.kind = ? and x.effective_from <= ?
                                 order by x.effective_from desc limit 1) s
                          left join lateral (select r.mode, r.amount from rent_tier_reduction r
                                              where r.rent_tier = ? and r.region_code in (s.district_code, '610800') and r.effective_from <= ?
                                              order by (r.region_code = s.district_code) desc, r.effective_from desc limit 1) rd on true""")
                .params(projectId, "MARKET".equals(rentTier) ? "MARKET" : "STANDARD", month, rentTier, month)
                .query((rs, n) -> new Rate(rs.getBigDecimal(1), rs.getString(2), rs.getBigDecimal(3))).optional();
        return rate.map(r -> {
            BigDecimal full = r.yuanPerSqm().multiply(rentArea);
            boolean market = "MARKET".equals(rentTier) || r.mode() == null || r.reduction().signum() == 0;
            BigDecimal rent = market ? full
                    : "FIXED".equals(r.mode()) ? full.subtract(r.reduction()).max(BigDecimal.ZERO)
                    : full.multiply(BigDecimal.valueOf(100).subtract(r.reduction())).divide(BigDecimal.valueOf(100));
            String basis = r.yuanPerSqm().toPlainString() + "元/㎡×" + rentArea.toPlainString() + "㎡"
                    + (market ? "" : "FIXED".equals(r.mode()) ? "−" + r.reduction().toPlainString() + "元" : "×减" + r.reduction().stripTrailingZeros().toPlainString() + "%");
            return new Quote(rent.setScale(2, RoundingMode.HALF_UP), basis);
        });
    }
}
