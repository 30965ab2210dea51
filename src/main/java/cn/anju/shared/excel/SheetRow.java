package cn.anju.shared.excel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One data row of an uploaded sheet: its number as the spreadsheet shows it, its cells by header (trimmed text),
 * and which of them held a number rather than text.
 */
public record SheetRow(int rowNumber, Map<String, String> cells, Set<String> numericCells) {

    public SheetRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells)); // in the sheet's column order
        numericCells = Set.copyOf(numericCells);
    }

    public SheetRow(int rowNumber, Map<String, String> cells) {
        this(rowNumber, cells, Set.of());
    }

    /** The cell's text, trimmed; empty when the column is absent or blank. */
    public String get(String header) {
        String v = cells.get(header);
        return v == null ? "" : v.trim();
    }

    /**
     * Whether the cell held a number: a numeric cell of a workbook, or in a CSV a number in scientific notation
     * (what Excel writes for a long number it stored as one). An ID number stored so has lost its last digits.
     */
    public boolean numeric(String header) {
        return numericCells.contains(header);
    }

    /** The cells of the given columns, in that order. */
    public String[] values(List<String> headers) {
        return headers.stream().map(this::get).toArray(String[]::new);
    }
}
