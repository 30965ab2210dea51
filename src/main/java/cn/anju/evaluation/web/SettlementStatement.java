package cn.anju.evaluation.web;

import cn.anju.evaluation.Evaluation;
import cn.anju.evaluation.Settlement;
import cn.anju.evaluation.SettlementLine;
import cn.anju.shared.Money;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.pdf.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settlement statement (服务费结算单) as the finance bureau files it: in Chinese whatever the reader's language, the
 * same lines as the page (signed addends, no subtotals) and their total in figures and in capitals. The PDF embeds the
 * platform's CJK font so its text can be searched and extracted; the Excel keeps amounts as numbers to add up again.
 */
@Component
class SettlementStatement {

    private final ChineseFont font;
    private final MessageSource messages;

    SettlementStatement(ChineseFont font, MessageSource messages) {
        this.font = font;
        this.messages = messages;
    }

    /** What the statement states besides its lines. */
    record Facts(Settlement s, Evaluation e, String contractNo, String districtName) {

        String fileName() {
            return "结算单-" + contractNo + "-" + s.period();
        }
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private List<String[]> header(Facts f) {
        Settlement s = f.s();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{zh("st.no"), String.valueOf(s.id()), zh("st.contract"), f.contractNo()});
        rows.add(new String[]{zh("st.district"), f.districtName(), zh("st.period"), f.e().period().label()});
        rows.add(new String[]{zh("st.score"), f.e().total() == null ? "" : f.e().total().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                zh("st.band"), f.e().band() == null ? "" : f.e().band()});
        rows.add(new String[]{zh("st.ratio"), percent(s.payableRatio()), zh("common.status"), zh("st.status." + s.status().name())});
        if (s.voucherNo() != null) {
            rows.add(new String[]{zh("st.voucher"), s.voucherNo(), zh("st.paidOn"), s.paidOn() == null ? "" : s.paidOn().toString()});
        }
        return rows;
    }

    private static String percent(BigDecimal ratio) {
        return ratio == null ? "" : ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    byte[] pdf(Facts f) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = font.base();
            Font title = new Font(base, 16, Font.BOLD);
            Font text = new Font(base, 10);
            Font bold = new Font(base, 10, Font.BOLD);
            Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(zh("st.pdfTitle") + " " + f.contractNo() + " " + f.s().period());
            doc.open();
            Paragraph t = new Paragraph(zh("st.pdfTitle"), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(10);
            doc.add(t);
            PdfPTable head = new PdfPTable(new float[]{1.2f, 2.3f, 1.2f, 2.3f});
            head.setWidthPercentage(100);
            for (String[] row : header(f)) {
                for (int i = 0; i < row.length; i++) {
                    head.addCell(cell(row[i], i % 2 == 0 ? bold : text, Element.ALIGN_LEFT));
                }
            }
            doc.add(head);
            PdfPTable lines = new PdfPTable(new float[]{1.6f, 4f, 1.6f});
            lines.setWidthPercentage(100);
            lines.setSpacingBefore(12);
            lines.setHeaderRows(1);
            lines.addCell(cell(zh("st.line"), bold, Element.ALIGN_LEFT));
            lines.addCell(cell(zh("st.basis"), bold, Element.ALIGN_LEFT));
            lines.addCell(cell(zh("st.amount"), bold, Element.ALIGN_RIGHT));
            for (SettlementLine l : f.s().lines()) {
                lines.addCell(cell(zh("st.line." + l.kind().name()), text, Element.ALIGN_LEFT));
                lines.addCell(cell(basis(l), text, Element.ALIGN_LEFT));
                lines.addCell(cell(Money.fen(l.amountFen()).formatted(), text, Element.ALIGN_RIGHT));
            }
            lines.addCell(cell(zh("st.total"), bold, Element.ALIGN_LEFT));
            lines.addCell(cell(zh("st.capitals", Money.fen(f.s().totalFen()).chineseCapitals()), text, Element.ALIGN_LEFT));
            lines.addCell(cell(Money.fen(f.s().totalFen()).formatted(), bold, Element.ALIGN_RIGHT));
            doc.add(lines);
            Paragraph note = new Paragraph(zh("st.pdfNote"), text);
            note.setSpacingBefore(10);
            doc.add(note);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line's basis, led by what it is about where that is more than its kind (a deduction's item). */
    static String basis(SettlementLine l) {
        String basis = l.basis() == null ? "" : l.basis();
        return l.label().equals(l.kind().label()) ? basis : l.label() + "：" + basis;
    }

    private static PdfPCell cell(String value, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(value, font));
        c.setHorizontalAlignment(align);
        c.setPadding(5);
        return c;
    }

    /** The header facts as label/value rows, a blank row, then each line with its amount in yuan (a number) and the total. */
    byte[] xlsx(Facts f) {
        List<List<?>> rows = new ArrayList<>();
        for (String[] row : header(f)) {
            rows.add(List.of(row[0], row[1]));
            rows.add(List.of(row[2], row[3]));
        }
        rows.add(List.of());
        rows.add(List.of(zh("st.line"), zh("st.basis"), zh("st.amountYuan")));
        for (SettlementLine l : f.s().lines()) {
            rows.add(List.of(zh("st.line." + l.kind().name()), basis(l), BigDecimal.valueOf(l.amountFen(), 2)));
        }
        rows.add(List.of(zh("st.total"), zh("st.capitals", Money.fen(f.s().totalFen()).chineseCapitals()),
                BigDecimal.valueOf(f.s().totalFen(), 2)));
        return Sheets.write(zh("st.pdfTitle"), List.of(zh("st.item"), zh("st.value"), ""), rows);
    }
}
