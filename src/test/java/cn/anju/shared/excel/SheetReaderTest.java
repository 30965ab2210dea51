package cn.anju.shared.excel;

import cn.anju.shared.web.ProblemException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads the sheets LibreOffice made (src/test/resources/sheets, see its README), not ones POI wrote for itself. */
class SheetReaderTest {

    static final List<String> HOUSEHOLD = List.of("户编号", "区县代码", "类别", "登记日期", "特殊群体", "成员姓名",
            "与户主关系", "身份证号", "手机号");
    static final List<String> STATEMENT = List.of("交易日期", "金额", "付款人", "摘要", "银行流水号");

    static byte[] file(String name) {
        try (InputStream in = SheetReaderTest.class.getResourceAsStream("/sheets/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"households.xlsx", "households.xls"})
    void aWorkbookWithMergedTitleRowsIsReadFromTheHeaderBelowThem(String name) {
        List<SheetRow> rows = SheetReader.read(file(name), HOUSEHOLD);

        assertThat(rows).hasSize(5);
        SheetRow first = rows.getFirst();
        assertThat(first.rowNumber()).as("two title rows and the header above it").isEqualTo(4);
        assertThat(first.get("户编号")).as("the star after a required header is not part of its name").isEqualTo("LO1");
        assertThat(first.get("身份证号")).isEqualTo("61082419760312031X");
        assertThat(first.numeric("身份证号")).isFalse();
        assertThat(first.get("区县代码")).isEqualTo("610802");
        assertThat(first.numeric("区县代码")).isTrue();
        assertThat(first.get("登记日期")).as("a date cell").isEqualTo("2026-03-02");
        assertThat(first.get("手机号")).isEqualTo("13991230001");
        assertThat(rows.get(1).get("手机号")).isEmpty();
        assertThat(rows.getLast().rowNumber()).isEqualTo(8);
        assertThat(rows.getLast().get("类别")).isEqualTo("新就业无房职工");
        assertThat(rows).extracting(r -> r.get("身份证号")).doesNotHaveDuplicates().allMatch(id -> id.length() == 18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"households-numeric-id.xlsx", "households-numeric-id.xls"})
    void idNumbersStoredAsNumbersAreMarked(String name) {
        List<SheetRow> rows = SheetReader.read(file(name), HOUSEHOLD);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(3, 4, 5);
        assertThat(rows).extracting(r -> r.numeric("身份证号")).containsExactly(true, false, true);
        assertThat(rows.get(1).get("身份证号")).isEqualTo("610825197308150758");
        assertThat(rows.get(2).get("身份证号")).as("shown as the sheet shows it").isEqualTo("6.10824E+17");
    }

    @Test
    void aUtf8CsvWithBomAndATitleLineMarksNumbersInScientificNotation() {
        byte[] content = file("households-numeric-id-bom.csv");
        assertThat(content).startsWith(0xEF, 0xBB, 0xBF);

        List<SheetRow> rows = SheetReader.read(content, HOUSEHOLD);

        assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(3, 4, 5);
        assertThat(rows).extracting(r -> r.get("成员姓名")).containsExactly("贺玉梅", "白振华", "冯国强");
        assertThat(rows).extracting(r -> r.get("身份证号"))
                .containsExactly("6.108241987043E+017", "610825197308150758", "6.10824E+17");
        assertThat(rows).extracting(r -> r.numeric("身份证号")).containsExactly(true, false, true);
        assertThat(rows.getFirst().numeric("手机号")).isFalse();
    }

    @Test
    void aGbkCsvWithQuotedCommasLineBreaksAndQuotesIsReadWholeFieldByField() {
        byte[] content = file("bank-statement-gbk.csv");
        assertThat(new String(content, Charset.forName("GBK"))).contains("中国建设银行");

        List<SheetRow> rows = SheetReader.read(content, STATEMENT, "STATEMENT_HEADERS", "流水文件");

        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(SheetRow::rowNumber).as("a line break inside a field does not start a row")
                .containsExactly(4, 5, 6);
        assertThat(rows.get(0).values(STATEMENT))
                .containsExactly("2026-11-03", "1,260.00", "郝建民", "房租,11月", "CCB202611030001");
        assertThat(rows.get(1).get("付款人")).isEqualTo("榆林市恒信物业有限公司,代付");
        assertThat(rows.get(1).get("摘要")).isEqualTo("代缴11月租金\n承租人：尚志刚");
        assertThat(rows.get(2).get("摘要")).isEqualTo("租金（11月）\"补缴\"");
    }

    @Test
    void aCsvSavedInUtf8WithoutBomIsNotTakenForGbk() {
        String csv = "项目,楼栋,房号,月份,用水量,用电量\r\n\"金沙花园公租房\",1栋,101,2026-10,\"3.5\",120\r\n";
        List<SheetRow> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8),
                List.of("项目", "楼栋", "房号", "月份", "用水量", "用电量"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.rowNumber()).isEqualTo(2);
            assertThat(r.get("项目")).isEqualTo("金沙花园公租房");
            assertThat(r.get("用水量")).isEqualTo("3.5");
        });
    }

    @Test
    void withoutTheHeadersInTheFirstRowsItSaysWhichColumnsAreMissing() {
        assertThatThrownBy(() -> SheetReader.read(file("households.xls"), List.of("户编号", "身份证号", "认定文号")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("SHEET_HEADERS_MISSING");
                    assertThat(p.getMessage()).startsWith("表格缺少列：认定文号。").contains("前10行");
                });
        byte[] titleRowsOnly = ("标题\n" + "说明\n".repeat(10) + "交易日期,金额,付款人,摘要,银行流水号\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetReader.read(titleRowsOnly, STATEMENT, "STATEMENT_HEADERS", "流水文件"))
                .as("the header is looked for in the first ten rows only")
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("STATEMENT_HEADERS");
                    assertThat(p.getMessage()).startsWith("流水文件缺少列：交易日期、金额");
                });
    }

    @Test
    void aFileThatIsNeitherWorkbookNorTextIsRefusedSayingWhatIsRead() {
        byte[] binary = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x81, (byte) 0xFF, 0x7F, (byte) 0xFF};
        assertThatThrownBy(() -> SheetReader.read(binary, HOUSEHOLD))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("SHEET_UNREADABLE");
                    assertThat(p.getMessage()).contains(".xlsx", ".xls", "CSV");
                });
        byte[] brokenZip = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertThatThrownBy(() -> SheetReader.read(brokenZip, HOUSEHOLD))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("SHEET_UNREADABLE"));
        byte[] unclosedQuote = "交易日期,金额,付款人,摘要,银行流水号\n2026-11-03,\"12.00,x,y,z\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetReader.read(unclosedQuote, STATEMENT))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("CSV_MALFORMED"));
        assertThatThrownBy(() -> SheetReader.read("\n ,\n".getBytes(StandardCharsets.UTF_8), STATEMENT))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("SHEET_EMPTY"));
    }

    /** A cell can hold what no form can send; it is refused naming row and column, never handed to the database. */
    @Test
    void aWorkbookCellWithANulOrALoneSurrogateIsRefusedNamingItsRowAndColumn() throws IOException {
        for (boolean xls : new boolean[] {false, true}) {
            // POI writes such characters to .xlsx as "?", so there the cell is made the way other programs store them
            // in the sheet's XML (_x0000_, _xD800_); .xls holds them as they are
            for (String bad : List.of("张\u0000三", "李\uD800四")) {
                try (Workbook workbook = xls ? new HSSFWorkbook()
                        : new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    var sheet = workbook.createSheet("流水");
                    List<String> headers = List.of("交易日期", "金额", "付款人", "摘要", "银行流水号");
                    var head = sheet.createRow(0);
                    var row = sheet.createRow(1);
                    for (int c = 0; c < headers.size(); c++) {
                        head.createCell(c).setCellValue(headers.get(c));
                        row.createCell(c).setCellValue(c != 2 ? "1" : xls ? bad : bad.replace("\u0000", "XNULX").replace("\uD800", "XSURX"));
                    }
                    workbook.write(out);
                    byte[] file = xls ? out.toByteArray() : escapedInXml(out.toByteArray());
                    String what = (xls ? "xls " : "xlsx ") + (bad.indexOf('\0') >= 0 ? "NUL" : "surrogate");
                    try {
                        List<SheetRow> read = SheetReader.read(file, STATEMENT, "STATEMENT_HEADERS", "流水文件");
                        throw new AssertionError(what + " read as " + read.getFirst().get("付款人").codePoints().boxed().toList());
                    } catch (ProblemException p) {
                        assertThat(p.code()).as(what).isEqualTo("INVALID_CHARACTER");
                        assertThat(p.getMessage()).as(what).startsWith("流水文件第2行“付款人”列含有无法保存的字符");
                    }
                }
            }
        }
    }

    /** The workbook with the markers in its shared strings written as Excel's XML escapes of NUL and a lone surrogate. */
    private static byte[] escapedInXml(byte[] xlsx) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             var zip = new ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith(".xml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("XNULX", "_x0000_").replace("XSURX", "_xD800_")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
