package cn.anju.household;

import org.springframework.modulith.NamedInterface;

/** The rent tier an eligibility decision grants; the amounts per tier are rent configuration, not set here. */
@NamedInterface("api")
public enum RentTier {
    MARKET, STANDARD, REDUCED, MINIMUM
}
