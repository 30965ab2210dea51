package cn.anju.imports;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.excel.SheetRow;
import org.springframework.modulith.NamedInterface;

import java.util.List;
import java.util.Set;

/** One kind of Excel import, contributed as a bean by the module that owns the records. */
@NamedInterface("api")
public interface SheetImport {

    /** The path segment, e.g. {@code households}. */
    String kind();

    /** The Chinese title shown on the page. */
    String title();

    List<String> headers();

    List<String> exampleRow();

    /** Columns whose values are personal data: masked wherever an error repeats them. */
    Set<String> personalColumns();

    /**
     * Checks every row; if all are good, writes them (in the caller's transaction) and reports the counts.
     * Must not write anything when it returns errors.
     */
    ImportOutcome run(CurrentUser actor, List<SheetRow> rows, boolean update);

    record RowError(int row, String column, String value, String reason) {
    }

    record ImportOutcome(int created, int updated, int skipped, List<RowError> errors) {

        public static ImportOutcome failed(List<RowError> errors) {
            return new ImportOutcome(0, 0, 0, List.copyOf(errors));
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }
}
