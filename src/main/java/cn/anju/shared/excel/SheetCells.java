package cn.anju.shared.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * How an export writes one cell. Text a spreadsheet would take for a formula (OWASP "CSV injection": a first
 * character of {@code = + - @}, tab or carriage return) is written quote-prefixed, so Excel and WPS show it as typed
 * and never run it (the prefix is part of the cell's style: a CSV saved from the sheet again holds the bare text,
 * so the guard lasts as long as the file stays a workbook); exports carry names, addresses and descriptions that
 * tenants and importers typed. Numbers are written as numbers (a negative amount is a number, not hostile text),
 * so sums and filters work. One style per kind per workbook: a workbook holds at most 64,000 styles.
 */
final class SheetCells {

    private final Workbook workbook;
    private final CellStyle text;
    private final CellStyle inert;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();

    SheetCells(Workbook workbook, CellStyle text) {
        this.workbook = workbook;
        this.text = text;
        this.inert = workbook.createCellStyle();
        inert.cloneStyleFrom(text);
        inert.setQuotePrefixed(true);
    }

    /** Writes a value: a {@link Number} as a number, anything else as its text; {@code null} as an empty cell. */
    void put(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellStyle(numberStyle(number));
            cell.setCellValue(number.doubleValue());
            return;
        }
        String s = value == null ? "" : value.toString();
        cell.setCellStyle(couldRun(s) ? inert : text);
        cell.setCellValue(s);
    }

    /** Whether a spreadsheet could read the text as a formula. */
    static boolean couldRun(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /** An amount keeps its decimals as shown on screen (12.50, not 12.5); counts and ids show none. */
    private CellStyle numberStyle(Number number) {
        int decimals = number instanceof BigDecimal d ? Math.clamp(d.scale(), 0, 4)
                : number instanceof Double || number instanceof Float ? -1 : 0;
        return numbers.computeIfAbsent(decimals, n -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(
                    n < 0 ? "General" : n == 0 ? "0" : "0." + "0".repeat(n)));
            return style;
        });
    }
}
