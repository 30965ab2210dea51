package cn.anju.evaluation;

import cn.anju.shared.measure.MeasureUnit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A computed leaf's figure as frozen at COMPUTED (version 1) or after an accepted objection (a later version; the old
 * ones are kept): numerator and denominator in the denominator's unit, the value (the ratio, or for days-to-re-let the
 * average) and the SHA-256 of the records it counted, in order.
 */
public record FrozenMeasure(long id, String leafCode, int version, String measureCode, LocalDate asOf, MeasureUnit unit,
                            BigDecimal numerator, BigDecimal denominator, BigDecimal value, boolean applicable, String inputsDigest,
                            int recordCount, String reason, Instant frozenAt) {
}
