package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.ScopeFilter;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Occupant verification (信息登记与核对): a campaign (yearly, say) lists every occupied unit of a district within the
 * creator's scope; the operator's staff record each visit's outcome with evidence. A household found not living
 * there (different occupants) opens a draft violation case with the visit's photos as its evidence; each visit goes
 * into the resident file.
 */
@NamedInterface("api")
@Service
public class Verifications {

    public enum Outcome {
        MATCH("户主及家庭成员在住，与登记相符"), DIFFERENT_OCCUPANTS("实际居住人与登记不符"), EMPTY("房屋无人居住"), REFUSED("拒绝核查");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;
    private final DataScopes scopes;
    private final FileStore files;
    private final ViolationCases cases;
    private final CaseEvidence evidence;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    Verifications(JdbcClient jdbc, DataScopes scopes, FileStore files, ViolationCases cases, CaseEvidence evidence,
                  ApplicationEventPublisher events, AuditLog audit, Clock clock,
                  @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.files = files;
        this.cases = cases;
        this.evidence = evidence;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewCampaign(String districtCode, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    /** Opens a campaign with one visit per occupied lease of the district the creator may see. Returns its id. */
    @Transactional
    public long open(CurrentUser actor, NewCampaign c) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("VERIFICATION_FORBIDDEN", "核查活动由承接主体负责人或住房保障部门组织。");
        }
        if (c == null || c.districtCode() == null || c.name() == null || c.name().isBlank() || c.startsOn() == null || c.endsOn() == null
                || c.endsOn().isBefore(c.startsOn())) {
            throw ProblemException.badRequest("VERIFICATION_INCOMPLETE", "请填写区县、活动名称和起止日期（结束不早于开始）。");
        }
        if (!scopes.of(actor).coversDistrict(c.districtCode())) {
            throw ProblemException.notFound("DISTRICT_NOT_IN_SCOPE", "没有该区县，或不在您的数据范围内。");
        }
        long id = jdbc.sql("""
                        insert into verification_campaign (district_code, name, starts_on, ends_on, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(c.districtCode(), c.name().trim(), Date.valueOf(c.startsOn()), Date.valueOf(c.endsOn()), actor.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        ScopeFilter scope = scopes.filter(actor, new ScopeFilter.Columns("l.district_code", "l.project_id", null));
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(scope.params());
        params.add(c.districtCode());
        int visits = jdbc.sql("""
                        insert into verification_visit (campaign_id, district_code, project_id, unit_id, lease_id, lease_number, household_id)
                        select ?, l.district_code, l.project_id, l.unit_id, l.lease_id, l.lease_number, l.household_id from lease_occupancy l
                         where %s and l.district_code = ?""".formatted(scope.sql()))
                .params(params).update();
        audit.record(InspectionAudit.VERIFICATION_OPEN, "verification_campaign", id, AuditOutcome.SUCCESS, Map.of("visits", visits));
        return id;
    }

    public record Campaign(long id, String districtCode, String name, LocalDate startsOn, LocalDate endsOn, long visits, long visited,
                           long mismatches) {
    }

    public List<Campaign> campaigns(CurrentUser user) {
        PatrolTasks.requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("v.district_code", "v.project_id", null));
        return jdbc.sql("""
                        select c.id, c.district_code, c.name, c.starts_on, c.ends_on, count(v.id), count(v.outcome),
                               count(*) filter (where v.outcome = 'DIFFERENT_OCCUPANTS')
                          from verification_campaign c join verification_visit v on v.campaign_id = c.id
                         where %s group by c.id order by c.starts_on desc, c.id desc""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    public record Visit(long id, long campaignId, String unit, String leaseNumber, long householdId, String outcome, String note,
                        String visitedBy, OffsetDateTime visitedAt, Long caseId) {
    }

    public List<Visit> visits(CurrentUser user, long campaignId, boolean pendingOnly) {
        PatrolTasks.requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("v.district_code", "v.project_id", null));
        List<Object> params = new ArrayList<>(scope.params());
        params.add(campaignId);
        List<Visit> visits = visitRows(scope.sql() + " and v.campaign_id = ?" + (pendingOnly ? " and v.outcome is null" : "")
                + " order by v.outcome nulls first, u.project_name, u.building_number, u.unit_number limit 500", params);
        // An empty answer must not hide whether the campaign exists: one the caller cannot see is not found, like every
        // other scoped read (a campaign is visible through its visits, as in the list of campaigns).
        if (visits.isEmpty() && !jdbc.sql("select exists (select 1 from verification_visit v where %s and v.campaign_id = ?)"
                .formatted(scope.sql())).params(params).query(Boolean.class).single()) {
            throw ProblemException.notFound("CAMPAIGN_NOT_FOUND", "核查批次不存在，或不在您的数据范围内。");
        }
        return visits;
    }

    public Visit visit(CurrentUser user, long visitId) {
        PatrolTasks.requireStaff(user);
        ScopeFilter scope = scopes.filter(user, new ScopeFilter.Columns("v.district_code", "v.project_id", null));
        List<Object> params = new ArrayList<>(scope.params());
        params.add(visitId);
        return visitRows(scope.sql() + " and v.id = ?", params).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("VISIT_NOT_FOUND", "核查记录不存在。"));
    }

    private List<Visit> visitRows(String where, List<Object> params) {
        return jdbc.sql("""
                        select v.id, v.campaign_id, u.label, v.lease_number, v.household_id, v.outcome, v.note,
                               a.display_name, v.visited_at, v.case_id
                          from verification_visit v join unit_label u on u.unit_id = v.unit_id left join staff_name a on a.user_id = v.visited_by
                         where %s""".formatted(where))
                .params(params)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), (Long) rs.getObject(10)))
                .list();
    }

    /** Records a visit once; a household not living there opens a draft case with the photos as evidence. */
    @Transactional
    public Long record(CurrentUser actor, long visitId, Outcome outcome, String note, BigDecimal latitude, BigDecimal longitude,
                       List<Upload> photos) {
        if (!actor.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("VERIFICATION_OPERATOR_ONLY", "入户核查由承接主体工作人员登记。");
        }
        Visit v = visit(actor, visitId);
        if (outcome == null) {
            throw ProblemException.badRequest("OUTCOME_REQUIRED", "请选择核查结果：相符、实际居住人不符、无人居住或拒绝核查。");
        }
        if (outcome != Outcome.MATCH && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("VISIT_NOTE_REQUIRED", "核查结果不是“相符”时，请写明情况。");
        }
        if (outcome == Outcome.DIFFERENT_OCCUPANTS && photos.isEmpty()) {
            throw ProblemException.badRequest("VISIT_EVIDENCE_REQUIRED", "实际居住人与登记不符时，请拍照留证。");
        }
        for (Upload p : photos) {
            if (ContentTypes.sniffWithin(p.content(), maxBytes) == null) {
                throw ProblemException.badRequest("PHOTO_TYPE_REFUSED", "照片须为 JPG、PNG（或 PDF），每张不超过 " + (maxBytes / 1024 / 1024) + " MB。");
            }
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update verification_visit set outcome = ?, note = ?, visited_by = ?, visited_at = ?, latitude = ?, longitude = ?
                         where id = ? and outcome is null""")
                .params(outcome.name(), note == null || note.isBlank() ? null : note.trim(), actor.id(), Timestamp.from(now), latitude,
                        longitude, visitId).update();
        if (changed == 0) {
            throw ProblemException.conflict("VISIT_RECORDED", "该户已登记核查结果。");
        }
        List<FileStore.StoredFile> stored = new ArrayList<>();
        for (Upload p : photos) {
            String type = ContentTypes.sniff(p.content());
            FileStore.StoredFile f = files.store(p.content(), p.safeName("photo"), type);
            stored.add(f);
            jdbc.sql("""
                            insert into verification_photo (visit_id, file_key, sha256, size_bytes, content_type, original_name, taken_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(visitId, f.key(), f.sha256(), f.size(), type, f.originalName(), Timestamp.from(now)).update();
        }
        events.publishEvent(new ResidentEvent(v.householdId(), "VERIFICATION_" + outcome.name(), "入户核查：" + outcome.label(),
                note == null ? "" : note.trim(), "verification_visit", visitId, actor.id(), now));
        Long caseId = null;
        if (outcome == Outcome.DIFFERENT_OCCUPANTS) {
            caseId = cases.open(actor, new ViolationCases.Opening(null, v.leaseNumber(), CaseType.SUBLET,
                    "入户核查发现：" + note.trim(), ViolationCases.CaseSource.VERIFICATION));
            for (FileStore.StoredFile f : stored) {
                evidence.carry(actor, caseId, "入户核查照片", now, v.unit(), latitude, longitude, f.key(), f.sha256(), f.size(),
                        f.contentType(), f.originalName());
            }
            jdbc.sql("update verification_visit set case_id = ? where id = ?").params(caseId, visitId).update();
        }
        audit.record(InspectionAudit.VERIFICATION_VISIT, "verification_visit", visitId, AuditOutcome.SUCCESS, Map.of("outcome", outcome.name()));
        return caseId;
    }
}
