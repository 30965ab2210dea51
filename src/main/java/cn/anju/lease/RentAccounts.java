package cn.anju.lease;

import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the rent ledger knows about a lease when the household moves out. The rent module implements it; until it
 * does, no bean exists and the settlement statement says the amounts are still to be confirmed, never zero.
 */
@NamedInterface("api")
public interface RentAccounts {

    /** Figures for the settlement statement, or empty if the ledger has nothing for this lease. */
    Optional<Figures> settlementFigures(long leaseId);

    /**
     * @param arrears     unpaid rent and late fees on the lease's bills
     * @param depositHeld the deposit actually received and not yet refunded
     * @param source      which ledger answered, e.g. "租金模块 2026-11-26"
     */
    record Figures(BigDecimal arrears, BigDecimal depositHeld, String source) {
    }
}
