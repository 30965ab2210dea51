package cn.anju.rent;

import cn.anju.household.HouseholdQueries;
import cn.anju.notification.Notifications;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.policy.PolicySettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Dunning (催缴), daily once across nodes: per lease, from its oldest open rent bill, a reminder some days before
 * the due day ({@code rent.dunning_days_before_due}, 5) and notices at the overdue days of the district's rule
 * ({@code rent.dunning_overdue_days}, 1, 30, 90), each stage once (unique bill and stage; a household far behind
 * gets the highest stage reached, not every stage at once), through the notification outbox to the head of
 * the household on every channel it can be reached on (SMS, e-mail, WeChat). The printable 催缴通知书 is {@link DunningLetter}.
 */
@NamedInterface("api")
@Service
public class Dunning {

    public enum Stage { BEFORE_DUE, OVERDUE_1, OVERDUE_30, OVERDUE_90 }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PolicySettings settings;
    private final Notifications notifications;
    private final HouseholdQueries households;
    private final Clock clock;

    private final ArrearsReports arrears;
    private final ApplicationEventPublisher events;

    Dunning(JdbcClient jdbc, TransactionTemplate tx, PolicySettings settings, Notifications notifications,
            HouseholdQueries households, Clock clock, ArrearsReports arrears, ApplicationEventPublisher events) {
        this.arrears = arrears;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.notifications = notifications;
        this.households = households;
        this.clock = clock;
    }

    @Scheduled(cron = "${anju.rent.dunning-cron:0 0 9 * * *}", zone = "${anju.zone}")
    @SchedulerLock(name = "rent-dunning", lockAtMostFor = "PT1H")
    void daily() {
        run();
        reportArrears();
    }

    /** The last step of dunning: households newly at six months' arrears are reported for the government's decision. */
    public int reportArrears() {
        return arrears.run(LocalDate.now(clock));
    }

    record Oldest(long lease, String number, String district, long household, long bill, LocalDate due, BigDecimal owed) {
    }

    /** Returns how many notices went out; running it again the same day sends nothing more. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        List<Oldest> leases = jdbc.sql("""
                        select distinct on (b.lease_id) b.lease_id, l.lease_number, b.district_code, b.household_id, b.id, b.due_date,
                               (select sum(x.outstanding) from bill_balance x where x.lease_id = b.lease_id and x.outstanding > 0)
                          from bill_balance b join lease_billing_basis l on l.lease_id = b.lease_id
                         where b.outstanding > 0 and b.charge_type in ('RENT', 'RENT_MARKET') and l.moved_out_on is null
                         order by b.lease_id, b.due_date, b.id""")
                .query((rs, n) -> new Oldest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getObject(6, LocalDate.class), rs.getBigDecimal(7)))
                .list();
        // each district's rule, read once per run: days before due, then the overdue days of the notices
        Map<String, int[]> rules = new HashMap<>();
        int sent = 0;
        for (Oldest o : leases) {
            int[] rule = rules.computeIfAbsent(o.district(), d -> IntStream.concat(
                    IntStream.of(settings.integer("rent.dunning_days_before_due", d)),
                    Arrays.stream(settings.value("rent.dunning_overdue_days", d).split(",")).mapToInt(x -> Integer.parseInt(x.trim())))
                    .toArray());
            int[] overdueDays = Arrays.copyOfRange(rule, 1, rule.length);
            long late = ChronoUnit.DAYS.between(o.due(), today);
            Stage stage = null;
            for (int i = overdueDays.length - 1; i >= 0 && stage == null; i--) {
                if (late >= overdueDays[i]) {
                    stage = Stage.values()[Math.min(i + 1, 3)];
                }
            }
            if (stage == null && late < 0 && -late <= rule[0]) {
                stage = Stage.BEFORE_DUE;
            }
            if (stage == null) {
                continue;
            }
            Stage s = stage;
            Boolean done = tx.execute(status -> notify(o, s, late, today));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean notify(Oldest o, Stage stage, long late, LocalDate today) {
        // a stage at or beyond this one already sent for this bill: nothing (and never the lower ones afterwards)
        boolean already = jdbc.sql("select count(*) from dunning_notice where bill_id = ? and stage = any(?)")
                .params(o.bill(), Arrays.stream(Stage.values()).filter(x -> x.ordinal() >= stage.ordinal()).map(Enum::name).toArray(String[]::new))
                .query(Long.class).single() > 0;
        if (already) {
            return false;
        }
        Long notice = jdbc.sql("""
                        insert into dunning_notice (lease_id, bill_id, stage, amount, sent_on) values (?, ?, ?, ?, ?)
                        on conflict do nothing returning id""")
                .params(o.lease(), o.bill(), stage.name(), o.owed(), Date.valueOf(today)).query(Long.class).optional().orElse(null);
        if (notice == null) {
            return false;
        }
        events.publishEvent(new ResidentEvent(o.household(), "DUNNING_" + stage.name(),
                (stage == Stage.BEFORE_DUE ? "缴费提醒" : "催缴通知：逾期" + late + "天") + "（合同 " + o.number() + "）",
                "欠缴 ¥" + o.owed().toPlainString() + "，应缴日 " + o.due(), "dunning_notice", notice, null, clock.instant()));
        households.headMemberId(o.household()).ifPresent(head -> notifications.notify("household_member", head,
                stage == Stage.BEFORE_DUE ? "RENT_DUE_REMINDER" : "RENT_OVERDUE_NOTICE",
                Map.of("leaseNumber", o.number(), "amount", o.owed().toPlainString(), "dueDate", o.due().toString(),
                        "days", Long.toString(late))));
        return true;
    }
}
