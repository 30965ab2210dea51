package cn.anju.feedback;

import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A case's deadlines on working days (the State Council's calendar, {@link WorkingDays}), by policy with history per
 * district: acknowledge within {@code feedback.ack_working_days}, reply within {@code feedback.reply_working_days.<KIND>}
 * counted from the day it came in. A channel's own deadline (12345's) is kept beside ours and the earlier governs.
 */
@Component
class FeedbackClocks {

    private final WorkingDays days;
    private final PolicySettings policy;
    private final ZoneId zone;

    FeedbackClocks(WorkingDays days, PolicySettings policy, Clock clock) {
        this.days = days;
        this.policy = policy;
        this.zone = clock.getZone();
    }

    LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    LocalDate acknowledgeBy(Instant receivedAt, String district) {
        return days.plusWorkingDays(day(receivedAt), policy.integer("feedback.ack_working_days", district));
    }

    /** The reply deadline for the kind, counted from {@code from}; null for praise, which needs no reply. */
    LocalDate replyBy(FeedbackKind kind, LocalDate from, String district, Instant externalDeadline) {
        if (!kind.needsReply()) {
            return null;
        }
        LocalDate ours = days.plusWorkingDays(from, policy.integer("feedback.reply_working_days." + kind.name(), district));
        if (externalDeadline == null) {
            return ours;
        }
        LocalDate theirs = day(externalDeadline);
        return theirs.isBefore(ours) ? theirs : ours;
    }

    /** A pause's working days (from the day it began to the day before it ended) move the reply deadline on by as many. */
    LocalDate afterPause(LocalDate due, LocalDate pausedOn, LocalDate resumedOn) {
        int paused = workingDaysBetween(pausedOn.minusDays(1), resumedOn.minusDays(1));
        return paused == 0 ? due : days.plusWorkingDays(due, paused);
    }

    /** The working days after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (days.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    int integer(String key, String district) {
        return policy.integer(key, district);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
