package cn.anju.lease;

import org.springframework.modulith.NamedInterface;

import java.time.LocalDate;

/**
 * The household under a lease moved out and the unit was taken back (退房). Published by {@link Handovers} inside the
 * move-out's transaction; the inspection module closes a RECLAIM case on the lease as VACATED. Ids only, never
 * personal data: the event is stored in {@code event_publication} until every listener has completed.
 *
 * @param leaseId     the lease that ended in the move-out
 * @param leaseNumber its number, for messages
 * @param householdId who moved out
 * @param unitId      the unit handed back
 * @param movedOutOn  the day of the move-out
 * @param actorId     the clerk who recorded it
 */
@NamedInterface("api")
public record LeaseMovedOut(long leaseId, String leaseNumber, long householdId, long unitId, LocalDate movedOutOn,
                            long actorId) {
}
