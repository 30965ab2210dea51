package cn.anju.feedback;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as its rules need it. Each step is a method named for what happens; it checks the state table and returns the
 * typed change that {@link FeedbackRecords} applies with the version check.
 */
record FeedbackCase(long id, String number, Channel channel, FeedbackKind kind, FeedbackState state, String district, Long project,
                    Long operator, Long household, Long handler, boolean anonymous, Instant receivedAt, LocalDate replyDue,
                    Instant externalDeadline, int reopenCount, int followUpTries, Instant escalatedAt, Instant pausedSince,
                    int version) {

    static final StateTable<FeedbackState> TABLE = StateTable.of("feedback_case", "state", FeedbackState.class, "投诉建议案件");
    static final Column<String> KIND = Column.of("kind", String.class);
    static final Column<String> CATEGORY = Column.of("category", String.class);
    static final Column<Instant> ACKNOWLEDGED_AT = Column.of("acknowledged_at", Instant.class);
    static final Column<LocalDate> REPLY_DUE_ON = Column.of("reply_due_on", LocalDate.class);
    static final Column<Long> HANDLER = Column.of("handler_id", Long.class);
    static final Column<Instant> REPLIED_AT = Column.of("replied_at", Instant.class);
    static final Column<String> REPLY = Column.of("reply", String.class);
    static final Column<String> REJECT_REASON = Column.of("reject_reason", String.class);
    static final Column<Instant> CLOSED_AT = Column.of("closed_at", Instant.class);
    static final Column<String> CLOSING = Column.of("closing", String.class);
    static final Column<Integer> REOPEN_COUNT = Column.of("reopen_count", Integer.class);
    static final Column<Integer> FOLLOW_UP_TRIES = Column.of("follow_up_tries", Integer.class);

    /** How a finished case ended. */
    enum Closing { FOLLOWED_UP, UNREACHED, REJECTED, ACKNOWLEDGED }

    boolean open() {
        return FeedbackState.OPEN.contains(state);
    }

    /** 受理 (the acknowledgement the clock measures): the kind and category settle the reply clock. */
    StateChange<FeedbackState> accept(FeedbackKind kind, FeedbackCategory category, LocalDate replyDue, Instant at) {
        return TABLE.change(id, version, state, FeedbackState.ACCEPTED, KIND.set(kind.name()), CATEGORY.set(category.name()),
                REPLY_DUE_ON.set(replyDue), ACKNOWLEDGED_AT.set(at));
    }

    /** Praise: acknowledged and closed in one step. */
    StateChange<FeedbackState> closeAcknowledged(Instant at) {
        return TABLE.change(id, version, state, FeedbackState.CLOSED, CLOSED_AT.set(at), CLOSING.set(Closing.ACKNOWLEDGED.name()));
    }

    /** Not ours (e.g. a private landlord's flat): refused with the body it is redirected to. */
    StateChange<FeedbackState> reject(String reason, Instant at) {
        return TABLE.change(id, version, state, FeedbackState.REJECTED, REJECT_REASON.set(reason), CLOSED_AT.set(at),
                CLOSING.set(Closing.REJECTED.name()));
    }

    /** 派单 to a handler (again, when reassigned). */
    StateChange<FeedbackState> assign(long handlerId) {
        return TABLE.change(id, version, state, FeedbackState.ASSIGNED, HANDLER.set(handlerId));
    }

    StateChange<FeedbackState> start() {
        return TABLE.change(id, version, state, FeedbackState.IN_PROGRESS);
    }

    /** 答复: the answer the person gets on their channel; the follow-up starts counting its tries. */
    StateChange<FeedbackState> reply(String text, Instant at) {
        return TABLE.change(id, version, state, FeedbackState.REPLIED, REPLY.set(text), REPLIED_AT.set(at), FOLLOW_UP_TRIES.set(0));
    }

    /** The tenant (or the sample) answered the follow-up. */
    StateChange<FeedbackState> followedUp() {
        return TABLE.change(id, version, state, FeedbackState.FOLLOWED_UP);
    }

    /** Satisfied (or basically): 办结. */
    StateChange<FeedbackState> close(Instant at) {
        return TABLE.change(id, version, state, FeedbackState.CLOSED, CLOSED_AT.set(at), CLOSING.set(Closing.FOLLOWED_UP.name()));
    }

    /** Nobody reached after the tries: 回访未果. */
    StateChange<FeedbackState> closeUnreached(Instant at) {
        return TABLE.change(id, version, state, FeedbackState.CLOSED, CLOSED_AT.set(at), CLOSING.set(Closing.UNREACHED.name()));
    }

    /** Dissatisfied: handled again with a new reply clock. */
    StateChange<FeedbackState> reopen(LocalDate newReplyDue) {
        return TABLE.change(id, version, state, FeedbackState.REOPENED, REOPEN_COUNT.set(reopenCount + 1), REPLY_DUE_ON.set(newReplyDue),
                REPLIED_AT.cleared(), CLOSED_AT.cleared());
    }
}
