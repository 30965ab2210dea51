package cn.anju.monitoring;

import cn.anju.shared.pdf.ChineseFont;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** A bar chart drawn for print (the monthly report's PDF): one bar per place, its value above it, its name below. */
final class ReportChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 360;

    private ReportChart() {
    }

    /** @param ratio values are ratios (0-1), labelled as percentages */
    static byte[] bars(ChineseFont fonts, List<String> names, List<BigDecimal> values, boolean ratio) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(fonts.awt(16f));
        double max = values.stream().filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        max = ratio ? 1 : Math.max(max, 1);
        int left = 40;
        int bottom = HEIGHT - 60;
        int top = 30;
        int slot = names.isEmpty() ? 1 : (WIDTH - left - 20) / names.size();
        g.setColor(new Color(200, 200, 200));
        g.drawLine(left, bottom, WIDTH - 20, bottom);
        for (int i = 0; i < names.size(); i++) {
            int x = left + i * slot + slot / 6;
            int w = Math.max(4, slot * 2 / 3);
            BigDecimal v = values.get(i);
            g.setColor(new Color(45, 108, 192));
            if (v != null) {
                int h = (int) Math.round((bottom - top) * (v.doubleValue() / max));
                g.fillRect(x, bottom - h, w, h);
                g.setColor(Color.DARK_GRAY);
                String label = ratio ? v.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%" : v.stripTrailingZeros().toPlainString();
                g.drawString(label, x, bottom - h - 6);
            }
            g.setColor(Color.BLACK);
            String name = names.get(i).length() > 6 ? names.get(i).substring(0, 6) : names.get(i);
            g.drawString(name, x, bottom + 22);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
