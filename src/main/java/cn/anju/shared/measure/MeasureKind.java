package cn.anju.shared.measure;

/** What a measure's value is, so a reader (dashboard, evaluation, disclosure) knows how to show and combine it. */
public enum MeasureKind {
    /** numerator ÷ denominator, aggregated as Σ numerators ÷ Σ denominators; a zero denominator is not applicable */
    RATIO,
    /** a number of records */
    COUNT,
    /** a sum of money in yuan */
    AMOUNT,
    /** a number per category (e.g. units per status), categories in a fixed order */
    BREAKDOWN
}
