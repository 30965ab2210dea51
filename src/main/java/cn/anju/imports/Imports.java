package cn.anju.imports;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.shared.privacy.EncryptedColumn;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.excel.SheetReader;
import cn.anju.shared.excel.SheetRow;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.privacy.Masks;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs an import: parse, check every row, write all or nothing, record the run. When rows are refused, the sheet
 * comes back with an error column; that copy holds the uploader's personal data, so it is kept encrypted and
 * only its uploader can download it.
 */
@NamedInterface("actions")
@Service
public class Imports {

    private static final String REPORT_PURPOSE = "import_run.error_report";

    private final List<SheetImport> kinds;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Imports(List<SheetImport> kinds, JdbcClient jdbc, TransactionTemplate tx, FieldCipher cipher, AuditLog audit,
            Clock clock) {
        this.kinds = kinds;
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Result(long runId, String kind, int created, int updated, int skipped, List<SheetImport.RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public List<SheetImport> kinds() {
        return kinds;
    }

    public SheetImport kind(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("IMPORT_KIND_UNKNOWN", "不支持的导入类型：" + kind));
    }

    public Result importFile(CurrentUser actor, String kindName, byte[] content, String filename, boolean update) {
        if (!actor.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)) {
            throw ProblemException.forbidden("IMPORT_GOVERNMENT_ONLY", "房源、保障家庭和资格认定由政府住房保障部门导入。");
        }
        SheetImport kind = kind(kindName);
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("FILE_REQUIRED", "请选择要导入的文件（Excel 工作簿或 CSV）。");
        }
        List<SheetRow> rows = SheetReader.read(content, kind.headers());
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("SHEET_NO_ROWS", "表格中没有数据行。");
        }
        SheetImport.ImportOutcome outcome = tx.execute(status -> {
            SheetImport.ImportOutcome o = kind.run(actor, rows, update);
            if (!o.ok()) {
                status.setRollbackOnly(); // all or nothing
            }
            return o;
        });
        List<SheetImport.RowError> shown = outcome.errors().stream()
                .map(e -> kind.personalColumns().contains(e.column()) ? new SheetImport.RowError(e.row(), e.column(),
                        mask(e.value()), e.reason()) : e)
                .toList();
        String report = outcome.ok() ? null : cipher.encrypt(Base64.getEncoder().encodeToString(
                errorWorkbook(kind, rows, outcome.errors())), REPORT_PURPOSE);
        long runId = jdbc.sql("""
                        insert into import_run (kind, app_user, filename, file_sha256, rows, created, updated, skipped,
                                                errors, error_report, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(kind.kind(), actor.id(), filename == null ? "" : filename, sha256(content), rows.size(),
                        outcome.created(), outcome.updated(), outcome.skipped(), outcome.errors().size(), report,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(ImportAudit.IMPORT, "import_run", runId, outcome.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, Map.of(
                "kind", kind.kind(), "rows", rows.size(), "created", outcome.created(), "updated", outcome.updated(),
                "skipped", outcome.skipped(), "errors", outcome.errors().size()));
        return new Result(runId, kind.kind(), outcome.created(), outcome.updated(), outcome.skipped(), shown);
    }

    /** The refused sheet with an error column, for its uploader only. */
    public Optional<byte[]> errorReport(CurrentUser actor, long runId) {
        return jdbc.sql("select error_report from import_run where id = ? and app_user = ? and error_report is not null")
                .params(runId, actor.id()).query(String.class).optional()
                .map(stored -> Base64.getDecoder().decode(cipher.decrypt(stored, REPORT_PURPOSE)));
    }

    public byte[] template(String kindName) {
        SheetImport kind = kind(kindName);
        return Sheets.write(kind.title(), kind.headers(), List.of(kind.exampleRow()));
    }

    private static byte[] errorWorkbook(SheetImport kind, List<SheetRow> rows, List<SheetImport.RowError> errors) {
        Map<Integer, String> byRow = errors.stream().collect(Collectors.groupingBy(SheetImport.RowError::row,
                Collectors.mapping(e -> e.column() + "：" + e.reason(), Collectors.joining("；"))));
        List<String> headers = new ArrayList<>(kind.headers());
        headers.add("错误说明");
        List<List<String>> out = new ArrayList<>();
        for (SheetRow row : rows) {
            List<String> values = new ArrayList<>();
            kind.headers().forEach(h -> values.add(row.get(h)));
            values.add(byRow.getOrDefault(row.rowNumber(), ""));
            out.add(values);
        }
        return Sheets.write(kind.title() + "-错误报告", headers, out);
    }

    private static String mask(String value) {
        if (value == null) {
            return "";
        }
        return value.length() == 11 ? Masks.phone(value) : Masks.idNumber(value);
    }

    /** The uploaded file's SHA-256, as its column (file_sha256) says and as the file store names files. */
    static final CryptoPurpose FILE = CryptoPurpose.pinned("import-file", HashAlgorithm.SHA256);

    private static String sha256(byte[] content) {
        return Crypto.digestPinned(FILE, content).hex();
    }

    /** Registers the encrypted error reports for key rotation and suite switches. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {
        @Bean
        EncryptedColumn importErrorReportColumn() {
            return new EncryptedColumn("import_run", "id", "error_report", REPORT_PURPOSE);
        }
    }
}
