package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.lease.LeaseFacts;
import cn.anju.lease.LeaseMovedOut;
import cn.anju.lease.LeaseStatus;
import cn.anju.lease.Leases;
import cn.anju.lease.TerminationKind;
import cn.anju.rent.ArrearsThresholdReached;
import cn.anju.shared.Money;
import cn.anju.shared.state.States;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Violation cases (违规案件): the operator opens one about an occupied lease, adds evidence and reports it; only a
 * housing officer of the case's own district reviews and decides; a RECLAIM decision terminates the lease (the
 * household gets the transition period and moves out), and the case is VACATED when the move-out is recorded.
 * Every change follows {@link CaseState}'s table, is checked against the version the caller saw, written as an
 * event of the case, audited, and told to the resident file.
 */
@NamedInterface("api")
@Service
public class ViolationCases {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final LeaseFacts leaseFacts;
    private final Leases leases;
    private final CaseRecords records;
    private final AuditLog audit;
    private final Clock clock;

    ViolationCases(JdbcClient jdbc, DataScopes scopes, LeaseFacts leaseFacts, Leases leases, CaseRecords records, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.leaseFacts = leaseFacts;
        this.leases = leases;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    public record Opening(Long leaseId, String leaseNumber, CaseType type, String facts, CaseSource source) {
    }

    public enum CaseSource { STAFF, PATROL, VERIFICATION, IDLE_READINGS, ARREARS }

    /** Opens a DRAFT case about the household living under a lease. Returns the case's id. */
    @Transactional
    public long open(CurrentUser actor, Opening o) {
        CaseRecords.requireStaff(actor);
        if (o.leaseId() == null && (o.leaseNumber() == null || o.leaseNumber().isBlank())) {
            throw ProblemException.badRequest("CASE_LEASE_REQUIRED", "请填写违规住户的租赁合同编号。");
        }
        LeaseFacts.Facts lease = (o.leaseId() != null ? leaseFacts.byId(o.leaseId()) : leaseFacts.byNumber(o.leaseNumber()))
                .filter(l -> scopes.of(actor).coversProject(l.districtCode(), l.projectId()))
                .orElseThrow(() -> ProblemException.notFound("LEASE_NOT_FOUND", "未找到该租赁合同，请核对合同编号。"));
        if (o.type() == null) {
            throw ProblemException.badRequest("CASE_TYPE_REQUIRED", "请选择违规类型。");
        }
        if (o.type() == CaseType.ARREARS) {
            throw ProblemException.unprocessable("ARREARS_CASE_AUTOMATIC",
                    "拖欠租金案件由系统在累计欠租达到6个月租金时自动立案并上报，不能手工登记。");
        }
        if (o.facts() == null || o.facts().isBlank()) {
            throw ProblemException.badRequest("CASE_FACTS_REQUIRED", "请写明违规事实：时间、地点、发现经过。");
        }
        if (!lease.occupied()) {
            throw ProblemException.unprocessable("LEASE_NOT_OCCUPIED", "该合同的住户未入住或已退房，不能登记违规案件。");
        }
        return insert(lease, o.type(), o.source() == null ? CaseSource.STAFF : o.source(), CaseState.DRAFT, o.facts().trim(),
                actor.id(), null);
    }

    /**
     * The rent module's report of a household at the arrears threshold: a case REPORTED at once, for the government
     * to decide; none if one is already open for the lease (a second node, a rerun, a redelivered event). The lock on
     * the lease's key makes two deliveries at once take turns, so the second sees the first one's case.
     */
    void openArrearsCase(ArrearsThresholdReached e) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("arrears-case:" + e.leaseId()).query((rs, n) -> 1).list();
        boolean open = jdbc.sql("select count(*) from violation_case where lease_id = ? and type = 'ARREARS' and state = any(?)")
                .params(e.leaseId(), States.names(CaseState.OPEN)).query(Long.class).single() > 0;
        if (open) {
            return;
        }
        LeaseFacts.Facts lease = leaseFacts.byId(e.leaseId()).orElseThrow();
        String facts = "截至%s，合同 %s 逾期未缴租金本金 ¥%s，达到月租金 ¥%s 的 %d 倍，属累计拖欠租金%d个月以上（《公共租赁住房管理办法》第二十九条）。"
                .formatted(e.asOf(), e.leaseNumber(), e.overduePrincipal().toPlainString(), e.monthlyRent().toPlainString(),
                        e.thresholdMonths(), e.thresholdMonths());
        long id = insert(lease, CaseType.ARREARS, CaseSource.ARREARS, CaseState.REPORTED, facts, null, e.overduePrincipal());
        jdbc.sql("update violation_case set reported_at = opened_at where id = ?").param(id).update();
    }

    private long insert(LeaseFacts.Facts lease, CaseType type, CaseSource source, CaseState state, String facts, Long actorId,
                        BigDecimal arrears) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into violation_case (case_number, district_code, project_id, unit_id, lease_id, lease_number, household_id, type, source,
                               state, facts, opened_by, opened_at, arrears_amount)
                        values ('WG' || ? || ? || lpad(nextval('violation_case_number_seq')::text, 6, '0'),
                                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(lease.districtCode(), Integer.toString(now.atZone(clock.getZone()).getYear()), lease.districtCode(), lease.projectId(), lease.unitId(), lease.id(), lease.number(),
                        lease.householdId(), type.name(), source.name(), state.name(), facts, actorId, Timestamp.from(now), arrears)
                .query(Long.class).single();
        records.event(id, null, state, source == CaseSource.ARREARS ? "系统按欠租自动立案并上报" : "立案", actorId, now);
        ViolationCase c = records.find(id);
        records.told(c, state == CaseState.REPORTED ? "CASE_REPORTED" : "CASE_OPENED",
                (state == CaseState.REPORTED ? "违规案件上报：" : "违规案件立案：") + type.label() + "（" + c.number() + "）", "", actorId, now);
        audit.record(InspectionAudit.VIOLATION_CASE_OPEN, "violation_case", id, AuditOutcome.SUCCESS, Map.of("type", type.name(), "source", source.name()));
        return id;
    }

    /** The operator reports a draft with its evidence to the government. */
    @Transactional
    public void report(CurrentUser actor, long id, Integer version) {
        CaseRecords.requireStaff(actor);
        ViolationCase c = records.load(actor, id);
        long evidence = jdbc.sql("select count(*) from violation_evidence where case_id = ?").param(id).query(Long.class).single();
        if (c.state() == CaseState.DRAFT && evidence == 0) {
            throw ProblemException.unprocessable("CASE_EVIDENCE_REQUIRED", "上报前请至少上传一份证据（照片或文书）。");
        }
        records.apply(c.report(clock.instant()).asSeen(version), "上报住房保障部门", actor.id());
        records.told(c, "CASE_REPORTED", "违规案件上报：" + c.type().label() + "（" + c.number() + "）", "", actor.id(), clock.instant());
    }

    /** The district's officer takes a reported case up. */
    @Transactional
    public void review(CurrentUser actor, long id, Integer version) {
        records.apply(records.loadForOfficer(actor, id).review().asSeen(version), "受理审查", actor.id());
    }

    /** The officer sends a case back to the operator for more evidence. */
    @Transactional
    public void sendBack(CurrentUser actor, long id, Integer version, String note) {
        ViolationCase c = records.loadForOfficer(actor, id);
        if (note == null || note.isBlank()) {
            throw ProblemException.badRequest("NOTE_REQUIRED", "请写明需要补充的证据或事实。");
        }
        records.apply(c.sendBack().asSeen(version), "退回补充证据：" + note.trim(), actor.id());
    }

    public record DecisionRequest(Decision decision, String reason, LocalDate rectifyBy, BigDecimal penaltyAmount) {
    }

    /**
     * The government's decision, by a housing officer of the case's district only. RECLAIM terminates the lease for
     * the violation (or the arrears) with the transition period; DISMISSED closes the case at once.
     */
    @Transactional
    public void decide(CurrentUser actor, long id, Integer version, DecisionRequest d) {
        ViolationCase c = records.loadForOfficer(actor, id);
        LocalDate today = LocalDate.now(clock);
        if (d == null || d.decision() == null) {
            throw ProblemException.badRequest("DECISION_REQUIRED", "请选择处理决定：责令整改、收回住房、罚款或不予处理。");
        }
        if (d.reason() == null || d.reason().isBlank()) {
            throw ProblemException.badRequest("DECISION_REASON_REQUIRED", "请写明决定的事实和依据。");
        }
        if (d.decision() == Decision.RECTIFY && (d.rectifyBy() == null || !d.rectifyBy().isAfter(today))) {
            throw ProblemException.badRequest("RECTIFY_DEADLINE_REQUIRED", "责令整改须给出今天以后的整改期限。");
        }
        if (d.decision() == Decision.PENALTY && !Money.isAmount(d.penaltyAmount(), Money.Sign.POSITIVE)) {
            throw ProblemException.badRequest("PENALTY_AMOUNT_REQUIRED", "罚款须填写大于0的金额（元，最多两位小数）。");
        }
        if (c.state() == CaseState.REPORTED) {
            // deciding a reported case takes it under review first: both steps are on the record
            records.apply(c.review().asSeen(version), "受理审查", actor.id());
            c = records.find(id);
            version = c.version();
        }
        Instant now = clock.instant();
        String reason = d.reason().trim();
        records.apply(c.decide(d.decision(), reason, d.rectifyBy(), d.penaltyAmount(), actor.id(), now).asSeen(version),
                d.decision().label() + "：" + reason, actor.id());
        String detail = d.decision() == Decision.RECTIFY ? "整改期限 " + d.rectifyBy()
                : d.decision() == Decision.PENALTY ? "罚款 ¥" + d.penaltyAmount().toPlainString() : reason;
        records.told(c, "CASE_DECIDED", "违规处理决定：" + d.decision().label() + "（" + c.number() + "，" + c.type().label() + "）", detail,
                actor.id(), now);
        audit.record(InspectionAudit.VIOLATION_CASE_DECIDE, "violation_case", id, AuditOutcome.SUCCESS, Map.of("decision", d.decision().name()));
        ViolationCase decided = records.find(id);
        switch (d.decision()) {
            case DISMISSED -> records.apply(decided.close(), "不予处理，结案", actor.id());
            case RECLAIM -> reclaim(actor, decided, reason);
            default -> { }
        }
    }

    private void reclaim(CurrentUser actor, ViolationCase c, String reason) {
        LeaseFacts.Facts lease = leaseFacts.byId(c.lease()).orElseThrow();
        if (lease.movedOutOn() != null) {
            records.apply(c.vacate(), "住户已退房", actor.id());
            return;
        }
        if (lease.status() == LeaseStatus.ACTIVE) {
            leases.terminate(actor, lease.id(), c.type() == CaseType.ARREARS ? TerminationKind.ARREARS : TerminationKind.VIOLATION,
                    "违规处理决定 " + c.number() + "：" + reason);
        }
    }

    /** The household put it right within the deadline (a RECTIFY decision). */
    @Transactional
    public void rectified(CurrentUser actor, long id, Integer version, String note) {
        CaseRecords.requireStaff(actor);
        ViolationCase c = records.load(actor, id);
        if (c.decision() != Decision.RECTIFY) {
            throw ProblemException.unprocessable("CASE_NOT_RECTIFY", "只有“责令整改”的案件才能登记整改完成。");
        }
        records.apply(c.rectified().asSeen(version), "整改完成" + suffix(note), actor.id());
        records.told(c, "CASE_RECTIFIED", "违规整改完成（" + c.number() + "）", "", actor.id(), clock.instant());
    }

    /** Closes a case: a PENALTY decision carried out, or a draft the operator drops. */
    @Transactional
    public void close(CurrentUser actor, long id, Integer version, String note) {
        CaseRecords.requireStaff(actor);
        ViolationCase c = records.load(actor, id);
        if (c.state() == CaseState.DECIDED && c.decision() != Decision.PENALTY) {
            throw ProblemException.unprocessable("CASE_CLOSE_REFUSED", "该决定不以结案了结：责令整改登记整改完成，收回住房待退房后自动办结。");
        }
        if (c.state() == CaseState.DRAFT && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("NOTE_REQUIRED", "撤销草稿请写明原因。");
        }
        records.apply(c.close().asSeen(version), (c.state() == CaseState.DRAFT ? "撤销立案" : "罚款已执行，结案") + suffix(note), actor.id());
    }

    /** A RECTIFY deadline passed unmet: the officer takes the case back under review for a new decision. */
    @Transactional
    public void reopen(CurrentUser actor, long id, Integer version, String note) {
        ViolationCase c = records.loadForOfficer(actor, id);
        LocalDate today = LocalDate.now(clock);
        if (c.decision() != Decision.RECTIFY || c.rectifyBy() == null || !today.isAfter(c.rectifyBy())) {
            throw ProblemException.unprocessable("CASE_REOPEN_REFUSED", "只有整改期限已过仍未整改的案件才能重新审查。");
        }
        records.apply(c.reopen().asSeen(version), "逾期未整改，重新审查" + suffix(note), actor.id());
    }

    /**
     * The lease module recorded the move-out: a RECLAIM case on that lease is done. The rows are locked, so a
     * redelivered event waits for the first delivery and then finds the case VACATED already.
     */
    void leaseMovedOut(LeaseMovedOut e) {
        jdbc.sql("select id from violation_case where lease_id = ? and state = 'DECIDED' and decision = 'RECLAIM' for update")
                .param(e.leaseId())
                .query(Long.class).list()
                .forEach(id -> records.apply(records.find(id).vacate(), "住户已退房，房屋收回", e.actorId()));
    }

    private static String suffix(String note) {
        return note == null || note.isBlank() ? "" : "：" + note.trim();
    }
}
