package cn.anju.shared.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One record behind a figure: of the denominator of a ratio, or one counted record. It names the record, never a
 * person (a lease number, an order number, a unit's place), so a figure can be traced without personal data.
 *
 * @param inNumerator whether the record counts in the numerator (for a count: always)
 * @param base        for a ratio in yuan, what the record adds to the denominator (e.g. a bill's amount due); for a
 *                    {@linkplain #group group}, its count; else null
 * @param part        for a ratio in yuan, what it adds to the numerator (e.g. what was paid on it); else null
 */
public record MeasureRecord(RecordKind kind, long id, String label, boolean inNumerator, BigDecimal base, BigDecimal part) {

    /** A record of a ratio of counts, or a counted record. */
    public static MeasureRecord counted(RecordKind kind, long id, String label, boolean inNumerator) {
        return new MeasureRecord(kind, id, label, inNumerator, null, null);
    }

    /**
     * A group of records that are not shown one by one (a survey wave's answers in one project): it adds {@code of} to
     * a ratio's denominator and {@code counted} to its numerator.
     */
    public static MeasureRecord group(RecordKind kind, long id, String label, long of, long counted) {
        return new MeasureRecord(kind, id, label, counted > 0, BigDecimal.valueOf(of), BigDecimal.valueOf(counted));
    }

    /** A record of a ratio of amounts: it counts in the numerator when something of it does. */
    public static MeasureRecord amounts(RecordKind kind, long id, String label, BigDecimal base, BigDecimal part) {
        return new MeasureRecord(kind, id, label, part.signum() != 0, base, part);
    }

    /**
     * A record of an on-time rate, or none yet. It is in the denominator once decided — done, or its deadline passed
     * by {@code today} — and in the numerator when done on or before the deadline (a day, included). Not yet decided,
     * it is in neither, so a period's figure never counts as late what still has time, and is final once the last
     * deadline of its records has passed. One withdrawn by its deadline without being done (a household that gave the
     * flat up before moving in, a draft case dropped) had nothing left to do in time and is in neither; one withdrawn
     * later was already late.
     *
     * @param done      the day it was done, null while not done
     * @param withdrawn the day it was withdrawn undone, null if it was not
     */
    public static Optional<MeasureRecord> byDeadline(RecordKind kind, long id, String label, LocalDate deadline, LocalDate done,
                                                     LocalDate withdrawn, LocalDate today) {
        if (done == null && withdrawn != null && !withdrawn.isAfter(deadline)) {
            return Optional.empty();
        }
        if (done == null && !today.isAfter(deadline)) {
            return Optional.empty();
        }
        return Optional.of(counted(kind, id, label, done != null && !done.isAfter(deadline)));
    }
}
