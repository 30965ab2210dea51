package cn.anju.shared.excel;

import cn.anju.shared.web.ProblemException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing the Excel sheets the bureaus work in (Apache POI). Reading yields each data row as
 * header → text, with its 1-based row number as Excel shows it; dates typed as Excel dates come back as
 * {@code 2026-11-26}. Writing streams, so a 100,000-row export does not hold the sheet in memory.
 */
public final class Sheets {

    /** One data row: its number in the sheet (header is row 1) and its cells by header. */
    public record SheetRow(int rowNumber, Map<String, String> cells) {
        public String get(String header) {
            String v = cells.get(header);
            return v == null ? "" : v.trim();
        }
    }

    private static final int MAX_ROWS = 200_000;

    private Sheets() {
    }

    public static List<SheetRow> read(InputStream in, List<String> requiredHeaders) {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw ProblemException.badRequest("SHEET_EMPTY", "表格为空：第一行应为列标题。");
            }
            DataFormatter formatter = new DataFormatter();
            List<String> headers = new ArrayList<>();
            for (Cell c : header) {
                while (headers.size() < c.getColumnIndex()) {
                    headers.add("");
                }
                headers.add(formatter.formatCellValue(c).trim().replace("*", ""));
            }
            List<String> missing = requiredHeaders.stream().filter(h -> !headers.contains(h)).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.badRequest("SHEET_HEADERS_MISSING", "表格缺少列：" + String.join("、", missing)
                        + "。请使用下载的模板。");
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int i = 0; i < headers.size(); i++) {
                    String text = text(row.getCell(i), formatter);
                    any |= !text.isBlank();
                    if (!headers.get(i).isEmpty()) {
                        cells.put(headers.get(i), text);
                    }
                }
                if (any) {
                    rows.add(new SheetRow(r + 1, cells));
                }
                if (rows.size() > MAX_ROWS) {
                    throw ProblemException.badRequest("SHEET_TOO_LARGE", "一次最多导入" + MAX_ROWS + "行，请拆分文件。");
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("SHEET_UNREADABLE", "无法读取文件：请上传 Excel 工作簿（.xlsx）。");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell).trim();
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
                sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
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
