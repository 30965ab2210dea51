package cn.anju.survey.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A QR code as an inline SVG, drawn from ZXing's module matrix: one path of unit squares, so it prints sharp at any
 * size and needs no image file. The text is only encoded, never written into the SVG, so the markup is safe to inline.
 */
final class QrSvg {

    private static final int QUIET_ZONE = 2;

    private QrSvg() {
    }

    static String of(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
        StringBuilder path = new StringBuilder(); // one rectangle per run of dark modules in a row
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    int run = 1;
                    while (x + run < m.getWidth() && m.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                    x += run;
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"二维码\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
