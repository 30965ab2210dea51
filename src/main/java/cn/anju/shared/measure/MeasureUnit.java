package cn.anju.shared.measure;

/** The unit of a value, a numerator or a denominator. */
public enum MeasureUnit {
    /** a number of records (套、份、户、单) */
    COUNT,
    /** money, two decimals */
    YUAN,
    /**
     * a number of days (天), summed over records: the numerator of an average such as the days from vacancy to re-let
     * (days ÷ records), which is neither a count of records nor money
     */
    DAY
}
