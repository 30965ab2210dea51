package cn.anju.lease;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.HouseholdQueries;
import cn.anju.housing.HousingStock;
import cn.anju.notification.Notifications;
import cn.anju.shared.Districts;
import cn.anju.shared.policy.PolicySettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lease module's daily work, once across all nodes (ShedLock): active leases past their end date expire, and
 * households whose lease ends within the policy's notice period ({@code lease.renewal_notice_months}, 4 by default,
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
    private final AuditLog audit;
    private final Clock clock;

    LeaseJobs(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Notifications notifications,
              HouseholdQueries households, HousingStock housing, Districts districts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.notifications = notifications;
        this.households = households;
        this.housing = housing;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    public record DailyRun(int expired, int reminded) {
    }

    @Scheduled(cron = "${anju.lease.daily-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "lease-daily", lockAtMostFor = "PT30M")
    public void daily() {
        runDaily();
    }

    /** Safe to run again the same day: an expired lease is no longer active, a reminded lease is marked. */
    public DailyRun runDaily() {
        return new DailyRun(expire(), remindRenewals());
    }

    private int expire() {
        LocalDate today = LocalDate.now(clock);
        List<Long> expired = tx.execute(status -> {
            List<Long> ids = jdbc.sql("""
                            update lease set status = 'EXPIRED', version = version + 1
                             where status = 'ACTIVE' and end_date < ? returning id""")
                    .param(today).query(Long.class).list();
            for (long id : ids) {
                event(id, "EXPIRED", "租期届满");
                audit.record("LEASE_EXPIRED", "lease", id, AuditOutcome.SUCCESS, Map.of("to", "EXPIRED"));
            }
            return ids;
        });
        return expired.size();
    }

    record Due(long id, String number, String district, long unit, long household, LocalDate end) {
    }

    private int remindRenewals() {
        LocalDate today = LocalDate.now(clock);
        // the longest notice any district might set bounds the scan; each lease is then checked against its own district
        List<Due> candidates = jdbc.sql("""
                        select id, lease_number, district_code, unit_id, household_id, end_date from lease
                         where status = 'ACTIVE' and renewal_reminded_on is null and end_date >= ? and end_date < ?
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
        LocalDate deadline = due.end().minusMonths(3);
        households.headMemberId(due.household()).ifPresent(head -> notifications.sendSms("household_member", head,
                "LEASE_RENEWAL_REMINDER", Map.of(
                        "unit", districts.nameOf(unit.districtCode()) + unit.label(),
                        "leaseNumber", due.number(),
                        "endDate", DAY.format(due.end()),
                        "deadline", DAY.format(deadline.isBefore(today) ? today : deadline))));
        event(due.id(), "RENEWAL_REMINDED", "已提醒续租，申请截止" + DAY.format(deadline));
        return true;
    }

    private void event(long leaseId, String kind, String detail) {
        jdbc.sql("insert into lease_event (lease_id, kind, detail, actor, at) values (?, ?, ?, null, ?)")
                .params(leaseId, kind, detail, Timestamp.from(clock.instant())).update();
    }
}
