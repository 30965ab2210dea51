package cn.anju.shared.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK font every printed document uses (WenQuanYi Micro Hei, Apache-2.0), shipped inside the application and
 * embedded in each PDF: contracts, receipts and notices render on a server without CJK fonts, and their text can be
 * extracted (pdftotext, search, archiving).
 */
@Component
public class ChineseFont {

    private final byte[] font;

    ChineseFont() {
        try (InputStream in = ChineseFont.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
            this.font = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the CJK font is missing from the application", e);
        }
    }

    /** A new embedded base font for one document (OpenPDF keeps per-document subset state in it). */
    public BaseFont base() {
        try {
            return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same font for drawing (a chart printed into a PDF), at the size given. */
    public java.awt.Font awt(float size) {
        try {
            return java.awt.Font.createFonts(new java.io.ByteArrayInputStream(font))[0].deriveFont(size);
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("the CJK font cannot be drawn with", e);
        }
    }

    public Font font(BaseFont base, float size, int style) {
        return new Font(base, size, style);
    }
}
