package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.ContractCoverage;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.FourEyes;
import cn.anju.shared.files.Upload;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Signing (after the budget approval and the award; it writes the coverage), the daily move of signed contracts into
 * force and out of it, and termination: one officer asks with a last day and a reason, a leader of the district who is
 * not that officer approves (four eyes), and the coverage ends after that day.
 */
@NamedInterface("actions")
@Service
public class ContractLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContractLifecycle.class);

    private final ContractRecords records;
    private final ContractScope scope;
    private final ContractPdfs pdfs;
    private final ContractCoverage coverage;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    ContractLifecycle(ContractRecords records, ContractScope scope, ContractPdfs pdfs, ContractCoverage coverage,
                      StateChanges changes, AuditLog audit, Clock clock, TransactionTemplate tx) {
        this.records = records;
        this.scope = scope;
        this.pdfs = pdfs;
        this.coverage = coverage;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    @Transactional
    public void sign(CurrentUser user, long id, LocalDate signedOn, Upload signedPdf, Integer seenVersion) {
        ServiceContract c = locked(user, id);
        scope.requirePreparer(user, c.districtCode());
        if (c.status() != ContractStatus.DRAFT) {
            throw StateChange.illegal(ServiceContract.TABLE.noun(), c.status(), ContractStatus.SIGNED);
        }
        Procurement p = records.procurement(c.procurementId()).orElseThrow();
        if (!p.status().budgetApproved()) {
            throw ProblemException.conflict("BUDGET_NOT_APPROVED", "财政部门批复预算之前不能签订服务合同：请先由本区县财政局登记预算批复。");
        }
        if (p.status() != ProcurementStatus.AWARDED || p.winnerId() == null || p.winnerId() != c.operatorId()) {
            throw ProblemException.conflict("PROCUREMENT_NOT_AWARDED", "采购项目确定承接主体（中标或成交）之后才能签订服务合同。");
        }
        if (signedOn != null && (signedOn.isBefore(p.awardedOn()) || signedOn.isAfter(LocalDate.now(clock)))) {
            throw ProblemException.badRequest("SIGNED_ON_OUTSIDE", "签订日期须在确定承接主体之日（" + p.awardedOn() + "）与今天之间。");
        }
        StoredPdf pdf = pdfs.store(signedPdf, "签章合同");
        changes.apply(c.sign(pdf, signedOn, user.id()).asSeen(seenVersion), change -> {
            changes.apply(p.contracted(), x -> {
            });
            grantCoverage(user.id(), c);
            audit.record(ContractAudit.CONTRACT_SIGN, "service_contract", id, AuditOutcome.SUCCESS,
                    Map.of("sha256", pdf.sha256(), "signedOn", signedOn.toString()));
        });
        follow(id);
    }

    private void grantCoverage(long actor, ServiceContract c) {
        if (c.allProjects()) {
            coverage.grant(actor, grant(c, null, c.startsOn()));
        } else {
            records.projects(c.id()).forEach(p -> coverage.grant(actor, grant(c, p.projectId(), p.from())));
        }
    }

    static ContractCoverage.Grant grant(ServiceContract c, Long projectId, LocalDate from) {
        return new ContractCoverage.Grant(c.id(), c.contractNo(), c.operatorId(), c.districtCode(), projectId, from, c.endsOn(),
                c.windDownDays(), c.title());
    }

    /** Moves every signed or in-force contract to the state its days call for today (the daily job, and after a change). */
    public int followAll() {
        int moved = 0;
        for (ServiceContract c : records.open()) {
            try {
                moved += follow(c.id());
            } catch (RuntimeException e) {
                log.warn("contract {} could not follow its days: {}", c.id(), e.getMessage());
            }
        }
        return moved;
    }

    int follow(long id) {
        return tx.execute(status -> {
            ServiceContract c = records.contractLocked(id).orElseThrow();
            ContractStatus due = c.dueOn(LocalDate.now(clock));
            int steps = 0;
            // forward only: SIGNED → IN_FORCE when due in force or ended, IN_FORCE → ENDED when due ended
            while (c.status() != due && (c.status() == ContractStatus.SIGNED || due == ContractStatus.ENDED)) {
                ContractStatus next = c.status() == ContractStatus.SIGNED ? ContractStatus.IN_FORCE : ContractStatus.ENDED;
                ServiceContract seen = c;
                changes.apply(seen.moveTo(next), change -> audit.record(ContractAudit.CONTRACT_STATE, "service_contract", id,
                        AuditOutcome.SUCCESS, Map.of("from", seen.status().name(), "to", next.name())));
                c = records.contract(id).orElseThrow();
                steps++;
            }
            return steps;
        });
    }

    @Transactional
    public void askTermination(CurrentUser user, long id, LocalDate lastDay, String reason, Integer seenVersion) {
        ServiceContract c = locked(user, id);
        scope.requirePreparer(user, c.districtCode());
        c.checkTermination(lastDay, reason);
        requireNotPast(lastDay);
        if (c.termination() != null && c.termination().decidedBy() == null) {
            throw ProblemException.conflict("TERMINATION_PENDING", "该合同已有待分管领导审批的终止申请。");
        }
        c.requireSeen(seenVersion, true);
        c.requireSeen(null, records.askTermination(c, lastDay, reason.strip(), user.id(), clock.instant()));
        audit.record(ContractAudit.CONTRACT_TERMINATION_ASK, "service_contract", id, AuditOutcome.SUCCESS, Map.of("lastDay", lastDay.toString()));
    }

    /** A leader of the district other than the officer who asked approves; the coverage ends after the asked last day. */
    @Transactional
    public void approveTermination(CurrentUser user, long id, Integer seenVersion) {
        ServiceContract c = locked(user, id);
        var change = c.terminate(user.id()).asSeen(seenVersion);
        FourEyes.requireSecondPerson(user, c.districtCode(), c.termination().askedBy(), "终止服务合同");
        requireNotPast(c.termination().lastDay());
        changes.apply(change, x -> {
            coverage.moveEnd(user.id(), id, c.endsOn(), c.termination().lastDay());
            records.endProjects(id, c.termination().lastDay());
            audit.record(ContractAudit.CONTRACT_TERMINATE, "service_contract", id, AuditOutcome.SUCCESS,
                    Map.of("lastDay", c.termination().lastDay().toString(), "askedBy", c.termination().askedBy()));
        });
    }

    /**
     * Withdraws a pending termination: the officer who asked, or a leader of the district refusing it. The contract runs
     * on as before; the audit keeps who asked what and who withdrew it.
     */
    @Transactional
    public void withdrawTermination(CurrentUser user, long id, String reason, Integer seenVersion) {
        ServiceContract c = locked(user, id);
        if (c.termination() == null || c.termination().decidedBy() != null) {
            throw ProblemException.conflict("TERMINATION_NOT_ASKED", "该合同尚无待审批的终止申请。");
        }
        boolean asker = user.id().equals(c.termination().askedBy());
        if (!asker && !FourEyes.isLeaderOf(user, c.districtCode())) {
            throw ProblemException.forbidden(FourEyes.LEADER_REQUIRED, "终止申请只能由申请人撤回，或由本区县分管领导驳回。");
        }
        c.requireSeen(seenVersion, true);
        c.requireSeen(null, records.clearTermination(c));
        audit.record(ContractAudit.CONTRACT_TERMINATION_WITHDRAW, "service_contract", id, AuditOutcome.SUCCESS,
                Map.of("askedBy", c.termination().askedBy(), "lastDay", c.termination().lastDay().toString(), "by", asker ? "ASKER" : "LEADER",
                        "reason", reason == null ? "" : reason.strip()));
    }

    /** A termination ends the contract after today at the earliest: days the operator worked, today's included, stay its own. */
    private void requireNotPast(LocalDate lastDay) {
        if (lastDay.isBefore(LocalDate.now(clock))) {
            throw ProblemException.badRequest("TERMINATION_DATE_PAST", "终止后的最后履行日不能早于今天（" + LocalDate.now(clock) + "）。");
        }
    }

    private ServiceContract locked(CurrentUser user, long id) {
        return scope.visible(user, records.contractLocked(id).orElseThrow(() -> ContractScope.notFound("CONTRACT_NOT_FOUND", "服务合同")));
    }
}
