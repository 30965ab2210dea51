package cn.anju.maintenance;

import org.springframework.modulith.NamedInterface;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.lease.LeaseFacts;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Work orders (维修工单). A request is submitted (by a tenant about their building, by staff or the hotline, by a
 * patrol, by a preventive schedule); the operator triages it with a structured work type, and the {@link ScopeGuard}
 * accepts it, refuses it with the reason, or refers it to the government as owner. An accepted order gets its
 * deadlines from the time it was reported (policy: urgent on site 2 h, done 24 h; normal 24 h, 72 h), is dispatched,
 * reached, completed with costs and photos, and confirmed — or reopened — by the tenant, who rates it.
 */
@NamedInterface("api")
@Service
public class WorkOrders {

    public enum Priority { URGENT, NORMAL }

    public enum Source { TENANT, PATROL, HOTLINE, STAFF, PREVENTIVE }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final LeaseFacts leases;
    private final ScopeGuard guard;
    private final PolicySettings settings;
    private final WorkOrderFiles files;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    WorkOrders(JdbcClient jdbc, DataScopes scopes, LeaseFacts leases, ScopeGuard guard, PolicySettings settings, WorkOrderFiles files,
               ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.leases = leases;
        this.guard = guard;
        this.settings = settings;
        this.files = files;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The order as the rules need it. */
    record Order(long id, String number, String district, long project, Long household, Source source, WorkOrderState state,
                 Instant submittedAt, int version) {
    }

    /**
     * @param projectId  staff: where (or take it from the facility); a tenant's request is placed by their lease
     * @param workType   staff give it (the order is triaged at once); a tenant's request waits for triage
     */
    public record Request(Long projectId, Long buildingId, Long facilityId, Category category, ScopeGuard.Location location,
                          WorkType workType, Priority priority, String description, String place) {
    }

    /** A tenant reports a repair about their own home's building, with photos. */
    @Transactional
    public long report(CurrentUser tenant, Request r, List<Upload> photos) {
        if (!tenant.has(Role.TENANT) || tenant.householdId() == null) {
            throw ProblemException.forbidden("REPAIR_TENANT_ONLY", "报修由住户本人提交。");
        }
        LeaseFacts.Facts lease = leases.occupiedBy(tenant.householdId())
                .orElseThrow(() -> ProblemException.unprocessable("NO_HOME", "您目前没有入住的公租房，不能报修。"));
        check(r, false);
        files.check(photos);
        long unitBuilding = jdbc.sql("select building_id from unit where id = ?").param(lease.unitId()).query(Long.class).single();
        long id = insert(lease.districtCode(), lease.projectId(), unitBuilding, r.location() == ScopeGuard.Location.IN_UNIT ? lease.unitId() : null,
                null, lease.householdId(), Source.TENANT, r, tenant.id());
        files.attach(id, "REQUEST", photos, tenant.id());
        told(id, lease.householdId(), "REPAIR_REPORTED", "报修：" + r.category().label(), r.description().trim(), tenant.id());
        return id;
    }

    /** Staff or the hotline record a request; with a work type it is triaged at once. */
    @Transactional
    public long record(CurrentUser actor, Source source, Request r, List<Upload> photos) {
        requireOperator(actor);
        check(r, true);
        Place p = place(r);
        if (!scopes.of(actor).coversProject(p.district(), p.project())) {
            throw ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。");
        }
        files.check(photos);
        long id = insert(p.district(), p.project(), r.buildingId(), null, r.facilityId(), null, source, r, actor.id());
        files.attach(id, "REQUEST", photos, actor.id());
        triage(actor, id, null, r.workType(), r.priority());
        return id;
    }

    /** A photo already in the file store (a patrol's), carried onto the order by its digest. */
    public record CarriedFile(String key, String sha256, long size, String contentType, String originalName) {
    }

    /** A patrol's failed item becomes an order in one step, with the item's photos; triaged at once like staff requests. */
    @Transactional
    public long fromPatrol(CurrentUser actor, Request r, List<CarriedFile> photos) {
        requireOperator(actor);
        check(r, true);
        Place p = place(r);
        if (!scopes.of(actor).coversProject(p.district(), p.project())) {
            throw ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。");
        }
        long id = insert(p.district(), p.project(), r.buildingId(), null, r.facilityId(), null, Source.PATROL, r, actor.id());
        photos.forEach(f -> files.carry(id, f.key(), f.sha256(), f.size(), f.contentType(), f.originalName(), actor.id()));
        triage(actor, id, null, r.workType(), r.priority());
        return id;
    }

    /** A preventive schedule's order (the job, no user): servicing, accepted with normal deadlines. */
    long preventive(long scheduleId, LocalDate dueOn, String district, long project, long facility, Category category, String task) {
        Request r = new Request(project, null, facility, category, ScopeGuard.Location.COMMON, WorkType.SERVICING, Priority.NORMAL,
                "预防性维护：" + task, null);
        Long id = jdbc.sql("""
                        insert into work_order (order_number, district_code, project_id, facility_id, source, category, location_kind,
                               work_type, priority, state, description, submitted_at, schedule_id, due_on)
                        values (?, ?, ?, ?, 'PREVENTIVE', ?, 'COMMON', 'SERVICING', 'NORMAL', 'SUBMITTED', ?, ?, ?, ?)
                        on conflict (schedule_id, due_on) where schedule_id is not null do nothing returning id""")
                .params(number(district), district, project, facility, category.name(), r.description(), Timestamp.from(clock.instant()),
                        scheduleId, java.sql.Date.valueOf(dueOn))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return 0;
        }
        event(id, null, WorkOrderState.SUBMITTED, "按养护计划自动生成", null);
        accept(find(id), WorkType.SERVICING, Priority.NORMAL, null);
        return id;
    }

    /** The operator decides: the work type (and priority) go through the scope guard. */
    @Transactional
    public void triage(CurrentUser actor, long id, Integer version, WorkType type, Priority priority) {
        requireOperator(actor);
        Order o = load(actor, id);
        if (type == null) {
            throw ProblemException.badRequest("WORK_TYPE_REQUIRED", "请选择维修类型（公共部位维修、设施保养，或户内承租人/产权人负责的维修等）。");
        }
        String location = jdbc.sql("select location_kind from work_order where id = ?").param(id).query(String.class).single();
        ScopeGuard.Verdict v = guard.decide(type, ScopeGuard.Location.valueOf(location), o.district());
        jdbc.sql("update work_order set work_type = ?, priority = ? where id = ?")
                .params(type.name(), (priority == null ? Priority.NORMAL : priority).name(), id).update();
        switch (v.outcome()) {
            case REFUSE -> move(o, version, WorkOrderState.REFUSED, v.reason(), actor.id(), "guard_reason = ?", v.reason());
            case REFER -> move(o, version, WorkOrderState.REFERRED, v.reason(), actor.id(), "guard_reason = ?", v.reason());
            case ACCEPT -> accept(o, type, priority == null ? Priority.NORMAL : priority, actor.id());
        }
        if (v.outcome() != ScopeGuard.Outcome.ACCEPT && o.household() != null) {
            told(id, o.household(), "REPAIR_" + v.outcome().name(), (v.outcome() == ScopeGuard.Outcome.REFER ? "报修转产权人" : "报修不予受理")
                    + "（" + o.number() + "）", v.reason(), actor.id());
        }
    }

    private void accept(Order o, WorkType type, Priority priority, Long actorId) {
        String p = priority == Priority.URGENT ? "urgent" : "normal";
        Instant onsite = o.submittedAt().plus(Duration.ofHours(settings.integer("maintenance." + p + "_onsite_hours", o.district())));
        Instant done = o.submittedAt().plus(Duration.ofHours(settings.integer("maintenance." + p + "_done_hours", o.district())));
        move(o, null, WorkOrderState.ACCEPTED, "受理：" + type.label() + (priority == Priority.URGENT ? "（紧急）" : ""), actorId,
                "onsite_due_at = ?, done_due_at = ?", Timestamp.from(onsite), Timestamp.from(done));
    }

    @Transactional
    public void dispatch(CurrentUser actor, long id, Integer version, String worker) {
        requireOperator(actor);
        if (worker == null || worker.isBlank()) {
            throw ProblemException.badRequest("WORKER_REQUIRED", "请填写维修人员或维修班组。");
        }
        move(load(actor, id), version, WorkOrderState.DISPATCHED, "派工：" + worker.trim(), actor.id(), "dispatched_to = ?", worker.trim());
    }

    @Transactional
    public void arrive(CurrentUser actor, long id, Integer version) {
        requireOperator(actor);
        move(load(actor, id), version, WorkOrderState.ON_SITE, "到场", actor.id(), "on_site_at = ?", Timestamp.from(clock.instant()));
    }

    public record Completion(String note, BigDecimal labourCost, BigDecimal materialCost) {
    }

    @Transactional
    public void complete(CurrentUser actor, long id, Integer version, Completion c, List<Upload> photos) {
        requireOperator(actor);
        Order o = load(actor, id);
        if (c == null || c.note() == null || c.note().isBlank()) {
            throw ProblemException.badRequest("COMPLETION_NOTE_REQUIRED", "请填写维修情况。");
        }
        for (BigDecimal cost : new BigDecimal[] {c.labourCost(), c.materialCost()}) {
            if (cost != null && (cost.signum() < 0 || cost.scale() > 2)) {
                throw ProblemException.badRequest("COST_FORMAT", "人工费、材料费应为不小于0的金额（元，最多两位小数）。");
            }
        }
        files.check(photos);
        move(o, version, WorkOrderState.COMPLETED, "完工：" + c.note().trim(), actor.id(),
                "completed_at = ?, completion_note = ?, labour_cost = ?, material_cost = ?",
                Timestamp.from(clock.instant()), c.note().trim(), c.labourCost(), c.materialCost());
        files.attach(id, "COMPLETION", photos, actor.id());
        if (o.household() != null) {
            told(id, o.household(), "REPAIR_COMPLETED", "维修完工（" + o.number() + "）", c.note().trim(), actor.id());
        }
    }

    /** The tenant who reported it (or staff, for other orders) confirms the repair; a tenant rates it 1 to 5. */
    @Transactional
    public void confirm(CurrentUser actor, long id, Integer version, Integer rating, String comment) {
        Order o = load(actor, id);
        requireConfirmer(actor, o);
        if (actor.has(Role.TENANT) && (rating == null || rating < 1 || rating > 5)) {
            throw ProblemException.badRequest("RATING_REQUIRED", "请为本次维修评分（1到5分）。");
        }
        move(o, version, WorkOrderState.CONFIRMED, "确认完工" + (rating == null ? "" : "，评分 " + rating), actor.id(),
                "confirmed_at = ?, rating = ?, rating_comment = ?", Timestamp.from(clock.instant()), rating,
                comment == null || comment.isBlank() ? null : comment.trim());
    }

    /** Not fixed: the order goes back for another visit (its deadline still counts from the report). */
    @Transactional
    public void reopen(CurrentUser actor, long id, Integer version, String reason) {
        Order o = load(actor, id);
        requireConfirmer(actor, o);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("REASON_REQUIRED", "请说明哪里没有修好。");
        }
        move(o, version, WorkOrderState.REOPENED, "返修：" + reason.trim(), actor.id(),
                "completed_at = null, completion_note = null");
    }

    /** Open orders past a deadline are flagged once and escalated to the operator's manager (home-page work item). */
    public int escalate() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> ids = jdbc.sql("""
                        update work_order set escalated_at = ?
                         where escalated_at is null and state in ('ACCEPTED', 'DISPATCHED', 'ON_SITE', 'REOPENED')
                           and ((on_site_at is null and onsite_due_at < ?) or (completed_at is null and done_due_at < ?))
                        returning id""")
                .params(now, now, now).query(Long.class).list();
        ids.forEach(id -> {
            WorkOrderState state = find(id).state();
            event(id, state, state, "超时未处理，已升级至运营负责人", null);
        });
        return ids.size();
    }

    // --- rules shared by the steps ---

    private void check(Request r, boolean staff) {
        if (r == null || r.category() == null) {
            throw ProblemException.badRequest("CATEGORY_REQUIRED", "请选择报修类别（电梯、供水、排水、照明等）。");
        }
        if (r.location() == null) {
            throw ProblemException.badRequest("LOCATION_REQUIRED", "请选择报修部位：公共部位或户内。");
        }
        if (r.description() == null || r.description().isBlank()) {
            throw ProblemException.badRequest("DESCRIPTION_REQUIRED", "请描述损坏情况和位置。");
        }
        if (staff && r.workType() == null) {
            throw ProblemException.badRequest("WORK_TYPE_REQUIRED", "请选择维修类型（公共部位维修、设施保养，或户内承租人/产权人负责的维修等）。");
        }
    }

    private record Place(String district, long project) {
    }

    private Place place(Request r) {
        if (r.facilityId() != null) {
            return jdbc.sql("select district_code, project_id from shared_facility where id = ?").param(r.facilityId())
                    .query((rs, n) -> new Place(rs.getString(1), rs.getLong(2))).optional()
                    .orElseThrow(() -> ProblemException.notFound("FACILITY_NOT_FOUND", "设施不存在。"));
        }
        if (r.projectId() == null) {
            throw ProblemException.badRequest("PROJECT_REQUIRED", "请选择项目（或设施）。");
        }
        return jdbc.sql("select district_code, id from project where id = ?").param(r.projectId())
                .query((rs, n) -> new Place(rs.getString(1), rs.getLong(2))).optional()
                .orElseThrow(() -> ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。"));
    }

    private long insert(String district, long project, Long building, Long unit, Long facility, Long household, Source source, Request r,
                        Long actorId) {
        long id = jdbc.sql("""
                        insert into work_order (order_number, district_code, project_id, building_id, unit_id, facility_id, household_id,
                               source, category, location_kind, priority, state, description, place, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?) returning id""")
                .params(number(district), district, project, building, unit, facility, household, source.name(), r.category().name(),
                        r.location().name(), (r.priority() == null ? Priority.NORMAL : r.priority()).name(), r.description().trim(),
                        r.place() == null || r.place().isBlank() ? null : r.place().trim(), actorId, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        event(id, null, WorkOrderState.SUBMITTED, "报修（" + sourceLabel(source) + "）", actorId);
        audit.record("work_order.submit", "work_order", id, AuditOutcome.SUCCESS, Map.of("source", source.name(), "category", r.category().name()));
        return id;
    }

    static String sourceLabel(Source s) {
        return switch (s) {
            case TENANT -> "住户报修";
            case PATROL -> "巡查发现";
            case HOTLINE -> "热线";
            case STAFF -> "工作人员";
            case PREVENTIVE -> "养护计划";
        };
    }

    private String number(String district) {
        long seq = jdbc.sql("select nextval('work_order_number_seq')").query(Long.class).single();
        return "WX" + district + LocalDate.now(clock.withZone(CHINA)).format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", seq % 100000);
    }

    Order find(long id) {
        return jdbc.sql("select id, order_number, district_code, project_id, household_id, source, state, submitted_at, version from work_order where id = ?")
                .param(id)
                .query((rs, n) -> new Order(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), (Long) rs.getObject(5),
                        Source.valueOf(rs.getString(6)), WorkOrderState.valueOf(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9)))
                .optional().orElseThrow(WorkOrders::notFound);
    }

    /** An order the user may see: staff within their projects, a tenant their own household's. */
    Order load(CurrentUser actor, long id) {
        Order o = find(id);
        boolean visible = actor.has(Role.TENANT) ? o.household() != null && o.household().equals(actor.householdId())
                : scopes.of(actor).coversProject(o.district(), o.project());
        if (!visible) {
            throw notFound();
        }
        return o;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("WORK_ORDER_NOT_FOUND", "工单不存在。");
    }

    private static void requireOperator(CurrentUser actor) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("WORK_ORDER_OPERATOR_ONLY", "工单由承接主体受理、派工和完工登记。");
        }
    }

    private static void requireConfirmer(CurrentUser actor, Order o) {
        boolean tenantsOwn = actor.has(Role.TENANT);
        boolean staffForOthers = actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.GOV_ADMIN, Role.GOV_OFFICER)
                && o.source() != Source.TENANT;
        if (!tenantsOwn && !staffForOthers) {
            throw ProblemException.forbidden("CONFIRM_REPORTER_ONLY", "住户报修的工单由报修住户确认和评价。");
        }
    }

    private void move(Order o, Integer version, WorkOrderState to, String note, Long actorId, String set, Object... params) {
        if (!o.state().canBecome(to)) {
            throw ProblemException.unprocessable("WORK_ORDER_STATE", "工单当前状态为“" + o.state().label() + "”，不能办理此项。");
        }
        List<Object> all = new ArrayList<>();
        all.add(to.name());
        StringBuilder sql = new StringBuilder("update work_order set state = ?, version = version + 1");
        if (set != null) {
            sql.append(", ").append(set);
            all.addAll(java.util.Arrays.asList(params));
        }
        sql.append(" where id = ? and version = ?");
        all.add(o.id());
        all.add(version == null ? o.version() : version);
        if (jdbc.sql(sql.toString()).params(all).update() == 0) {
            throw ProblemException.conflict("WORK_ORDER_CHANGED", "工单已被他人办理，请刷新后再试。");
        }
        event(o.id(), o.state(), to, note, actorId);
        audit.record("work_order." + to.name().toLowerCase(), "work_order", o.id(), AuditOutcome.SUCCESS, Map.of("from", o.state().name()));
    }

    private void event(long id, WorkOrderState from, WorkOrderState to, String note, Long actorId) {
        jdbc.sql("insert into work_order_event (work_order_id, from_state, to_state, note, actor_id, at) values (?, ?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), note, actorId, Timestamp.from(clock.instant())).update();
    }

    private void told(long id, long household, String kind, String title, String detail, Long actorId) {
        events.publishEvent(new ResidentEvent(household, kind, title, detail, "work_order", id, actorId, clock.instant()));
    }
}
