package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.MeasureScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.state.StateChange;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Patrol tasks (巡查任务): the inspector records every checklist item (pass or fail, a note, photos, the time, and the
 * place when the device gives it); {@link PatrolFollowUps} turns a failed item into a work order or a violation case.
 * Late = still pending after its due day; missed = its deadline passed undone.
 * Coverage = tasks done ÷ tasks due in the period.
 */
@NamedInterface("actions")
@Service
public class PatrolTasks {

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;
    private final MeasureScopes measureScopes;
    private final InspectionMeasures.PatrolCoverage coverage;

    PatrolTasks(JdbcClient jdbc, DataScopes scopes, FileStore files, AuditLog audit, Clock clock,
                @Value("${anju.files.max-document-size:10MB}") DataSize maxSize, MeasureScopes measureScopes,
                InspectionMeasures.PatrolCoverage coverage) {
        this.measureScopes = measureScopes;
        this.coverage = coverage;
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    public enum View { PENDING, LATE, MISSED, DONE }

    public record Task(long id, long planId, String planName, long projectId, String projectName, Long buildingId, String districtCode, LocalDate dueOn,
                       LocalDate deadline, String state, String inspector, OffsetDateTime doneAt, BigDecimal latitude, BigDecimal longitude,
                       List<String> checklist, boolean late) {
    }

    public PageResponse<Task> list(CurrentUser user, View view, PageQuery page) {
        requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("t.district_code", "t.project_id", null));
        StringBuilder where = new StringBuilder(scope.sql());
        List<Object> params = new ArrayList<>(scope.params());
        Date today = Date.valueOf(LocalDate.now(clock));
        if (view != null) {
            switch (view) {
                case PENDING -> where.append(" and t.state = 'PENDING'");
                case LATE -> {
                    where.append(" and t.state = 'PENDING' and t.due_on < ?");
                    params.add(today);
                }
                case MISSED -> where.append(" and t.state = 'MISSED'");
                case DONE -> where.append(" and t.state = 'DONE'");
            }
        }
        long total = jdbc.sql("select count(*) from patrol_task t where " + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        return PageResponse.of(tasks(where + " order by t.due_on desc, t.id desc limit ? offset ?", paged), page, total);
    }

    public record Photo(long id, String sha256, String originalName, OffsetDateTime takenAt) {
    }

    public record Result(long id, int itemNo, String item, String result, String note, OffsetDateTime recordedAt, Long workOrderId,
                         Long caseId, List<Photo> photos) {
    }

    public record Detail(Task task, List<Result> results) {
    }

    public Detail get(CurrentUser user, long id) {
        requireStaff(user);
        Task t = load(user, id);
        List<Result> results = jdbc.sql("""
                        select id, item_no, item, result, note, recorded_at, work_order_id, case_id from patrol_item_result
                         where task_id = ? order by item_no""")
                .param(id)
                .query((rs, n) -> new Result(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), (Long) rs.getObject(7), (Long) rs.getObject(8), photos(rs.getLong(1))))
                .list();
        return new Detail(t, results);
    }

    private List<Photo> photos(long resultId) {
        return jdbc.sql("select id, sha256, original_name, taken_at from patrol_photo where result_id = ? order by id").param(resultId)
                .query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class))).list();
    }

    public record ItemResult(int itemNo, boolean pass, String note, List<Upload> photos) {
    }

    /** Records the whole checklist at once; nothing is written if any item is missing or any photo refused. */
    @Transactional
    public void record(CurrentUser actor, long taskId, List<ItemResult> results, BigDecimal latitude, BigDecimal longitude) {
        requireInspector(actor);
        Task t = load(actor, taskId);
        PatrolTaskState state = PatrolTaskState.valueOf(t.state());
        if (!state.canBecome(PatrolTaskState.DONE)) {
            throw StateChange.illegal("巡查任务", state, PatrolTaskState.DONE);
        }
        if (results == null || results.size() != t.checklist().size()
                || results.stream().map(ItemResult::itemNo).distinct().count() != t.checklist().size()
                || results.stream().anyMatch(r -> r.itemNo() < 1 || r.itemNo() > t.checklist().size())) {
            throw ProblemException.badRequest("PATROL_ITEMS_INCOMPLETE", "请逐项登记检查结果（共 " + t.checklist().size() + " 项）。");
        }
        for (ItemResult r : results) {
            if (!r.pass() && (r.note() == null || r.note().isBlank())) {
                throw ProblemException.badRequest("PATROL_FAIL_NOTE", "第 " + r.itemNo() + " 项不合格：请写明发现的问题。");
            }
            for (Upload u : r.photos()) {
                if (ContentTypes.sniffWithin(u.content(), maxBytes) == null) {
                    throw ProblemException.badRequest("PHOTO_TYPE_REFUSED", "第 " + r.itemNo() + " 项的照片须为 JPG、PNG（或 PDF），不超过 " + (maxBytes / 1024 / 1024) + " MB。");
                }
            }
        }
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.badRequest("PATROL_LOCATION", "位置须同时有纬度和经度。");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update patrol_task set state = 'DONE', inspector_id = ?, done_at = ?, latitude = ?, longitude = ?
                         where id = ? and state = 'PENDING'""")
                .params(actor.id(), Timestamp.from(now), latitude, longitude, taskId).update();
        if (changed == 0) {
            throw ProblemException.conflict(StateChanges.CONCURRENT_CHANGE, "该任务刚被他人登记，请刷新。");
        }
        for (ItemResult r : results) {
            long resultId = jdbc.sql("""
                            insert into patrol_item_result (task_id, item_no, item, result, note, recorded_at) values (?, ?, ?, ?, ?, ?)
                            returning id""")
                    .params(taskId, r.itemNo(), t.checklist().get(r.itemNo() - 1), r.pass() ? "PASS" : "FAIL",
                            r.note() == null || r.note().isBlank() ? null : r.note().trim(), Timestamp.from(now))
                    .query(Long.class).single();
            for (Upload u : r.photos()) {
                String type = ContentTypes.sniff(u.content());
                String name = u.safeName("photo");
                FileStore.StoredFile stored = files.store(u.content(), name, type);
                jdbc.sql("""
                                insert into patrol_photo (result_id, file_key, sha256, size_bytes, content_type, original_name, taken_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(resultId, stored.key(), stored.sha256(), stored.size(), type, name, Timestamp.from(now)).update();
            }
        }
        audit.record(InspectionAudit.PATROL_TASK_RECORD, "patrol_task", taskId, AuditOutcome.SUCCESS,
                Map.of("failed", results.stream().filter(r -> !r.pass()).count()));
    }

    public record Coverage(YearMonth month, long planned, long done, long missed, BigDecimal coverage) {
    }

    /** The measure {@code PATROL_COVERAGE} over the month up to today, and how many of its tasks were missed. */
    public Coverage coverage(CurrentUser user, YearMonth month) {
        requireStaff(user);
        MeasureValue v = coverage.compute(measureScopes.of(user), new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        long missed = jdbc.sql("select count(*) from patrol_task where id = any(?) and state = 'MISSED'")
                .param(v.records().stream().map(MeasureRecord::id).toArray(Long[]::new)).query(Long.class).single();
        return new Coverage(month, v.denominator().longValueExact(), v.numerator().longValueExact(), missed, v.ratio());
    }

    public record PhotoFile(String contentType, String originalName, byte[] content) {
    }

    public PhotoFile photo(CurrentUser user, long taskId, long photoId) {
        load(user, taskId);
        record Row(String key, String type, String name) {
        }
        Row r = jdbc.sql("""
                        select f.file_key, f.content_type, f.original_name from patrol_photo f join patrol_item_result r on r.id = f.result_id
                         where f.id = ? and r.task_id = ?""")
                .params(photoId, taskId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> ProblemException.notFound("PHOTO_NOT_FOUND", "照片不存在。"));
        try {
            return new PhotoFile(r.type(), r.name(), files.read(r.key()));
        } catch (FileStore.FileIntegrityException e) {
            throw ProblemException.conflict("PHOTO_INTEGRITY", "照片与登记的 SHA-256 摘要不符，可能已被篡改。");
        }
    }

    Task load(CurrentUser user, long id) {
        List<Task> found = tasks("t.id = ?", List.of(id));
        if (found.isEmpty() || !scopes.of(user).coversProject(found.getFirst().districtCode(), found.getFirst().projectId())) {
            throw ProblemException.notFound("PATROL_TASK_NOT_FOUND", "巡查任务不存在。");
        }
        return found.getFirst();
    }

    private List<Task> tasks(String where, List<Object> params) {
        List<Object> all = new ArrayList<>();
        all.add(Date.valueOf(LocalDate.now(clock)));
        all.addAll(params);
        return jdbc.sql("""
                        select t.id, t.plan_id, p.name, t.project_id, j.name, p.building_id, t.district_code, t.due_on, t.deadline, t.state,
                               u.display_name, t.done_at, t.latitude, t.longitude, p.checklist, t.state = 'PENDING' and t.due_on < ?
                          from patrol_task t join patrol_plan p on p.id = t.plan_id join project_place j on j.project_id = t.project_id
                          left join staff_name u on u.user_id = t.inspector_id
                         where %s""".formatted(where))
                .params(all)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), (Long) rs.getObject(6),
                        rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class), rs.getBigDecimal(13), rs.getBigDecimal(14),
                        List.of((String[]) rs.getArray(15).getArray()), rs.getBoolean(16)))
                .list();
    }

    static void requireStaff(CurrentUser user) {
        if (!user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("PATROL_FORBIDDEN", "巡查由承接主体实施，住房保障部门监督。");
        }
    }

    static void requireInspector(CurrentUser user) {
        if (!user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("PATROL_INSPECTOR_ONLY", "巡查结果由承接主体的巡查员登记。");
        }
    }
}
