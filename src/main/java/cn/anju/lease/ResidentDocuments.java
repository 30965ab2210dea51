package cn.anju.lease;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.household.HouseholdQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.events.ResidentEvent;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The resident file's documents: PDF, JPG or PNG only, recognised by their first bytes rather than by the name or
 * the browser's claim, at most {@code anju.files.max-document-size}; stored content-addressed in the file store
 * with the SHA-256 recorded, and checked against it again on every download.
 */
@Service
public class ResidentDocuments {

    public enum Category {
        ID_COPY("身份证明"), CONTRACT("合同文本"), HANDOVER_PHOTO("交接照片"), DECISION("决定文书"), OTHER("其他");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcClient jdbc;
    private final FileStore files;
    private final HouseholdQueries households;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    ResidentDocuments(JdbcClient jdbc, FileStore files, HouseholdQueries households, ApplicationEventPublisher events,
                      AuditLog audit, Clock clock, @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.files = files;
        this.households = households;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    public record Document(long id, long householdId, Category category, String title, String sha256, long sizeBytes,
                           String contentType, String originalName, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    @Transactional
    public long upload(CurrentUser actor, long householdId, Category category, String title, String originalName, byte[] content) {
        requireStaff(actor);
        households.requireVisible(actor, householdId);
        if (category == null || title == null || title.isBlank()) {
            throw ProblemException.badRequest("DOCUMENT_TITLE_REQUIRED", "请选择材料类别并填写材料名称。");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("DOCUMENT_EMPTY", "请选择要上传的文件。");
        }
        if (content.length > maxBytes) {
            throw ProblemException.badRequest("DOCUMENT_TOO_LARGE", "文件过大：不能超过 " + (maxBytes / 1024 / 1024) + " MB。");
        }
        String type = ContentTypes.sniff(content);
        if (type == null) {
            throw ProblemException.badRequest("DOCUMENT_TYPE_REFUSED", "只接受 PDF、JPG 或 PNG 文件（按文件内容识别，改扩展名无效）。");
        }
        String name = originalName == null || originalName.isBlank() ? "document" : originalName.replaceAll("[\\\\/\\r\\n]", "_");
        FileStore.StoredFile stored = files.store(content, name, type);
        var at = clock.instant();
        long id = jdbc.sql("""
                        insert into resident_document (household_id, category, title, file_key, sha256, size_bytes, content_type,
                               original_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(householdId, category.name(), title.trim(), stored.key(), stored.sha256(), stored.size(), type, name,
                        actor.id(), Timestamp.from(at))
                .query(Long.class).single();
        events.publishEvent(new ResidentEvent(householdId, "DOCUMENT_UPLOADED", "上传材料：" + category.label() + "「" + title.trim() + "」",
                "SHA-256 " + stored.sha256(), "resident_document", id, actor.id(), at));
        audit.record(LeaseAudit.RESIDENT_DOCUMENT_UPLOAD, "resident_document", id, AuditOutcome.SUCCESS,
                Map.of("household", householdId, "sha256", stored.sha256(), "size", stored.size()));
        return id;
    }

    public List<Document> list(CurrentUser user, long householdId) {
        households.requireVisible(user, householdId);
        return documents("d.household_id = ?", householdId);
    }

    private List<Document> documents(String where, Object... params) {
        return jdbc.sql("""
                        select d.id, d.household_id, d.category, d.title, d.sha256, d.size_bytes, d.content_type, d.original_name,
                               u.display_name, d.uploaded_at
                          from resident_document d join staff_name u on u.user_id = d.uploaded_by
                         where %s order by d.uploaded_at desc, d.id desc""".formatted(where))
                .params(params)
                .query((rs, n) -> new Document(rs.getLong(1), rs.getLong(2), Category.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    public record Download(Document document, byte[] content) {
    }

    /** The bytes, verified against the recorded SHA-256 (a tampered file is refused, not served). */
    public Download download(CurrentUser user, long householdId, long documentId) {
        households.requireVisible(user, householdId);
        Document d = documents("d.id = ? and d.household_id = ?", documentId, householdId).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("DOCUMENT_NOT_FOUND", "材料不存在。"));
        try {
            byte[] content = files.read(d.sha256());
            return new Download(d, content);
        } catch (FileStore.FileIntegrityException e) {
            audit.record(LeaseAudit.RESIDENT_DOCUMENT_INTEGRITY, "resident_document", d.id(), AuditOutcome.FAILED, Map.of("sha256", d.sha256()));
            throw ProblemException.conflict("DOCUMENT_INTEGRITY", "材料文件与登记的 SHA-256 摘要不符，可能已被篡改，请联系系统管理员。");
        }
    }

    /** True if every id is a document of this household (handover photos must be the household's own). */
    boolean allBelongTo(long householdId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        long distinct = ids.stream().distinct().count();
        return jdbc.sql("select count(*) from resident_document where household_id = ? and id = any(?)")
                .params(householdId, ids.toArray(Long[]::new)).query(Long.class).single() == distinct;
    }

    private static void requireStaff(CurrentUser actor) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF)) {
            throw ProblemException.forbidden("DOCUMENT_FORBIDDEN", "住户档案材料由承接主体或住房保障部门上传。");
        }
    }
}
