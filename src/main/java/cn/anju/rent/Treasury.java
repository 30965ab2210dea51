package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScope;
import cn.anju.identity.DataScopes;
import cn.anju.identity.MeasureScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Remitting rent to the treasury (收支两条线). The operator's manager puts every payment of a district received up to
 * a day and not yet remitted into a batch (reversals included: the batch nets them); finance of the district
 * confirms the batch with the treasury's receipt number and date. What the operator holds is what it collected
 * less what finance confirmed; payments of a month not remitted by the remit day of the next month
 * ({@code rent.remit_day}, 10) are overdue, flagged to finance and the government.
 */
@NamedInterface("actions")
@Service
public class Treasury {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final PolicySettings settings;
    private final AuditLog audit;
    private final StateChanges changes;
    private final Clock clock;
    private final MeasureScopes measureScopes;
    private final TreasuryMeasures.Held rentHeld;

    Treasury(JdbcClient jdbc, DataScopes scopes, PolicySettings settings, AuditLog audit, StateChanges changes, Clock clock,
             MeasureScopes measureScopes, TreasuryMeasures.Held rentHeld) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.settings = settings;
        this.audit = audit;
        this.changes = changes;
        this.clock = clock;
        this.measureScopes = measureScopes;
        this.rentHeld = rentHeld;
    }

    public record NewBatch(String districtCode, LocalDate upTo) {
    }

    @Transactional
    public long submit(CurrentUser actor, NewBatch b) {
        if (!actor.has(Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("REMITTANCE_OPERATOR_ONLY", "上缴批次由承接主体负责人提交。");
        }
        if (b == null || b.districtCode() == null || b.upTo() == null) {
            throw ProblemException.badRequest("REMITTANCE_INCOMPLETE", "请选择区县和截止日期。");
        }
        if (b.upTo().isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("REMITTANCE_FUTURE", "截止日期不能晚于今天。");
        }
        ScopeFilter scope = scopes.finishingFilter(actor, new ScopeFilter.Columns("p.district_code", "p.project_id", null), "p.received_at",
                "p.recorded_by");
        List<Object> params = new ArrayList<>(scope.params());
        params.add(b.districtCode());
        params.add(Date.valueOf(b.upTo().plusDays(1)));
        // one batch at a time per district: two managers pressing at once must not both take the same payments
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("remit:" + b.districtCode()).query((rs, n) -> 1).list();
        List<Long> payments = jdbc.sql("""
                        select p.id from payment p
                         where %s and p.account = 'RENT' and p.district_code = ? and p.received_at < (?::date)::timestamptz
                           and not exists (select 1 from remittance_item i where i.payment_id = p.id)
                         order by p.id""".formatted(scope.sql()))
                .params(params).query(Long.class).list();
        if (payments.isEmpty()) {
            throw ProblemException.unprocessable("REMITTANCE_EMPTY", "该区县截止该日没有待上缴的租金。");
        }
        BigDecimal amount = jdbc.sql("select sum(amount) from payment where id = any(?)").param(payments.toArray(Long[]::new))
                .query(BigDecimal.class).single();
        long id = jdbc.sql("""
                        insert into remittance_batch (operator_id, district_code, up_to, amount, payments, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(actor.organisationId(), b.districtCode(), Date.valueOf(b.upTo()), amount, payments.size(),
                        RemittanceStatus.SUBMITTED.name(), actor.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        try {
            jdbc.sql("insert into remittance_item (batch_id, payment_id) select ?, unnest(?::bigint[])")
                    .params(id, payments.toArray(Long[]::new)).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("REMITTANCE_OVERLAP", "部分收款刚被另一批次纳入，请刷新后重试。");
        }
        audit.record(RentAudit.REMITTANCE_SUBMIT, "remittance_batch", id, AuditOutcome.SUCCESS,
                Map.of("district", b.districtCode(), "amount", amount.toPlainString(), "payments", payments.size()));
        return id;
    }

    public record Confirmation(String treasuryReceiptNo, LocalDate treasuryDate) {
    }

    @Transactional
    public void confirm(CurrentUser actor, long batchId, Confirmation c) {
        if (!actor.has(Role.FINANCE)) {
            throw ProblemException.forbidden("REMITTANCE_FINANCE_ONLY", "上缴确认由财政部门办理。");
        }
        Remittance b = jdbc.sql("select id, district_code, status, version from remittance_batch where id = ?").param(batchId)
                .query((rs, n) -> new Remittance(rs.getLong(1), rs.getString(2), RemittanceStatus.valueOf(rs.getString(3)), rs.getInt(4))).optional()
                .filter(x -> scopes.of(actor).coversDistrict(x.district()))
                .orElseThrow(() -> ProblemException.notFound("REMITTANCE_NOT_FOUND", "上缴批次不存在。"));
        if (c == null || c.treasuryReceiptNo() == null || c.treasuryReceiptNo().isBlank() || c.treasuryDate() == null) {
            throw ProblemException.badRequest("TREASURY_RECEIPT_REQUIRED", "请填写国库缴款书（收据）号和入库日期。");
        }
        String receipt = c.treasuryReceiptNo().trim();
        try {
            changes.apply(b.confirm(receipt, c.treasuryDate(), actor.id(), clock.instant()), x ->
                    audit.record(RentAudit.REMITTANCE_CONFIRM, "remittance_batch", batchId, AuditOutcome.SUCCESS, Map.of("receipt", receipt)));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("TREASURY_RECEIPT_TAKEN", "该国库缴款书号已用于其他批次。");
        }
    }

    public record Batch(long id, String districtCode, LocalDate upTo, BigDecimal amount, int payments, String status,
                        String treasuryReceiptNo, LocalDate treasuryDate, OffsetDateTime createdAt) {
    }

    public List<Batch> batches(CurrentUser user) {
        requireReader(user);
        // an operator reads the batches it submitted itself, wherever and whenever (its wind-down included); others by district
        ScopeFilter scope = user.isOperator() ? new ScopeFilter("true", List.of()) : scopes.filter(user, ScopeFilter.Columns.district("b.district_code"));
        String operatorOnly = user.isOperator() ? " and b.operator_id = ?" : "";
        List<Object> params = new ArrayList<>(scope.params());
        if (user.isOperator()) {
            params.add(user.organisationId());
        }
        return jdbc.sql("""
                        select b.id, b.district_code, b.up_to, b.amount, b.payments, b.status, b.treasury_receipt_no, b.treasury_date, b.created_at
                          from remittance_batch b where %s%s order by b.created_at desc limit 100""".formatted(scope.sql(), operatorOnly))
                .params(params)
                .query((rs, n) -> new Batch(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, OffsetDateTime.class)))
                .list();
    }

    /**
     * Collected, remitted (confirmed) and held per district in scope, with the held money's age and what is overdue;
     * the held amount is the measure {@code RENT_HELD} as of today.
     */
    public record Held(String districtCode, BigDecimal collected, BigDecimal remitted, BigDecimal held, BigDecimal upTo30Days,
                       BigDecimal days31To60, BigDecimal over60Days, BigDecimal overdue, long overduePayments) {
    }

    public List<Held> held(CurrentUser user) {
        requireReader(user);
        ScopeFilter scope = scopes.finishingFilter(user, new ScopeFilter.Columns("p.district_code", "p.project_id", null), "p.received_at",
                "p.recorded_by");
        DataScope active = scopes.of(user);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        List<String> districts = jdbc.sql("select distinct p.district_code from payment p where p.account = 'RENT' and " + scope.sql() + " order by 1")
                .params(scope.params()).query(String.class).list();
        List<Held> out = new ArrayList<>();
        for (String d : districts) {
            // a month's collections are due at the treasury on the remit day of the next month
            int remitDay = settings.integer("rent.remit_day", d);
            YearMonth current = YearMonth.from(today);
            LocalDate overdueBefore = (today.getDayOfMonth() > remitDay ? current : current.minusMonths(1)).atDay(1);
            List<Object> params = new ArrayList<>(scope.params());
            params.add(d);
            Timestamp days30 = Timestamp.from(today.minusDays(30).atStartOfDay(zone).toInstant());
            Timestamp days60 = Timestamp.from(today.minusDays(60).atStartOfDay(zone).toInstant());
            Timestamp overdue = Timestamp.from(overdueBefore.atStartOfDay(zone).toInstant());
            params.addAll(List.of(days30, days30, days60, days60, overdue, overdue));
            out.add(jdbc.sql("""
                            with p as (
                                select p.district_code, p.amount, p.received_at,
                                       exists (select 1 from remittance_item i join remittance_batch b on b.id = i.batch_id
                                                where i.payment_id = p.id and b.status = 'CONFIRMED') as remitted
                                  from payment p where %s and p.account = 'RENT' and p.district_code = ?
                            )
                            select district_code, sum(amount),
                                   coalesce(sum(amount) filter (where remitted), 0),
                                   coalesce(sum(amount) filter (where not remitted and received_at >= ?), 0),
                                   coalesce(sum(amount) filter (where not remitted and received_at < ? and received_at >= ?), 0),
                                   coalesce(sum(amount) filter (where not remitted and received_at < ?), 0),
                                   coalesce(sum(amount) filter (where not remitted and received_at < ?), 0),
                                   count(*) filter (where not remitted and received_at < ?)
                              from p group by district_code""".formatted(scope.sql()))
                    .params(params)
                    .query((rs, n) -> new Held(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                            // in a wind-down only what it collected itself, which the measure over projects cannot tell apart
                            active.coversDistrict(d) ? rentHeld.compute(measureScopes.of(user, d), new MeasurePeriod.AsOf(today)).value()
                                    : rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8)))
                    .single());
        }
        return out;
    }

    static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER)) {
            throw ProblemException.forbidden("TREASURY_FORBIDDEN", "上缴情况由政府、财政和承接主体负责人查看。");
        }
    }
}
