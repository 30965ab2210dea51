package cn.anju.maintenance;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.lease.LeaseFacts;
import cn.anju.shared.Role;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Work orders (维修工单) and how they come in: a request is submitted by a tenant about their building, by staff or
 * the hotline, by a patrol, or by a preventive schedule. Staff requests name the work type and are triaged at once;
 * the steps after the report are {@link WorkOrderHandling}'s, the deadlines and escalation {@link WorkOrderDeadlines}'.
 */
@NamedInterface("api")
@Service
public class WorkOrders {

    public enum Priority { URGENT, NORMAL }

    public enum Source { TENANT, PATROL, HOTLINE, STAFF, PREVENTIVE }

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final LeaseFacts leases;
    private final WorkOrderHandling handling;
    private final WorkOrderRecords records;
    private final WorkOrderFiles files;
    private final AuditLog audit;
    private final Clock clock;

    WorkOrders(JdbcClient jdbc, DataScopes scopes, LeaseFacts leases, WorkOrderHandling handling, WorkOrderRecords records,
               WorkOrderFiles files, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.leases = leases;
        this.handling = handling;
        this.records = records;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
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
        long unitBuilding = jdbc.sql("select building_id from unit_label where unit_id = ?").param(lease.unitId()).query(Long.class).single();
        long id = insert(lease.districtCode(), lease.projectId(), unitBuilding, r.location() == ScopeGuard.Location.IN_UNIT ? lease.unitId() : null,
                null, lease.householdId(), Source.TENANT, r, tenant.id());
        files.attach(id, "REQUEST", photos, tenant.id());
        records.told(id, lease.householdId(), "REPAIR_REPORTED", "报修：" + r.category().label(), r.description().trim(), tenant.id());
        return id;
    }

    /** Staff or the hotline record a request; with a work type it is triaged at once. */
    @Transactional
    public long record(CurrentUser actor, Source source, Request r, List<Upload> photos) {
        WorkOrderHandling.requireOperator(actor);
        check(r, true);
        Place p = place(r);
        if (!scopes.of(actor).coversProject(p.district(), p.project())) {
            throw ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。");
        }
        files.check(photos);
        long id = insert(p.district(), p.project(), r.buildingId(), null, r.facilityId(), null, source, r, actor.id());
        files.attach(id, "REQUEST", photos, actor.id());
        handling.triage(actor, id, null, r.workType(), r.priority());
        return id;
    }

    /** A photo already in the file store (a patrol's), carried onto the order by its digest. */
    public record CarriedFile(String key, String sha256, long size, String contentType, String originalName) {
    }

    /** A patrol's failed item becomes an order in one step, with the item's photos; triaged at once like staff requests. */
    @Transactional
    public long fromPatrol(CurrentUser actor, Request r, List<CarriedFile> photos) {
        WorkOrderHandling.requireOperator(actor);
        check(r, true);
        Place p = place(r);
        if (!scopes.of(actor).coversProject(p.district(), p.project())) {
            throw ProblemException.notFound("PROJECT_NOT_FOUND", "项目不存在或不在您的服务范围内。");
        }
        long id = insert(p.district(), p.project(), r.buildingId(), null, r.facilityId(), null, Source.PATROL, r, actor.id());
        photos.forEach(f -> files.carry(id, f.key(), f.sha256(), f.size(), f.contentType(), f.originalName(), actor.id()));
        handling.triage(actor, id, null, r.workType(), r.priority());
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
                        scheduleId, Date.valueOf(dueOn))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return 0;
        }
        records.timeline(id, null, WorkOrderState.SUBMITTED, "按养护计划自动生成", null);
        handling.accept(records.find(id), WorkType.SERVICING, Priority.NORMAL, null, null);
        return id;
    }

    // --- what every report needs ---

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
            return jdbc.sql("select district_code, project_id from facility_place where facility_id = ?").param(r.facilityId())
                    .query((rs, n) -> new Place(rs.getString(1), rs.getLong(2))).optional()
                    .orElseThrow(() -> ProblemException.notFound("FACILITY_NOT_FOUND", "设施不存在。"));
        }
        if (r.projectId() == null) {
            throw ProblemException.badRequest("PROJECT_REQUIRED", "请选择项目（或设施）。");
        }
        return jdbc.sql("select district_code, project_id from project_place where project_id = ?").param(r.projectId())
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
        records.timeline(id, null, WorkOrderState.SUBMITTED, "报修（" + sourceLabel(source) + "）", actorId);
        audit.record(MaintenanceAudit.WORK_ORDER_SUBMIT, "work_order", id, AuditOutcome.SUCCESS, Map.of("source", source.name(), "category", r.category().name()));
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
        return "WX" + district + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", seq % 100000);
    }

}
