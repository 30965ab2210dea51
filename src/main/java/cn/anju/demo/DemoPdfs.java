package cn.anju.demo;

import cn.anju.shared.pdf.ChineseFont;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;

/** The demo's scanned documents (budget approvals, announcements, signed contracts): real PDFs with Chinese text. */
@Component
@Profile("demo")
class DemoPdfs {

    private final ChineseFont fonts;

    DemoPdfs(ChineseFont fonts) {
        this.fonts = fonts;
    }

    byte[] document(String title, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        BaseFont base = fonts.base();
        doc.add(new Paragraph(title, fonts.font(base, 16, com.lowagie.text.Font.BOLD)));
        for (String line : lines) {
            doc.add(new Paragraph(line, fonts.font(base, 11, com.lowagie.text.Font.NORMAL)));
        }
        doc.close();
        return out.toByteArray();
    }
}
