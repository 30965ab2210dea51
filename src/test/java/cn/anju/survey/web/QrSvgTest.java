package cn.anju.survey.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG drawn for a sheet reads back, module for module, as the link it was made from. */
class QrSvgTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    @Test
    void theSvgScansAsTheLink() throws Exception {
        String link = "https://anju.example.gov.cn/s/0123456789abcdef0123456789abcdef";
        String svg = QrSvg.of(link);
        assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain(link);
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int side = modules * scale;
        int[] pixels = new int[side * side];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int x = x0; x < x0 + Integer.parseInt(run.group(3)); x++) {
                for (int dy = 0; dy < scale; dy++) {
                    Arrays.fill(pixels, (y * scale + dy) * side + x * scale, (y * scale + dy) * side + (x + 1) * scale, 0xFF000000);
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(link);
    }
}
