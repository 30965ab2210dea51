package cn.anju.rent;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a lease is charged besides rent (property service fee, water, electricity, parking), set by the operator:
 * a fixed amount a month, a rate per m² of rent area, or (water, electricity) a price per m³ or kWh used, billed in
 * arrears from the imported readings — from a date. A new amount for a type ends the current one the
 * day before; nothing is edited. The bill run bills them monthly in the CHARGES account, paid by their own payments
 * and never part of rent, its figures or the treasury.
 */
@Service
public class OtherCharges {

    public enum Type {
        PROPERTY_FEE("物业服务费"), WATER("水费"), ELECTRICITY("电费"), PARKING("停车费");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** FIXED yuan a month; PER_SQM yuan per m² of rent area a month; METERED yuan per m³ or kWh used (water, electricity). */
    public enum Basis { FIXED, PER_SQM, METERED }

    private final JdbcClient jdbc;
    private final LeaseQueries leases;
    private final AuditLog audit;
    private final Clock clock;

    OtherCharges(JdbcClient jdbc, LeaseQueries leases, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
    }

    public record Charge(long id, Type type, Basis basis, BigDecimal amount, LocalDate effectiveFrom, LocalDate effectiveTo,
                         String note, OffsetDateTime createdAt) {
    }

    public List<Charge> list(CurrentUser user, long leaseId) {
        RentQueries.requireReader(user);
        leases.get(user, leaseId); // in scope, or 404
        return jdbc.sql("""
                        select id, charge_type, basis, amount, effective_from, effective_to, note, created_at from other_charge
                         where lease_id = ? order by charge_type, effective_from desc""")
                .param(leaseId)
                .query((rs, n) -> new Charge(rs.getLong(1), Type.valueOf(rs.getString(2)), Basis.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    public record NewCharge(Type type, Basis basis, BigDecimal amount, LocalDate effectiveFrom, String note) {
    }

    @Transactional
    public long set(CurrentUser actor, long leaseId, NewCharge c) {
        requireOperator(actor);
        leases.get(actor, leaseId);
        if (c == null || c.type() == null || c.basis() == null) {
            throw ProblemException.badRequest("CHARGE_TYPE_REQUIRED", "请选择费用类型（物业服务费、水费、电费、停车费）和计费方式（每月固定金额或按租赁面积每平方米）。");
        }
        if (!Money.isAmount(c.amount(), Money.Sign.POSITIVE)) {
            throw ProblemException.badRequest("CHARGE_AMOUNT", "金额应大于0，最多两位小数（元）。");
        }
        if (c.basis() == Basis.METERED && c.type() != Type.WATER && c.type() != Type.ELECTRICITY) {
            throw ProblemException.badRequest("CHARGE_METERED_UTILITIES", "按用量计费只适用于水费和电费。");
        }
        if (c.effectiveFrom() == null) {
            throw ProblemException.badRequest("CHARGE_FROM_REQUIRED", "请填写起收日期。");
        }
        Payments.lockLease(jdbc, leaseId); // one change of a lease's charges at a time
        var open = jdbc.sql("select id, effective_from from other_charge where lease_id = ? and charge_type = ? and effective_to is null")
                .params(leaseId, c.type().name())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
        if (open.isPresent()) {
            if (!c.effectiveFrom().isAfter(open.get().getValue())) {
                throw ProblemException.unprocessable("CHARGE_FROM_TOO_EARLY",
                        "新的收费标准须晚于现行标准的起收日期（" + open.get().getValue() + "）。");
            }
            jdbc.sql("update other_charge set effective_to = ?, ended_by = ? where id = ?")
                    .params(Date.valueOf(c.effectiveFrom().minusDays(1)), actor.id(), open.get().getKey()).update();
        }
        long id = jdbc.sql("""
                        insert into other_charge (lease_id, charge_type, basis, amount, effective_from, note, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(leaseId, c.type().name(), c.basis().name(), c.amount(), Date.valueOf(c.effectiveFrom()),
                        c.note() == null ? "" : c.note().trim(), actor.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(RentAudit.OTHER_CHARGE_SET, "other_charge", id, AuditOutcome.SUCCESS,
                Map.of("lease", leaseId, "type", c.type().name(), "basis", c.basis().name(), "amount", c.amount().toPlainString()));
        return id;
    }

    /** Stops a charge after a day (a parking space given up); bills already made stay. */
    @Transactional
    public void end(CurrentUser actor, long leaseId, long chargeId, LocalDate lastDay) {
        requireOperator(actor);
        leases.get(actor, leaseId);
        if (lastDay == null) {
            throw ProblemException.badRequest("CHARGE_END_REQUIRED", "请填写停收日期（最后计费日）。");
        }
        int changed = jdbc.sql("""
                        update other_charge set effective_to = ?, ended_by = ?
                         where id = ? and lease_id = ? and effective_to is null and effective_from <= ?""")
                .params(Date.valueOf(lastDay), actor.id(), chargeId, leaseId, Date.valueOf(lastDay)).update();
        if (changed == 0) {
            throw ProblemException.unprocessable("CHARGE_NOT_OPEN", "该收费项目不存在、已停收，或停收日期早于起收日期。");
        }
        audit.record(RentAudit.OTHER_CHARGE_END, "other_charge", chargeId, AuditOutcome.SUCCESS, Map.of("lease", leaseId, "lastDay", lastDay.toString()));
    }

    private static void requireOperator(CurrentUser actor) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("CHARGE_OPERATOR_ONLY", "其他费用由承接主体设置。");
        }
    }
}
