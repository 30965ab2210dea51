package cn.anju.maintenance;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.MeasureScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.state.States;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading work orders within the caller's scope (a tenant: their household's), with the deadline breaches computed
 * against the clock: on site late = reached (or not yet, now) after the on-site deadline; done late = completed (or
 * not yet) after the completion deadline. The on-time rate is the maintenance module's measure.
 */
@Service
public class WorkOrderQueries {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final WorkOrderRecords records;
    private final WorkOrderFiles files;
    private final Clock clock;
    private final MeasureScopes measureScopes;
    private final MaintenanceMeasures.OnTimeRate onTime;

    WorkOrderQueries(JdbcClient jdbc, DataScopes scopes, WorkOrderRecords records, WorkOrderFiles files, Clock clock,
                     MeasureScopes measureScopes, MaintenanceMeasures.OnTimeRate onTime) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.records = records;
        this.files = files;
        this.clock = clock;
        this.measureScopes = measureScopes;
        this.onTime = onTime;
    }

    public record Row(long id, String orderNumber, String districtCode, String projectName, String source, Category category,
                      String locationKind, WorkType workType, String priority, WorkOrderState state, String description, String place,
                      String guardReason, OffsetDateTime submittedAt, OffsetDateTime onsiteDueAt, OffsetDateTime doneDueAt,
                      String dispatchedTo, OffsetDateTime onSiteAt, OffsetDateTime completedAt, String completionNote,
                      BigDecimal labourCost, BigDecimal materialCost, Integer rating, String ratingComment, boolean onsiteLate,
                      boolean doneLate, OffsetDateTime escalatedAt, Long householdId, Long facilityId, int version) {

        public boolean late() {
            return onsiteLate || doneLate;
        }
    }

    public enum View { OPEN, LATE, PREVENTIVE_OVERDUE }

    private ScopeFilter scope(CurrentUser user) {
        return user.has(Role.TENANT)
                ? new ScopeFilter("w.household_id = ?", List.of(user.householdId() == null ? -1L : user.householdId()))
                : scopes.filter(user, new ScopeFilter.Columns("w.district_code", "w.project_id", null));
    }

    public PageResponse<Row> list(CurrentUser user, WorkOrderState state, View view, PageQuery page) {
        requireReader(user);
        ScopeFilter scope = scope(user);
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        Timestamp now = Timestamp.from(clock.instant());
        if (state != null) {
            where.append(" and w.state = ?");
            params.add(state.name());
        }
        if (view != null) {
            switch (view) {
                case OPEN -> {
                    where.append(" and w.state = any(?)");
                    params.add(States.names(WorkOrderState.OPEN));
                }
                case LATE -> {
                    where.append(" and ((coalesce(w.on_site_at, ?) > w.onsite_due_at) or (coalesce(w.completed_at, ?) > w.done_due_at))");
                    params.add(now);
                    params.add(now);
                }
                case PREVENTIVE_OVERDUE -> {
                    where.append(" and w.source = 'PREVENTIVE' and w.completed_at is null and w.done_due_at < ?");
                    params.add(now);
                }
            }
        }
        long total = jdbc.sql("select count(*) from work_order w where " + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        return PageResponse.of(rows(where + " order by w.submitted_at desc, w.id desc limit ? offset ?", paged), page, total);
    }

    public record Event(WorkOrderState from, WorkOrderState to, String note, String actor, OffsetDateTime at) {
    }

    public record Attachment(long id, String stage, String sha256, long sizeBytes, String contentType, String originalName) {
    }

    public record Detail(Row order, List<Event> events, List<Attachment> attachments) {
    }

    public Detail get(CurrentUser user, long id) {
        requireReader(user);
        records.load(user, id);
        Row row = rows("w.id = ?", List.of(id)).getFirst();
        List<Event> events = jdbc.sql("""
                        select e.from_state, e.to_state, e.note, coalesce(u.display_name, '系统'), e.at
                          from work_order_event e left join staff_name u on u.user_id = e.actor_id where e.work_order_id = ? order by e.id""")
                .param(id)
                .query((rs, n) -> new Event(rs.getString(1) == null ? null : WorkOrderState.valueOf(rs.getString(1)),
                        WorkOrderState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
        List<Attachment> attachments = jdbc.sql("""
                        select id, stage, sha256, size_bytes, content_type, original_name from work_order_attachment
                         where work_order_id = ? order by id""")
                .param(id)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)))
                .list();
        return new Detail(row, events, attachments);
    }

    public record File(String contentType, String originalName, byte[] content) {
    }

    public File attachment(CurrentUser user, long id, long attachmentId) {
        requireReader(user);
        records.load(user, id);
        WorkOrderFiles.Stored s = files.find(id, attachmentId);
        return new File(s.contentType(), s.originalName(), files.read(s));
    }

    public record OnTime(YearMonth month, long completed, long onTime, BigDecimal rate) {
    }

    /** The measure {@code WORK_ORDER_ON_TIME_RATE} over the month, within the caller's scope (a tenant's: nothing). */
    public OnTime onTimeRate(CurrentUser user, YearMonth month) {
        requireReader(user);
        MeasureValue v = onTime.compute(measureScopes.of(user), new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        return new OnTime(month, v.denominator().longValueExact(), v.numerator().longValueExact(), v.ratio());
    }

    public static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF, Role.TENANT)) {
            throw ProblemException.forbidden("WORK_ORDER_FORBIDDEN", "您的角色不能查看维修工单。");
        }
    }

    private List<Row> rows(String where, List<Object> params) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> all = new ArrayList<>(List.of(now, now));
        all.addAll(params);
        return jdbc.sql("""
                        select w.id, w.order_number, w.district_code, p.name, w.source, w.category, w.location_kind, w.work_type, w.priority,
                               w.state, w.description, w.place, w.guard_reason, w.submitted_at, w.onsite_due_at, w.done_due_at,
                               w.dispatched_to, w.on_site_at, w.completed_at, w.completion_note, w.labour_cost, w.material_cost,
                               w.rating, w.rating_comment,
                               coalesce(coalesce(w.on_site_at, ?) > w.onsite_due_at, false),
                               coalesce(coalesce(w.completed_at, ?) > w.done_due_at, false),
                               w.escalated_at, w.household_id, w.facility_id, w.version
                          from work_order w join project_place p on p.project_id = w.project_id
                         where %s""".formatted(where))
                .params(all)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Category.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8) == null ? null : WorkType.valueOf(rs.getString(8)),
                        rs.getString(9), WorkOrderState.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class), rs.getObject(16, OffsetDateTime.class),
                        rs.getString(17), rs.getObject(18, OffsetDateTime.class), rs.getObject(19, OffsetDateTime.class), rs.getString(20),
                        rs.getBigDecimal(21), rs.getBigDecimal(22), (Integer) rs.getObject(23), rs.getString(24), rs.getBoolean(25),
                        rs.getBoolean(26), rs.getObject(27, OffsetDateTime.class), (Long) rs.getObject(28), (Long) rs.getObject(29),
                        rs.getInt(30)))
                .list();
    }
}
