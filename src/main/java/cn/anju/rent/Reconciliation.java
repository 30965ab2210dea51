package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly reconciliation statement (月度对账单) per project of a district: billed, collected on those bills,
 * their arrears; cash received, remitted (confirmed by finance), held; credit balances and deposits held. Every
 * figure is read from its own records, so the two identities — billed − collected = arrears, and received −
 * remitted = held — are checks, shown per row.
 */
@Service
public class Reconciliation {

    public record Row(long projectId, String projectName, BigDecimal billed, BigDecimal collected, BigDecimal arrears,
                      BigDecimal received, BigDecimal remitted, BigDecimal held, BigDecimal credit, BigDecimal deposits,
                      BigDecimal toRefund) {

        public boolean billsBalance() {
            return billed.subtract(collected).compareTo(arrears) == 0;
        }

        public boolean cashBalances() {
            return received.subtract(remitted).compareTo(held) == 0;
        }
    }

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final ZoneId zone;

    Reconciliation(JdbcClient jdbc, DataScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.zone = clock.getZone();
    }

    public List<Row> statement(CurrentUser user, String districtCode, YearMonth month) {
        Treasury.requireReader(user);
        // without a district: every project in the caller's scope
        if (districtCode != null && !scopes.of(user).coversDistrict(districtCode)) {
            if (scopes.finishing(user).coversDistrict(districtCode)) {
                return List.of(); // a winding-down operator remits what it holds; the project's month is its successor's now
            }
            throw ProblemException.notFound("DISTRICT_NOT_IN_SCOPE", "没有该区县的对账数据，或不在您的数据范围内。");
        }
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("p.district_code", "p.project_id", null));
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()),
                Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()),
                Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()), from, to, from, to, from, to));
        params.addAll(scope.params());
        params.add(districtCode);
        params.add(districtCode);
        return jdbc.sql("""
                        select p.project_id, p.name,
                               -- the month's bills: amount and notes, from bills and adjustments
                               coalesce((select sum(b.amount) from bill b where b.project_id = p.project_id and b.account = 'RENT' and b.period_start between ? and ?), 0)
                             + coalesce((select sum(case when a.kind = 'CREDIT' then -a.amount else a.amount end)
                                           from bill_adjustment a join bill b on b.id = a.bill_id
                                          where b.project_id = p.project_id and b.account = 'RENT' and b.period_start between ? and ?), 0) as billed,
                               -- what payments allocated to those bills, from allocations
                               coalesce((select sum(x.amount) from payment_allocation x join bill b on b.id = x.bill_id
                                          where b.project_id = p.project_id and b.account = 'RENT' and b.period_start between ? and ?), 0) as collected,
                               -- cash received in the month, from payments
                               coalesce((select sum(y.amount) from payment y where y.project_id = p.project_id and y.account = 'RENT' and y.received_at >= ? and y.received_at < ?), 0) as received,
                               -- of it, what finance confirmed at the treasury, from the batches
                               coalesce((select sum(y.amount) from payment y join remittance_item i on i.payment_id = y.id
                                          join remittance_batch r on r.id = i.batch_id and r.status = 'CONFIRMED'
                                          where y.project_id = p.project_id and y.account = 'RENT' and y.received_at >= ? and y.received_at < ?), 0) as remitted,
                               -- and what is not confirmed yet, counted on its own
                               coalesce((select sum(y.amount) from payment y where y.project_id = p.project_id and y.account = 'RENT' and y.received_at >= ? and y.received_at < ?
                                           and not exists (select 1 from remittance_item i join remittance_batch r on r.id = i.batch_id
                                                            where i.payment_id = y.id and r.status = 'CONFIRMED')), 0) as held,
                               coalesce((select sum(z.amount) from payment_allocation z join payment y on y.id = z.payment_id
                                          where y.project_id = p.project_id and y.account = 'RENT' and z.bill_id is null), 0) as credit,
                               coalesce((select sum(case when d.kind = 'RECEIVED' then d.amount else -d.amount end)
                                           from deposit_entry d join lease_billing_basis l on l.lease_id = d.lease_id
                                          where l.project_id = p.project_id), 0) as deposits,
                               -- money the gateway confirmed twice for one order: outside the ledger, owed back
                               coalesce((select sum(g.amount) from gateway_exception g where g.project_id = p.project_id and g.refund_state <> 'REFUNDED'), 0) as to_refund
                          from project_place p where %s and (?::text is null or p.district_code = ?) order by p.district_code, p.name""".formatted(scope.sql()))
                .params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), null,
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10)))
                .list().stream()
                .map(r -> new Row(r.projectId(), r.projectName(), r.billed(), r.collected(), arrears(r.projectId(), month), r.received(),
                        r.remitted(), r.held(), r.credit(), r.deposits(), r.toRefund()))
                .toList();
    }

    /** The month's bills' outstanding amounts, from the bill balance view: the check on billed − collected. */
    private BigDecimal arrears(long projectId, YearMonth month) {
        return jdbc.sql("select coalesce(sum(outstanding), 0) from bill_balance where project_id = ? and account = 'RENT' and period_start between ? and ?")
                .params(projectId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()))
                .query(BigDecimal.class).single();
    }
}
