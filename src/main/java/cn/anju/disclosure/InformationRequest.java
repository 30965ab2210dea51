package cn.anju.disclosure;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request for information to a district's housing bureau, as the bureau sees it: the applicant's data stays
 * encrypted here ({@code enc:} values) and is opened only through {@link InformationRequests#applicant}. Its clock:
 * {@code dueOn} 20 working days after it was received, {@code extendedDueOn} after the one extension.
 */
public record InformationRequest(long id, String caseNumber, String districtCode, InformationRequestState state, String applicantName,
                                 String applicantContact, String description, String purpose, InformationDelivery delivery,
                                 Instant receivedAt, LocalDate receivedOn, LocalDate dueOn, LocalDate extendedDueOn,
                                 String extensionReason, Instant extendedAt, InformationReply replyKind, String reply, Instant repliedAt,
                                 int version) {

    static final StateTable<InformationRequestState> TABLE =
            StateTable.of("information_request", "state", InformationRequestState.class, "信息公开申请");
    private static final Column<LocalDate> EXTENDED_DUE_ON = Column.of("extended_due_on", LocalDate.class);
    private static final Column<String> EXTENSION_REASON = Column.of("extension_reason", String.class);
    private static final Column<Long> EXTENDED_BY = Column.of("extended_by", Long.class);
    private static final Column<Instant> EXTENDED_AT = Column.of("extended_at", Instant.class);
    private static final Column<InformationReply> REPLY_KIND = Column.of("reply_kind", InformationReply.class);
    private static final Column<String> REPLY = Column.of("reply", String.class);
    private static final Column<Long> REPLIED_BY = Column.of("replied_by", Long.class);
    private static final Column<Instant> REPLIED_AT = Column.of("replied_at", Instant.class);

    StateChange<InformationRequestState> extend(LocalDate newDue, String reason, long by, Instant at) {
        return TABLE.change(id, version, state, InformationRequestState.EXTENDED, EXTENDED_DUE_ON.set(newDue), EXTENSION_REASON.set(reason),
                EXTENDED_BY.set(by), EXTENDED_AT.set(at));
    }

    StateChange<InformationRequestState> answer(InformationReply kind, String text, long by, Instant at) {
        return TABLE.change(id, version, state, InformationRequestState.ANSWERED, REPLY_KIND.set(kind), REPLY.set(text),
                REPLIED_BY.set(by), REPLIED_AT.set(at));
    }

    /** The day the answer is due now: the extended day once extended. */
    public LocalDate due() {
        return extendedDueOn != null ? extendedDueOn : dueOn;
    }

    /** Late: not answered after its due day, or answered after it. */
    public boolean lateOn(LocalDate today, java.time.ZoneId zone) {
        return repliedAt == null ? today.isAfter(due()) : repliedAt.atZone(zone).toLocalDate().isAfter(due());
    }
}
