package cn.anju.rent;

import cn.anju.lease.RentAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a lease owes and holds, always computed from the money records themselves: a bill's outstanding amount is
 * its amount plus its debit notes (late fees included) less its credit notes less what payments allocated to it;
 * arrears are the outstanding amounts of bills past their due date; the deposit held is received less refunded
 * less deducted. It answers the lease module's move-out settlement ({@link RentAccounts}).
 */
@NamedInterface("actions")
@Service
public class RentLedger implements RentAccounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    RentLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Open(long billId, LocalDate dueDate, BigDecimal outstanding) {
    }

    /** The lease's bills of an account with something left to pay, oldest due first: the order payments are allocated in. */
    static List<Open> openBills(JdbcClient jdbc, long leaseId, BillAccount account) {
        return jdbc.sql("""
                        select id, due_date, outstanding from bill_balance where lease_id = ? and account = ? and outstanding > 0
                         order by due_date, period_start, id""")
                .params(leaseId, account.name())
                .query((rs, n) -> new Open(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }

    /** Rent arrears: rent bills past their due date, unpaid. */
    public BigDecimal arrears(long leaseId, LocalDate asOf) {
        return openBills(jdbc, leaseId, BillAccount.RENT).stream().filter(o -> o.dueDate().isBefore(asOf)).map(Open::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the lease's other charges leave unpaid (due or not). */
    public BigDecimal chargesOutstanding(long leaseId) {
        return openBills(jdbc, leaseId, BillAccount.CHARGES).stream().map(Open::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Rent paid beyond the rent bills. */
    public BigDecimal creditBalance(long leaseId) {
        return creditBalance(leaseId, BillAccount.RENT);
    }

    BigDecimal creditBalance(long leaseId, BillAccount account) {
        return jdbc.sql("""
                        select coalesce(sum(a.amount), 0) from payment_allocation a join payment p on p.id = a.payment_id
                         where a.lease_id = ? and a.bill_id is null and p.account = ?""")
                .params(leaseId, account.name()).query(BigDecimal.class).single();
    }

    public BigDecimal depositHeld(long leaseId) {
        return jdbc.sql("""
                        select coalesce(sum(case when kind = 'RECEIVED' then amount else -amount end), 0)
                          from deposit_entry where lease_id = ?""")
                .param(leaseId).query(BigDecimal.class).single();
    }

    @Override
    public Optional<Figures> settlementFigures(long leaseId) {
        boolean known = jdbc.sql("select exists (select 1 from bill where lease_id = ?) or exists (select 1 from deposit_entry where lease_id = ?)")
                .params(leaseId, leaseId).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        // at move-out all rent billed is due, whatever its due date, less any rent credit the household holds (the
        // deposit secures rent and damages; other charges stay on the account)
        BigDecimal owed = openBills(jdbc, leaseId, BillAccount.RENT).stream().map(Open::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(creditBalance(leaseId));
        return Optional.of(new Figures(owed, depositHeld(leaseId), "租金台账 " + today));
    }

    /** Bills with their outstanding amounts for a page or the API (newest first). */
    public record BillRow(long id, long leaseId, String leaseNumber, String chargeType, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
                          BigDecimal amount, BigDecimal adjustments, BigDecimal paid, BigDecimal outstanding, String basis, String account) {

        public boolean rent() {
            return BillAccount.RENT.name().equals(account);
        }
    }

    List<BillRow> bills(String where, List<Object> params, int limit, int offset) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return jdbc.sql("""
                        select b.id, b.lease_id, b.charge_type, b.period_start, b.period_end, b.due_date, b.amount,
                               b.adjustments, b.paid,
                               case when b.quantity is not null
                                    then b.quantity || case when b.charge_type = 'WATER' then 'm³' else 'kWh' end || '×' || b.unit_price || '元'
                                    -- rent: the monthly rent M as the contract prints it, then the days of a part month or the
                                    -- month pieces of a longer bill, so the amount can be recomputed from what is printed
                                    when b.charge_type in ('RENT', 'RENT_MARKET') and b.monthly_amount is not null
                                    then b.yuan_per_sqm || '元/㎡×' || b.rent_area || '㎡'
                                      || case when b.reduction = '' then '' when right(b.reduction, 1) = '%%' then '×减' || b.reduction
                                              else '−' || b.reduction || '元' end
                                      || '=' || b.monthly_amount || '元/月'
                                      || case when date_trunc('month', b.period_start) <> date_trunc('month', b.period_end)
                                              then '；分月：' || (select string_agg(to_char(l.month, 'YYYY-MM') || ' ' || l.amount || '元', '，' order by l.month)
                                                                  from bill_printed_line l where l.bill_id = b.id)
                                              when b.period_end - b.period_start + 1 = extract(day from date_trunc('month', b.period_start) + interval '1 month' - interval '1 day')
                                              then ''
                                              else '×' || (b.period_end - b.period_start + 1) || '/'
                                                   || extract(day from date_trunc('month', b.period_start) + interval '1 month' - interval '1 day') || '天' end
                                    else case when b.monthly_amount is not null then b.monthly_amount || '元/月'
                                    else b.yuan_per_sqm || '元/㎡×' || b.rent_area || '㎡'
                                   || case when b.reduction = '' then '' when right(b.reduction, 1) = '%%' then '×减' || b.reduction
                                           else '−' || b.reduction || '元' end end
                                   || '×' || round(b.months, 4) || '月' end,
                               (select v.lease_number from lease_billing_basis v where v.lease_id = b.lease_id), b.account
                          from bill_balance b where %s order by b.due_date desc, b.id desc limit ? offset ?""".formatted(where))
                .params(all)
                .query((rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal(7);
                    BigDecimal adj = rs.getBigDecimal(8);
                    BigDecimal paid = rs.getBigDecimal(9);
                    return new BillRow(rs.getLong(1), rs.getLong(2), rs.getString(11), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), amount, adj, paid,
                            amount.add(adj).subtract(paid), rs.getString(10), rs.getString(12));
                })
                .list();
    }
}
