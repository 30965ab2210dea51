package cn.anju.allocation;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.State;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;
import cn.anju.shared.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * A selection round as its steps need it. Each step of the published lottery is a method named for what happens,
 * returning the typed change that {@link SelectionRounds} applies with the version check, in the one order the
 * {@link Status} table allows: the public value can never follow the seed.
 */
record SelectionRound(long id, String district, String name, Status status, List<Integer> groupOrder, String applicantList,
                      String listDigest, String seedCommitment, String seedSealed, String publicValue, String seed, int version,
                      String algorithm, String pointsTable) {

    enum Status implements State<Status> {
        DRAFT("草稿"), PUBLISHED("名单已公布"), PUBLIC_VALUE_RECORDED("已录入公开随机数"), DRAWN("已开奖"), CLOSED("已结束");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        /** Strictly in turn, one step forward at a time. */
        @Override
        public boolean canBecome(Status next) {
            return next.ordinal() == ordinal() + 1;
        }
    }

    static final StateTable<Status> TABLE = StateTable.of("selection_round", "status", Status.class, "选房轮次");
    static final Column<String> APPLICANT_LIST = Column.of("applicant_list", String.class);
    static final Column<String> LIST_DIGEST = Column.of("list_digest", String.class);
    static final Column<String> SEED_COMMITMENT = Column.of("seed_commitment", String.class);
    static final Column<String> SEED_SEALED = Column.of("seed_sealed", String.class);
    static final Column<String> PUBLIC_VALUE = Column.of("public_value", String.class);
    static final Column<Instant> PUBLIC_VALUE_AT = Column.of("public_value_at", Instant.class);
    static final Column<String> SEED = Column.of("seed", String.class);
    static final Column<Instant> SEED_REVEALED_AT = Column.of("seed_revealed_at", Instant.class);

    /**
     * Refuses a step out of turn with the guidance the officer needs, before any work for it is done; answered like
     * every illegal step, 409 {@value StateChange#ILLEGAL_TRANSITION}.
     */
    void require(Status expected, String message) {
        if (status != expected) {
            throw ProblemException.conflict(StateChange.ILLEGAL_TRANSITION, message);
        }
    }

    /** The masked list is published with its digest and the commitment to a secret seed (kept sealed until the draw). */
    StateChange<Status> publish(String list, String digest, String commitment, String sealedSeed) {
        return TABLE.change(id, version, status, Status.PUBLISHED, APPLICANT_LIST.set(list), LIST_DIGEST.set(digest),
                SEED_COMMITMENT.set(commitment), SEED_SEALED.set(sealedSeed));
    }

    /** The value read out at the draw event. */
    StateChange<Status> recordPublicValue(String value, Instant at) {
        return TABLE.change(id, version, status, Status.PUBLIC_VALUE_RECORDED, PUBLIC_VALUE.set(value), PUBLIC_VALUE_AT.set(at));
    }

    /** The seed is revealed (and no longer kept sealed): the order is fixed. */
    StateChange<Status> draw(String revealedSeed, Instant at) {
        return TABLE.change(id, version, status, Status.DRAWN, SEED.set(revealedSeed), SEED_REVEALED_AT.set(at), SEED_SEALED.cleared());
    }
}
