package cn.anju.inspection;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Evidence of a case (证据): a photo or a document (PDF, JPG, PNG by content), stored by its SHA-256, with who took it,
 * when and where; verified against the digest on every download, and a file whose bytes changed is refused and the
 * refusal audited, so what the government decides on is what the inspector recorded.
 */
@NamedInterface("api")
@Service
public class CaseEvidence {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final CaseRecords cases;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    CaseEvidence(JdbcClient jdbc, FileStore files, CaseRecords cases, AuditLog audit, Clock clock,
                 @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.files = files;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** @param takenAt when the photo was taken (the device's time), null for now; coordinates when the device gave them */
    public record Item(String description, Instant takenAt, String place, BigDecimal latitude, BigDecimal longitude,
                       String originalName, byte[] content) {
    }

    @Transactional
    public long add(CurrentUser actor, long caseId, Item item) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("CASE_FORBIDDEN", "证据由承接主体或住房保障部门上传。");
        }
        ViolationCase c = cases.load(actor, caseId);
        if (!c.state().open()) {
            throw ProblemException.unprocessable("CASE_CLOSED", "案件已办结，不能再补充证据。");
        }
        if (item.description() == null || item.description().isBlank()) {
            throw ProblemException.badRequest("EVIDENCE_DESCRIPTION_REQUIRED", "请说明证据内容，例如“入户核查时发现实际居住人非承租家庭成员”。");
        }
        if (item.content() == null || item.content().length == 0) {
            throw ProblemException.badRequest("EVIDENCE_EMPTY", "请选择证据文件（照片或PDF）。");
        }
        if (item.content().length > maxBytes) {
            throw ProblemException.badRequest("EVIDENCE_TOO_LARGE", "文件过大：不能超过 " + (maxBytes / 1024 / 1024) + " MB。");
        }
        String type = ContentTypes.sniff(item.content());
        if (type == null) {
            throw ProblemException.badRequest("EVIDENCE_TYPE_REFUSED", "证据只接受 PDF、JPG 或 PNG 文件（按文件内容识别，改扩展名无效）。");
        }
        boolean hasLat = item.latitude() != null;
        if (hasLat != (item.longitude() != null)
                || hasLat && (item.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0 || item.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw ProblemException.badRequest("EVIDENCE_LOCATION", "位置坐标不完整或超出范围：纬度 -90～90，经度 -180～180，两者同时填写。");
        }
        Instant now = clock.instant();
        Instant taken = item.takenAt() == null ? now : item.takenAt();
        if (taken.isAfter(now.plusSeconds(300))) {
            throw ProblemException.badRequest("EVIDENCE_TIME", "拍摄时间不能晚于当前时间。");
        }
        String name = item.originalName() == null || item.originalName().isBlank() ? "evidence" : item.originalName().replaceAll("[\\\\/\\r\\n]", "_");
        FileStore.StoredFile stored = files.store(item.content(), name, type);
        long id = jdbc.sql("""
                        insert into violation_evidence (case_id, file_key, sha256, size_bytes, content_type, original_name, description,
                               taken_at, taken_by, place, latitude, longitude, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, stored.key(), stored.sha256(), stored.size(), type, name, item.description().trim(), Timestamp.from(taken),
                        actor.id(), item.place() == null || item.place().isBlank() ? null : item.place().trim(), item.latitude(),
                        item.longitude(), Timestamp.from(now))
                .query(Long.class).single();
        audit.record(InspectionAudit.VIOLATION_CASE_EVIDENCE, "violation_case", caseId, AuditOutcome.SUCCESS,
                Map.of("evidence", id, "sha256", stored.sha256(), "size", stored.size()));
        return id;
    }

    /** A photo already in the file store (a patrol's) becomes evidence as it is, by its digest. */
    void carry(CurrentUser actor, long caseId, String description, Instant takenAt, String place, BigDecimal latitude, BigDecimal longitude,
               String key, String sha256, long size, String contentType, String originalName) {
        jdbc.sql("""
                        insert into violation_evidence (case_id, file_key, sha256, size_bytes, content_type, original_name, description,
                               taken_at, taken_by, place, latitude, longitude, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, key, sha256, size, contentType, originalName, description, Timestamp.from(takenAt), actor.id(), place,
                        latitude, longitude, Timestamp.from(clock.instant())).update();
    }

    public record Download(String contentType, String originalName, byte[] content) {
    }

    /** The bytes, verified against the recorded SHA-256: changed bytes are refused, never served. */
    public Download download(CurrentUser actor, long caseId, long evidenceId) {
        cases.load(actor, caseId);
        record Row(String key, String sha256, String type, String name) {
        }
        Row r = jdbc.sql("select file_key, sha256, content_type, original_name from violation_evidence where id = ? and case_id = ?")
                .params(evidenceId, caseId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> ProblemException.notFound("EVIDENCE_NOT_FOUND", "证据不存在。"));
        try {
            return new Download(r.type(), r.name(), files.read(r.key()));
        } catch (FileStore.FileIntegrityException e) {
            audit.record(InspectionAudit.VIOLATION_CASE_EVIDENCE_INTEGRITY, "violation_case", caseId, AuditOutcome.FAILED,
                    Map.of("evidence", evidenceId, "sha256", r.sha256()));
            throw ProblemException.conflict("EVIDENCE_INTEGRITY", "证据文件与登记的 SHA-256 摘要不符，可能已被篡改，不能作为证据使用，请联系系统管理员。");
        }
    }
}
