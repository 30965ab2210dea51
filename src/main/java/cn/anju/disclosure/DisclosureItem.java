package cn.anju.disclosure;

import cn.anju.shared.state.Column;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateTable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A public item drawn from one record ({@code type}, {@code sourceId}): its current content version, who drafted that
 * version (null: the platform), and its clock: {@code dueOn} is 20 working days after the record became final.
 */
public record DisclosureItem(long id, String districtCode, DisclosureType type, long sourceId, String title, LocalDate finalOn,
                             LocalDate dueOn, DisclosureStatus status, boolean needsReview, int contentVersion, Long draftedBy,
                             Instant firstPublishedAt, int version) {

    static final StateTable<DisclosureStatus> TABLE = StateTable.of("disclosure_item", "status", DisclosureStatus.class, "公开事项");
    private static final Column<Instant> FIRST_PUBLISHED_AT = Column.of("first_published_at", Instant.class);
    private static final Column<Integer> CONTENT_VERSION = Column.of("content_version", Integer.class);
    private static final Column<Long> DRAFTED_BY = Column.of("drafted_by", Long.class);

    StateChange<DisclosureStatus> publish(Instant now) {
        return firstPublishedAt == null ? TABLE.change(id, version, status, DisclosureStatus.PUBLISHED, FIRST_PUBLISHED_AT.set(now))
                : TABLE.change(id, version, status, DisclosureStatus.PUBLISHED);
    }

    StateChange<DisclosureStatus> withdraw() {
        return TABLE.change(id, version, status, DisclosureStatus.WITHDRAWN);
    }

    /** A new version drafted by a person (the reviewer must then be someone else). */
    StateChange<DisclosureStatus> redraft(long by) {
        return TABLE.change(id, version, status, DisclosureStatus.DRAFT, CONTENT_VERSION.set(contentVersion + 1), DRAFTED_BY.set(by));
    }

    /** Late: not yet published after its due day (a withdrawn item had been published on time or not, as recorded). */
    boolean lateOn(LocalDate day) {
        return firstPublishedAt == null && day.isAfter(dueOn);
    }
}
