package cn.anju.maintenance;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Money;
import cn.anju.shared.Role;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The steps of a work order after its report: the operator triages it (the {@link ScopeGuard} accepts, refuses or
 * refers it on the work type), dispatches it, arrives, completes it with costs and photos; the tenant who reported
 * it (or staff, for other orders) confirms it with a rating, or reopens it. Each step is one of {@link WorkOrder}'s
 * changes, checked against the version the user saw.
 */
@NamedInterface("actions")
@Service
public class WorkOrderHandling {

    private final WorkOrderRecords records;
    private final ScopeGuard guard;
    private final WorkOrderDeadlines deadlines;
    private final WorkOrderFiles files;
    private final Clock clock;

    WorkOrderHandling(WorkOrderRecords records, ScopeGuard guard, WorkOrderDeadlines deadlines, WorkOrderFiles files, Clock clock) {
        this.records = records;
        this.guard = guard;
        this.deadlines = deadlines;
        this.files = files;
        this.clock = clock;
    }

    /** The operator decides: the work type (and priority) go through the scope guard. */
    @Transactional
    public void triage(CurrentUser actor, long id, Integer version, WorkType type, WorkOrders.Priority priority) {
        requireOperator(actor);
        WorkOrder o = records.load(actor, id);
        if (type == null) {
            throw ProblemException.badRequest("WORK_TYPE_REQUIRED", "请选择维修类型（公共部位维修、设施保养，或户内承租人/产权人负责的维修等）。");
        }
        WorkOrders.Priority p = priority == null ? WorkOrders.Priority.NORMAL : priority;
        ScopeGuard.Verdict v = guard.decide(type, o.location(), o.district());
        switch (v.outcome()) {
            case REFUSE -> records.apply(o.refuse(type, p, v.reason()).asSeen(version), v.reason(), actor.id());
            case REFER -> records.apply(o.refer(type, p, v.reason()).asSeen(version), v.reason(), actor.id());
            case ACCEPT -> accept(o, type, p, version, actor.id());
        }
        if (v.outcome() != ScopeGuard.Outcome.ACCEPT && o.household() != null) {
            records.told(id, o.household(), "REPAIR_" + v.outcome().name(), (v.outcome() == ScopeGuard.Outcome.REFER ? "报修转产权人" : "报修不予受理")
                    + "（" + o.number() + "）", v.reason(), actor.id());
        }
    }

    /** Accepted with its deadlines; also how a preventive schedule's own order (no user) is accepted. */
    void accept(WorkOrder o, WorkType type, WorkOrders.Priority priority, Integer version, Long actorId) {
        records.apply(o.accept(type, priority, deadlines.of(o, priority)).asSeen(version),
                "受理：" + type.label() + (priority == WorkOrders.Priority.URGENT ? "（紧急）" : ""), actorId);
    }

    @Transactional
    public void dispatch(CurrentUser actor, long id, Integer version, String worker) {
        requireOperator(actor);
        WorkOrder o = records.load(actor, id);
        if (worker == null || worker.isBlank()) {
            throw ProblemException.badRequest("WORKER_REQUIRED", "请填写维修人员或维修班组。");
        }
        records.apply(o.dispatch(worker.trim()).asSeen(version), "派工：" + worker.trim(), actor.id());
    }

    @Transactional
    public void arrive(CurrentUser actor, long id, Integer version) {
        requireOperator(actor);
        records.apply(records.load(actor, id).arrive(clock.instant()).asSeen(version), "到场", actor.id());
    }

    @Transactional
    public void complete(CurrentUser actor, long id, Integer version, Completion c, List<Upload> photos) {
        requireOperator(actor);
        WorkOrder o = records.load(actor, id);
        if (c == null || c.note() == null || c.note().isBlank()) {
            throw ProblemException.badRequest("COMPLETION_NOTE_REQUIRED", "请填写维修情况。");
        }
        for (BigDecimal cost : new BigDecimal[] {c.labourCost(), c.materialCost()}) {
            if (cost != null && !Money.isAmount(cost, Money.Sign.NOT_NEGATIVE)) {
                throw ProblemException.badRequest("COST_FORMAT", "人工费、材料费应为不小于0的金额（元，最多两位小数）。");
            }
        }
        files.check(photos);
        String note = c.note().trim();
        records.apply(o.complete(new Completion(note, c.labourCost(), c.materialCost()), clock.instant()).asSeen(version),
                "完工：" + note, actor.id());
        files.attach(id, "COMPLETION", photos, actor.id());
        if (o.household() != null) {
            records.told(id, o.household(), "REPAIR_COMPLETED", "维修完工（" + o.number() + "）", note, actor.id());
        }
    }

    /** The tenant who reported it (or staff, for other orders) confirms the repair; a tenant rates it 1 to 5. */
    @Transactional
    public void confirm(CurrentUser actor, long id, Integer version, Integer rating, String comment) {
        WorkOrder o = records.load(actor, id);
        requireConfirmer(actor, o);
        if (actor.has(Role.TENANT) && (rating == null || rating < 1 || rating > 5)) {
            throw ProblemException.badRequest("RATING_REQUIRED", "请为本次维修评分（1到5分）。");
        }
        records.apply(o.confirm(rating, comment == null || comment.isBlank() ? null : comment.trim(), clock.instant()).asSeen(version),
                "确认完工" + (rating == null ? "" : "，评分 " + rating), actor.id());
    }

    /** Not fixed: the order goes back for another visit (its deadline still counts from the report). */
    @Transactional
    public void reopen(CurrentUser actor, long id, Integer version, String reason) {
        WorkOrder o = records.load(actor, id);
        requireConfirmer(actor, o);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请说明哪里没有修好。");
        }
        records.apply(o.reopen().asSeen(version), "返修：" + reason.trim(), actor.id());
    }

    static void requireOperator(CurrentUser actor) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("WORK_ORDER_OPERATOR_ONLY", "工单由承接主体受理、派工和完工登记。");
        }
    }

    private static void requireConfirmer(CurrentUser actor, WorkOrder o) {
        boolean tenantsOwn = actor.has(Role.TENANT);
        boolean staffForOthers = actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER)
                && o.source() != WorkOrders.Source.TENANT;
        if (!tenantsOwn && !staffForOthers) {
            throw ProblemException.forbidden("CONFIRM_REPORTER_ONLY", "住户报修的工单由报修住户确认和评价。");
        }
    }
}
