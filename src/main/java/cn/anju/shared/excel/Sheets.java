package cn.anju.shared.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writing the Excel sheets the bureaus work in (Apache POI); {@link SheetReader} reads what they upload.
 * Writing streams, so a 100,000-row export does not hold the sheet in memory.
 */
public final class Sheets {

    private Sheets() {
    }

    /**
     * A workbook of one sheet: bold headers; text stays text (ID numbers intact, never 6.1E+17) and is written
     * inert where a spreadsheet could run it; a {@link Number} is written as a number ({@link SheetCells}).
     */
    public static byte[] write(String sheetName, List<String> headers, Iterable<? extends List<?>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle head = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(head);
                sheet.setColumnWidth(i, Math.clamp(headers.get(i).length() * 2 + 4, 10, 60) * 256); // Excel refuses over 255
                sheet.setDefaultColumnStyle(i, text);
            }
            SheetCells cells = new SheetCells(workbook, text);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    cells.put(row.createCell(i), values.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
