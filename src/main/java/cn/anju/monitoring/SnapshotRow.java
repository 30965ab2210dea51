package cn.anju.monitoring;

import cn.anju.shared.measure.MeasureValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One measure of one place on one day, as written: {@code projectId} 0 is the whole district. A ratio keeps its
 * numerator and denominator (so places add up as Σ÷Σ), a breakdown its shares, a problem list the ids it counted.
 */
public record SnapshotRow(LocalDate day, String districtCode, long projectId, String measureCode, SnapshotPeriod period, BigDecimal value,
                          BigDecimal numerator, BigDecimal denominator, List<MeasureValue.Share> breakdown, List<Long> recordIds,
                          List<String> recordLabels,
                          boolean backfilled) {

    public static final long WHOLE_DISTRICT = 0;

    /** The ratio, or null when nothing was in its denominator. */
    public BigDecimal ratio() {
        return denominator == null || denominator.signum() == 0 ? null : numerator.divide(denominator, 4, java.math.RoundingMode.HALF_UP);
    }
}
