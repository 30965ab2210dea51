package cn.anju.monitoring;

import cn.anju.shared.excel.Sheets;
import cn.anju.shared.pdf.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report's two files: a PDF in Chinese (the platform's embedded font, so its text can be extracted) with
 * the alerts, the places side by side and their chart, and every measure of the level; and the same figures as Excel.
 */
@Component
class ReportDocuments {

    private final ChineseFont fonts;

    ReportDocuments(ChineseFont fonts) {
        this.fonts = fonts;
    }

    static String title(Dashboard d, YearMonth month) {
        return d.title().replace("运行监测", "") + month.getYear() + "年" + month.getMonthValue() + "月运行监测月报";
    }

    byte[] pdf(Dashboard d, YearMonth month) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = fonts.base();
            Font heading = new Font(base, 16, Font.BOLD);
            Font bold = new Font(base, 10, Font.BOLD);
            Font text = new Font(base, 9);
            Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title(d, month));
            doc.open();
            Paragraph t = new Paragraph(title(d, month), heading);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph("数据截至 " + d.asOf() + "（当日快照）。比率按分子合计 ÷ 分母合计汇总。", text));
            doc.add(new Paragraph("预警（" + d.alerts().size() + "）", bold));
            for (Dashboard.Alert a : d.alerts()) {
                doc.add(new Paragraph("· " + a.place() + "：" + a.measure() + " " + a.value() + "（" + a.threshold() + "）", text));
            }
            if (!d.rows().isEmpty()) {
                doc.add(new Paragraph((d.level() == MonitoringScope.Level.CITY ? "各区县" : "各项目") + "并列", bold));
                List<BigDecimal> first = d.rows().stream().map(r -> r.figures().getFirst())
                        .map(f -> f.ratio() != null ? f.ratio() : f.value()).toList();
                Image chart = Image.getInstance(ReportChart.bars(fonts, d.rows().stream().map(Dashboard.Row::name).toList(), first, true));
                chart.scaleToFit(515, 190);
                doc.add(new Paragraph(d.columns().getFirst().name(), text));
                doc.add(chart);
                PdfPTable table = new PdfPTable(d.columns().size() + 1);
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                table.addCell(cell(d.level() == MonitoringScope.Level.CITY ? "区县" : "项目", bold));
                d.columns().forEach(c -> table.addCell(cell(c.name(), bold)));
                for (Dashboard.Row r : d.rows()) {
                    table.addCell(cell(r.name(), text));
                    r.figures().forEach(f -> table.addCell(cell(f.shown(), text)));
                }
                doc.add(table);
            }
            doc.add(new Paragraph("全部指标", bold));
            PdfPTable all = new PdfPTable(new float[]{3.2f, 1.4f, 1.6f, 1.8f});
            all.setWidthPercentage(100);
            all.setHeaderRows(1);
            for (String h : List.of("指标", "口径", "数值", "分子 / 分母")) {
                all.addCell(cell(h, bold));
            }
            for (Figure f : d.figures()) {
                all.addCell(cell(f.name(), text));
                all.addCell(cell(f.periodLabel(), text));
                all.addCell(cell(f.shown(), text));
                all.addCell(cell(f.denominator() == null ? "" : f.numerator() + " / " + f.denominator(), text));
            }
            doc.add(all);
            doc.close();
            return out.toByteArray();
        } catch (IOException | com.lowagie.text.DocumentException e) {
            throw new UncheckedIOException(new IOException("the monthly report could not be written", e));
        }
    }

    byte[] xlsx(Dashboard d) {
        List<List<?>> rows = new ArrayList<>();
        d.figures().forEach(f -> rows.add(java.util.Arrays.asList(d.asOf().toString(), d.title(), f.code(), f.name(), f.periodLabel(),
                f.shown(), f.numerator(), f.denominator())));
        d.rows().forEach(r -> r.figures().forEach(f -> rows.add(java.util.Arrays.asList(d.asOf().toString(), r.name(), f.code(), f.name(),
                f.periodLabel(), f.shown(), f.numerator(), f.denominator()))));
        return Sheets.write("月报", List.of("统计日", "范围", "指标代码", "指标", "统计口径", "数值", "分子", "分母"), rows);
    }

    private static PdfPCell cell(String s, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(s == null ? "" : s, f));
        c.setPadding(3);
        return c;
    }
}
