package cn.anju.rent;

import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Districts;
import cn.anju.shared.policy.PolicySettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Households at six months' cumulative arrears (DOMAIN.md 2.2): overdue rent principal — what was due before today
 * on RENT and RENT_MARKET bills and not allocated — at least {@code rent.arrears_case_months} × the lease's monthly
 * rent as billed (its latest whole-month RENT bill's amount ÷ months, so the figure the household was charged),
 * months not necessarily consecutive, for households still living there (a household that moved out settles its
 * arrears in the move-out statement). Reported once per lease through {@link ArrearsThresholdReached} (the
 * inspection module opens the case for the government); a report is cleared when the arrears fall below again.
 */
@Component
class ArrearsReports {

    private final JdbcClient jdbc;
    private final Districts districts;
    private final PolicySettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ArrearsReports(JdbcClient jdbc, Districts districts, PolicySettings settings, ApplicationEventPublisher events,
                   TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.districts = districts;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
    }

    record AtThreshold(long leaseId, String number, BigDecimal overdue, BigDecimal monthlyRent, int months) {
    }

    /** The leases at or over the threshold on the day, within a scope (null: all). */
    List<AtThreshold> atThreshold(ScopeFilter scope, LocalDate today) {
        List<Districts.District> all = districts.all();
        List<Object> params = new ArrayList<>(List.of(all.stream().map(Districts.District::code).toArray(String[]::new),
                all.stream().map(d -> settings.integer("rent.arrears_case_months", d.code())).toArray(Integer[]::new)));
        if (scope != null) {
            params.addAll(scope.params());
        }
        params.add(Date.valueOf(today));
        return jdbc.sql("""
                        select b.lease_id, l.lease_number, sum(greatest(b.amount - b.paid, 0)), m.monthly, t.months
                          from bill_balance b
                          join lease_billing_basis l on l.lease_id = b.lease_id
                          join unnest(?::text[], ?::int[]) as t(code, months) on t.code = b.district_code
                          cross join lateral (select round(r.amount / r.months, 2) as monthly from bill r
                                               where r.lease_id = b.lease_id and r.charge_type = 'RENT' and r.months > 0
                                               order by (r.months >= 1) desc, r.period_start desc limit 1) m
                         where %s and b.due_date < ? and b.charge_type in ('RENT', 'RENT_MARKET') and l.moved_out_on is null
                         group by b.lease_id, l.lease_number, m.monthly, t.months
                        having m.monthly > 0 and sum(greatest(b.amount - b.paid, 0)) >= t.months * m.monthly"""
                        .formatted(scope == null ? "true" : scope.sql()))
                .params(params)
                .query((rs, n) -> new AtThreshold(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5)))
                .list();
    }

    /** Reports the leases newly at the threshold and clears those no longer; returns how many were reported. */
    int run(LocalDate today) {
        List<AtThreshold> now = atThreshold(null, today);
        Long[] ids = now.stream().map(AtThreshold::leaseId).toArray(Long[]::new);
        tx.executeWithoutResult(s -> jdbc.sql("update arrears_report set cleared_on = ? where cleared_on is null and not (lease_id = any(?))")
                .params(Date.valueOf(today), ids).update());
        int reported = 0;
        for (AtThreshold a : now) {
            Boolean done = tx.execute(s -> {
                int changed = jdbc.sql("""
                                insert into arrears_report (lease_id, reported_on, overdue_principal) values (?, ?, ?)
                                on conflict (lease_id) do update set reported_on = excluded.reported_on,
                                       overdue_principal = excluded.overdue_principal, cleared_on = null
                                 where arrears_report.cleared_on is not null""")
                        .params(a.leaseId(), Date.valueOf(today), a.overdue()).update();
                if (changed == 0) {
                    return false;
                }
                events.publishEvent(new ArrearsThresholdReached(a.leaseId(), a.number(), a.overdue(), a.monthlyRent(), a.months(), today));
                return true;
            });
            reported += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return reported;
    }
}
