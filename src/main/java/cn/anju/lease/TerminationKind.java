package cn.anju.lease;

import org.springframework.modulith.NamedInterface;

/** Why a lease ends early (DOMAIN.md 2.1): the kind drives what follows (refund, recovery of the unit, records). */
@NamedInterface("api")
public enum TerminationKind {
    /** the household gives the unit up */
    VOLUNTARY("自愿退租"),
    /** the government revoked or did not renew eligibility */
    ELIGIBILITY_REVOKED("资格取消"),
    /** a violation decision (转借、转租, change of use, idle 6 months ...) */
    VIOLATION("违规处理决定"),
    /** rent in arrears 6 months or more */
    ARREARS("拖欠租金");

    private final String label;

    TerminationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A household that is made to leave gets the transition period (lease.transition_months); one that leaves by choice does not. */
    public boolean mustLeave() {
        return this != VOLUNTARY;
    }
}
