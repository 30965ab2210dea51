package cn.anju.lease;

import cn.anju.household.Eligibility;
import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.notification.Notifications;
import cn.anju.shared.Districts;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.States;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lease module's daily work, once across all nodes (ShedLock): signed renewals take over from leases that
 * ended, other active leases past their end date expire (the transition period starts), leases whose household lost
 * its eligibility are flagged, and households whose lease ends within the policy's notice period ({@code lease.renewal_notice_months}, 4 by default,
 * so the reminder comes a month before the 3-month application deadline) get one renewal reminder by SMS.
 */
@Component
public class LeaseJobs {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicySettings settings;
    private final Notifications notifications;
    private final HouseholdQueries households;
    private final HousingStock housing;
    private final Districts districts;
    private final LeaseRecords records;
    private final Renewals renewals;
    private final Eligibility eligibility;
    private final Clock clock;

    LeaseJobs(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Notifications notifications,
              HouseholdQueries households, HousingStock housing, Districts districts, LeaseRecords records,
              Renewals renewals, Eligibility eligibility, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.notifications = notifications;
        this.households = households;
        this.housing = housing;
        this.districts = districts;
        this.records = records;
        this.renewals = renewals;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    public record DailyRun(int renewed, int expired, int reminded, int lapsedFlagged) {
    }

    @Scheduled(cron = "${anju.lease.daily-cron:0 30 7 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "lease-daily", lockAtMostFor = "PT30M")
    public void daily() {
        runDaily();
    }

    /** Safe to run again the same day: each step leaves a mark (state, date) that the next run skips. */
    public DailyRun runDaily() {
        int renewed = takeOverRenewals();
        return new DailyRun(renewed, expire(), remindRenewals(), flagLapsedEligibility());
    }

    /** Signed renewals whose lease has ended take over first, so those households never pass through "expired". */
    private int takeOverRenewals() {
        List<Long> due = jdbc.sql("""
                        select r.id from lease r join lease o on o.id = r.renews_lease_id
                         where r.status = 'SIGNED' and o.status = any(?) and o.end_date < ?""")
                .params(States.names(EnumSet.of(LeaseStatus.ACTIVE, LeaseStatus.EXPIRED)), LocalDate.now(clock)).query(Long.class).list();
        int renewed = 0;
        for (long id : due) {
            if (Boolean.TRUE.equals(tx.execute(status -> renewals.takeOverIfEnded(null, id)))) {
                renewed++;
            }
        }
        return renewed;
    }

    /** The rest expire; the household must leave and gets the transition period from the end date. */
    private int expire() {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.sql("select id from lease where status = 'ACTIVE' and end_date < ? order by id")
                .param(today).query(Long.class).list();
        Map<String, Integer> transition = new HashMap<>();
        for (long id : ids) {
            tx.executeWithoutResult(status -> records.find(id).filter(l -> l.status() == LeaseStatus.ACTIVE).ifPresent(l -> {
                int months = transition.computeIfAbsent(l.district(), d -> settings.integer("lease.transition_months", d));
                records.apply(null, l, l.expire(l.end().plusMonths(months)), "EXPIRED", "租期届满", "");
            }));
        }
        return ids.size();
    }

    /**
     * Active leases whose household no longer has eligibility in force are flagged once to the district's officers
     * (the list on the lease page and the resident file); what follows is the government's decision.
     */
    private int flagLapsedEligibility() {
        LocalDate today = LocalDate.now(clock);
        record Open(long id, long household) {
        }
        List<Open> open = jdbc.sql("select id, household_id from lease where status = 'ACTIVE' and eligibility_lapse_flagged_on is null")
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2))).list();
        Set<Long> lapsed = eligibility.withoutDecisionInForce(open.stream().map(Open::household).toList(), today);
        int flagged = 0;
        for (Open o : open) {
            if (!lapsed.contains(o.household())) {
                continue;
            }
            Boolean done = tx.execute(status -> {
                int claimed = jdbc.sql("update lease set eligibility_lapse_flagged_on = ? where id = ? and eligibility_lapse_flagged_on is null")
                        .params(today, o.id()).update();
                if (claimed == 1) {
                    records.event(records.find(o.id()).orElseThrow(), "ELIGIBILITY_LAPSED", "在租期间保障资格失效，已报住房保障部门",
                            "", null);
                }
                return claimed == 1;
            });
            if (Boolean.TRUE.equals(done)) {
                flagged++;
            }
        }
        return flagged;
    }

    record Due(long id, String number, String district, long unit, long household, LocalDate end) {
    }

    private int remindRenewals() {
        LocalDate today = LocalDate.now(clock);
        // the longest notice any district might set bounds the scan; each lease is then checked against its own district
        List<Due> candidates = jdbc.sql("""
                        select id, lease_number, district_code, unit_id, household_id, end_date from lease
                         where status = 'ACTIVE' and renewal_reminded_on is null and end_date >= ? and end_date < ?
                           and not exists (select 1 from lease r where r.renews_lease_id = lease.id and r.status <> 'TERMINATED')
                         order by end_date""")
                .params(today, today.plusMonths(24))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getObject(6, LocalDate.class)))
                .list();
        Map<String, Integer> noticeByDistrict = new HashMap<>(); // the policy is read once per district, not per lease
        int reminded = 0;
        for (Due due : candidates) {
            int notice = noticeByDistrict.computeIfAbsent(due.district(),
                    district -> settings.integer("lease.renewal_notice_months", district));
            if (due.end().minusMonths(notice).isAfter(today)) {
                continue;
            }
            if (Boolean.TRUE.equals(tx.execute(status -> remind(due, today)))) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remind(Due due, LocalDate today) {
        // claim the lease first: a second node or a rerun finds it marked and sends nothing
        int claimed = jdbc.sql("update lease set renewal_reminded_on = ? where id = ? and renewal_reminded_on is null")
                .params(today, due.id()).update();
        if (claimed == 0) {
            return false;
        }
        HousingStock.UnitDescription unit = housing.describe(due.unit());
        LocalDate deadline = due.end().minusMonths(settings.integer("lease.renewal_apply_months", due.district()));
        households.headMemberId(due.household()).ifPresent(head -> notifications.notify("household_member", head,
                "LEASE_RENEWAL_REMINDER", Map.of(
                        "unit", districts.nameOf(unit.districtCode()) + unit.label(),
                        "leaseNumber", due.number(),
                        "endDate", DAY.format(due.end()),
                        "deadline", DAY.format(deadline.isBefore(today) ? today : deadline))));
        records.event(due.id(), due.household(), due.number(), "RENEWAL_REMINDED", "已短信提醒续租",
                "申请截止" + DAY.format(deadline), null);
        return true;
    }
}
