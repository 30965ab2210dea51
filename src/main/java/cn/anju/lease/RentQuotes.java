package cn.anju.lease;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The monthly rent a lease must state: the project's approved standard × the unit's rent area, less the reduction of
 * the household's rent tier, as in force on a day (DOMAIN.md 2.2). The rent module implements it, so the contract
 * says what the bills will charge; without an approved standard there is no quote.
 */
@NamedInterface("api")
public interface RentQuotes {

    /** @param rentTier the tier the eligibility decision gives (STANDARD, REDUCED, MINIMUM, MARKET) */
    Optional<Quote> quote(long projectId, BigDecimal rentArea, String rentTier, LocalDate on);

    /** @param basis how it was computed, e.g. "6.50元/㎡×43.58㎡×减50%" */
    record Quote(BigDecimal monthlyRent, String basis) {
    }
}
