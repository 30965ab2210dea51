package cn.anju.household;

/** The rent tier an eligibility decision grants; the amounts per tier are rent configuration, not set here. */
public enum RentTier {
    MARKET, STANDARD, REDUCED, MINIMUM
}
