package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Bills, payments, runs and a lease's rent account, as pages and the API read them, within the caller's scope. */
@NamedInterface("actions")
@Service
public class RentQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final LeaseQueries leases;
    private final RentLedger ledger;
    private final LateFees lateFees;
    private final Clock clock;

    RentQueries(JdbcClient jdbc, DataScopes scopes, LeaseQueries leases, RentLedger ledger, LateFees lateFees, Clock clock) {
        this.lateFees = lateFees;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.leases = leases;
        this.ledger = ledger;
        this.clock = clock;
    }

    static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT)) {
            throw ProblemException.forbidden("RENT_FORBIDDEN", "您的角色不能查看租金信息。");
        }
    }

    public PageResponse<RentLedger.BillRow> bills(CurrentUser user, Long leaseId, boolean overdueOnly, PageQuery page) {
        requireReader(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("b.district_code", "b.project_id", "b.household_id"));
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        if (leaseId != null) {
            where.append(" and b.lease_id = ?");
            params.add(leaseId);
        }
        if (overdueOnly) {
            where.append(" and b.due_date < ? and b.outstanding > 0");
            params.add(LocalDate.now(clock));
        }
        long total = jdbc.sql("select count(*) from bill_balance b where " + where).params(params).query(Long.class).single();
        return PageResponse.of(ledger.bills(where.toString(), params, page.size(), (int) page.offset()), page, total);
    }

    public record PaymentRow(long id, String receiptNumber, long leaseId, String channel, BigDecimal amount, String reference,
                             OffsetDateTime receivedAt, String recordedBy, Long reversesPaymentId, boolean reversed, String account,
                             String fiscalReceiptNumber) {

        /** No fiscal e-receipt yet (no finance platform adapter, or not answered yet): listed as 票据待开具. */
        public boolean fiscalReceiptPending() {
            return fiscalReceiptNumber == null;
        }
    }

    /** {@code lateFeeAccrued}: fees earned since the last posting, posted when the next payment comes. */
    /**
     * {@code arrears}, {@code outstanding}, {@code creditBalance}: rent only; {@code chargesOutstanding} and
     * {@code chargesCredit}: the other charges, paid apart.
     */
    public record Account(LeaseQueries.LeaseRow lease, BigDecimal arrears, BigDecimal outstanding, BigDecimal lateFeeAccrued,
                          BigDecimal creditBalance, BigDecimal depositHeld, List<RentLedger.BillRow> bills, List<PaymentRow> payments,
                          BigDecimal chargesOutstanding, BigDecimal chargesCredit) {

        public BigDecimal dueNow() {
            return outstanding.add(lateFeeAccrued).subtract(creditBalance).max(BigDecimal.ZERO);
        }

        public BigDecimal chargesDueNow() {
            return chargesOutstanding.subtract(chargesCredit).max(BigDecimal.ZERO);
        }
    }

    public Account account(CurrentUser user, long leaseId) {
        requireReader(user);
        LeaseQueries.LeaseRow lease = leases.get(user, leaseId);
        List<RentLedger.BillRow> bills = ledger.bills("b.lease_id = ?", List.of(leaseId), 60, 0);
        BigDecimal outstanding = bills.stream().filter(RentLedger.BillRow::rent).map(RentLedger.BillRow::outstanding)
                .filter(b -> b.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Account(lease, ledger.arrears(leaseId, LocalDate.now(clock)), outstanding,
                lateFees.accrued(leaseId, LocalDate.now(clock)), ledger.creditBalance(leaseId),
                ledger.depositHeld(leaseId), bills, payments("p.lease_id = ?", List.of(leaseId), 60),
                ledger.chargesOutstanding(leaseId), ledger.creditBalance(leaseId, BillAccount.CHARGES));
    }

    public record Notice(String stage, BigDecimal amount, LocalDate sentOn) {
    }

    /** One lease of a household as its rent part shows it: the account and the last 20 dunning notices. */
    public record HouseholdLease(Account account, List<Notice> notices) {
    }

    /** The household's leases, newest first, that the caller may see; the others are left out rather than refused. */
    public List<HouseholdLease> householdLeases(CurrentUser user, long householdId) {
        requireReader(user);
        List<HouseholdLease> result = new ArrayList<>();
        for (long lease : jdbc.sql("select lease_id from lease_billing_basis where household_id = ? order by start_date desc")
                .param(householdId).query(Long.class).list()) {
            Account account;
            try {
                account = account(user, lease);
            } catch (ProblemException e) {
                if (e.status().value() != 404) {
                    throw e;
                }
                continue; // outside the caller's scope: not shown
            }
            result.add(new HouseholdLease(account, jdbc.sql("""
                            select stage, amount, sent_on from dunning_notice where lease_id = ? order by id desc limit 20""")
                    .param(lease).query((rs, n) -> new Notice(rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class))).list()));
        }
        return result;
    }

    List<PaymentRow> payments(String where, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("""
                        select p.id, p.receipt_number, p.lease_id, p.channel, p.amount, p.reference, p.received_at,
                               coalesce(u.display_name, '线上支付'), p.reverses_payment_id,
                               exists (select 1 from payment r where r.reverses_payment_id = p.id), p.account,
                               (select f.number from fiscal_receipt f where f.payment_id = p.id)
                          from payment p left join staff_name u on u.user_id = p.recorded_by
                         where %s order by p.received_at desc, p.id desc limit ?""".formatted(where))
                .params(all)
                .query((rs, n) -> new PaymentRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), (Long) rs.getObject(9), rs.getBoolean(10),
                        rs.getString(11), rs.getString(12)))
                .list();
    }

    /** The lease a payment belongs to, if the caller may see it (otherwise 404). */
    public LeaseQueries.LeaseRow leaseOfPayment(CurrentUser user, long paymentId) {
        requireReader(user);
        long lease = jdbc.sql("select lease_id from payment where id = ?").param(paymentId).query(Long.class).optional()
                .orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", "收款记录不存在。"));
        return leases.get(user, lease);
    }

    public record RunRow(long id, LocalDate period, String trigger, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                         Integer bills, BigDecimal total, String digest) {
    }

    public List<RunRow> runs(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("RENT_FORBIDDEN", "出账记录由政府、财政和承接主体负责人查看。");
        }
        if (scopes.of(user) instanceof DataScope.Operator op && op.wholeDistricts().isEmpty() && op.projectIds().isEmpty()) {
            return List.of(); // an operator without a contract in force today reads no bill run
        }
        return jdbc.sql("select id, period, trigger, started_at, finished_at, bills, total, digest from bill_run order by id desc limit 50")
                .query((rs, n) -> new RunRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), (Integer) rs.getObject(6),
                        rs.getBigDecimal(7), rs.getString(8)))
                .list();
    }
}
