package cn.anju.shared.events;

import java.time.Instant;

/**
 * Something that happened to a household, as its resident file (住户档案) tells it. Any module publishes one inside
 * the transaction that made it happen (eligibility decided, unit chosen, lease signed, bill paid, case decided,
 * repair done); the lease module's resident file listens and keeps the timeline, so later modules add to the story
 * without the file knowing them.
 *
 * @param householdId whose story
 * @param kind        a stable code, e.g. {@code LEASE_SIGNED}
 * @param title       one line in Chinese for the timeline
 * @param detail      more, in Chinese; never personal data beyond what the file's reader may see masked
 * @param refType     what it refers to, e.g. {@code lease}
 * @param refId       the id of that record
 * @param actorId     who did it (null for the platform's own jobs)
 * @param at          when
 */
public record ResidentEvent(long householdId, String kind, String title, String detail, String refType, long refId,
                            Long actorId, Instant at) {
}
