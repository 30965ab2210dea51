package cn.anju.shared.measure;

/** The unit of a value, a numerator or a denominator. */
public enum MeasureUnit {
    /** a number of records (套、份、户、单) */
    COUNT,
    /** money, two decimals */
    YUAN
}
