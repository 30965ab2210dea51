package cn.anju.shared.excel;

import cn.anju.shared.web.ProblemException;
import cn.anju.shared.web.TextInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Reads the tables people upload, as the bureaus really make them: Excel workbooks (.xlsx, and .xls from older
 * Excel, WPS or LibreOffice, told apart by their signature, not their name) and CSV (quoted fields, commas and
 * line breaks inside them; UTF-8 with or without BOM, or GBK, which Excel in China saves). The header row is the
 * first of the first {@value #HEADER_ROWS} rows that holds every required header, so a merged title row above it
 * does no harm. Each data row comes with its number as the spreadsheet shows it; Excel dates come back as
 * {@code 2026-11-26}; cells that held numbers are marked, because an ID number stored as one has lost digits.
 */
public final class SheetReader {

    static final int HEADER_ROWS = 10;
    static final int MAX_ROWS = 200_000;
    /** What Excel writes into a CSV for a number too long to show, e.g. an ID number: 6.10802E+17. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?[Ee][+-]?[0-9]+");
    /** Excel in China saves CSV in the ANSI code page, GBK; GB18030 reads every GBK file the same and more. */
    private static final Charset GBK = Charset.forName("GB18030");

    private SheetReader() {
    }

    /** A row as read, before the header is known: its number in the file, its cells, which cells held numbers. */
    private record Raw(int number, List<String> texts, Set<Integer> numeric) {
        boolean blank() {
            return texts.stream().allMatch(String::isBlank);
        }
    }

    public static List<SheetRow> read(InputStream in, List<String> requiredHeaders) {
        try {
            return read(in.readAllBytes(), requiredHeaders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<SheetRow> read(byte[] content, List<String> requiredHeaders) {
        return read(content, requiredHeaders, "SHEET_HEADERS_MISSING", "表格");
    }

    /**
     * @param headersCode the problem code when no row within the first rows holds every required header
     * @param what        how the messages name the file, e.g. "流水文件"
     */
    public static List<SheetRow> read(byte[] content, List<String> requiredHeaders, String headersCode, String what) {
        if (content == null || content.length == 0) {
            throw empty(what);
        }
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OOXML || magic == FileMagic.OLE2) {
            return workbook(content, requiredHeaders, headersCode, what);
        }
        return csv(content, requiredHeaders, headersCode, what);
    }

    private static List<SheetRow> workbook(byte[] content, List<String> required, String headersCode, String what) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter();
            formatter.setUseCachedValuesForFormulaCells(true); // what the sheet shows, as its author last saved it
            Iterator<Raw> rows = StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
                    .map(r -> raw(r, formatter)).iterator();
            return assemble(rows, required, headersCode, what);
        } catch (EncryptedDocumentException e) {
            throw ProblemException.badRequest("SHEET_ENCRYPTED", "文件设有打开密码，无法读取：请取消密码后重新上传。");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw unreadable();
        }
    }

    private static Raw raw(Row row, DataFormatter formatter) {
        List<String> texts = new ArrayList<>();
        Set<Integer> numeric = new LinkedHashSet<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
            Cell cell = row.getCell(i);
            CellType type = cell == null ? CellType.BLANK : cell.getCellType() == CellType.FORMULA
                    ? cell.getCachedFormulaResultType() : cell.getCellType();
            if (type == CellType.NUMERIC) {
                numeric.add(i);
                texts.add(DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                        : formatter.formatCellValue(cell).strip());
            } else {
                texts.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
            }
        }
        return new Raw(row.getRowNum() + 1, texts, numeric);
    }

    private static List<SheetRow> csv(byte[] content, List<String> required, String headersCode, String what) {
        // empty lines are kept as (blank) records so that record numbers are the row numbers Excel shows
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(decode(content), format)) {
            Iterator<Raw> rows = StreamSupport.stream(parser.spliterator(), false).map(SheetReader::raw).iterator();
            return assemble(rows, required, headersCode, what);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest("CSV_MALFORMED", what + "的 CSV 格式有误（可能有未成对的英文双引号）："
                    + "请用 Excel 或 WPS 打开后重新另存为 CSV。");
        }
    }

    private static Raw raw(CSVRecord record) {
        List<String> texts = new ArrayList<>();
        Set<Integer> numeric = new LinkedHashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String text = record.get(i).strip();
            if (SCIENTIFIC.matcher(text).matches()) {
                numeric.add(i);
            }
            texts.add(text);
        }
        return new Raw((int) record.getRecordNumber(), texts, numeric);
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GBK; a file that is neither is not a table. */
    private static String decode(byte[] content) {
        boolean bom = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF;
        ByteBuffer bytes = ByteBuffer.wrap(content, bom ? 3 : 0, content.length - (bom ? 3 : 0));
        String text;
        try {
            text = strict(StandardCharsets.UTF_8, bytes.duplicate());
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strict(GBK, bytes.duplicate());
            } catch (CharacterCodingException notGbk) {
                throw unreadable();
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw unreadable(); // a binary file that happens to decode
        }
        return text;
    }

    private static String strict(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    }

    private static List<SheetRow> assemble(Iterator<Raw> source, List<String> required, String headersCode, String what) {
        List<Raw> candidates = new ArrayList<>();
        Raw header = null;
        while (header == null && candidates.size() < HEADER_ROWS && source.hasNext()) {
            Raw r = source.next();
            if (!r.blank()) {
                candidates.add(r);
                header = names(r).containsAll(required) ? r : null;
            }
        }
        if (candidates.isEmpty()) {
            throw empty(what);
        }
        if (header == null) {
            List<String> closest = candidates.stream().map(SheetReader::names)
                    .max((a, b) -> Long.compare(required.stream().filter(a::contains).count(),
                            required.stream().filter(b::contains).count())).orElseThrow();
            List<String> missing = required.stream().filter(h -> !closest.contains(h)).toList();
            throw ProblemException.badRequest(headersCode, what + "缺少列：" + String.join("、", missing)
                    + "。请在前" + HEADER_ROWS + "行内放一行列标题，包含：" + String.join("、", required) + "。");
        }
        List<String> names = names(header);
        List<SheetRow> rows = new ArrayList<>();
        while (source.hasNext()) {
            Raw r = source.next();
            if (r.blank()) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            Set<String> numeric = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!name.isEmpty() && !cells.containsKey(name)) {
                    String text = i < r.texts().size() ? r.texts().get(i) : "";
                    if (TextInput.unstorable(text)) {
                        // a workbook cell can hold what no form can send (_x0000_ in .xlsx, a raw NUL in .xls)
                        throw ProblemException.badRequest(TextInput.CODE, what + "第" + r.number() + "行“" + name
                                + "”列含有无法保存的字符（空字符或不完整的 Unicode 代理字符），多见于从其他系统复制的文字：请删除后重新上传。");
                    }
                    cells.put(name, text);
                    if (r.numeric().contains(i)) {
                        numeric.add(name);
                    }
                }
            }
            rows.add(new SheetRow(r.number(), cells, numeric));
            if (rows.size() > MAX_ROWS) {
                throw ProblemException.badRequest("SHEET_TOO_LARGE", "一次最多导入" + MAX_ROWS + "行，请拆分文件。");
            }
        }
        return rows;
    }

    /** Header texts as the templates spell them: a required-column star and stray spaces or line breaks dropped. */
    private static List<String> names(Raw row) {
        return row.texts().stream().map(t -> t.replaceAll("[\\s\\u00A0\\u3000*＊]", "")).toList();
    }

    private static ProblemException empty(String what) {
        return ProblemException.badRequest("SHEET_EMPTY", what + "为空：应有一行列标题，其下逐行填写数据。");
    }

    private static ProblemException unreadable() {
        return ProblemException.badRequest("SHEET_UNREADABLE",
                "无法读取文件：请上传 Excel 工作簿（.xlsx 或 .xls），或 UTF-8、GBK 编码的 CSV 文件。");
    }
}
