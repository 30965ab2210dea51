package cn.anju.shared.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CAPTCHA drawn by the server, with no external service and no fonts (a server may have none): digits as
 * jittered seven-segment strokes, each rotated, over noise lines.
 */
public final class Captcha {

    public static final int LENGTH = 5;
    private static final int WIDTH = 150;
    private static final int HEIGHT = 50;
    // segments a..g of a seven-segment digit: top, upper right, lower right, bottom, lower left, upper left, middle
    private static final int[][] SEGMENTS = {{0, 0, 1, 0}, {1, 0, 1, 1}, {1, 1, 1, 2}, {0, 2, 1, 2}, {0, 1, 0, 2},
            {0, 0, 0, 1}, {0, 1, 1, 1}};
    private static final String[] DIGITS = {"abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc",
            "abcdefg", "abcdfg"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Captcha() {
    }

    /** A fresh answer: digits 2-9 (0/1 look like letters when distorted). */
    public static String newAnswer() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            s.append((char) ('2' + RANDOM.nextInt(8)));
        }
        return s.toString();
    }

    public static byte[] png(String answer) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(242, 245, 250));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(120 + RANDOM.nextInt(100), 120 + RANDOM.nextInt(100), 120 + RANDOM.nextInt(100)));
            g.setStroke(new BasicStroke(1f));
            g.drawLine(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT));
        }
        for (int i = 0; i < answer.length(); i++) {
            drawDigit(g, answer.charAt(i) - '0', 14 + i * 26, 10);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawDigit(Graphics2D g, int digit, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(RANDOM.nextInt(31) - 15), x + 8, y + 15);
        g.setColor(new Color(20 + RANDOM.nextInt(60), 40 + RANDOM.nextInt(60), 100 + RANDOM.nextInt(80)));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int w = 14;
        int h = 14;
        for (char segment : DIGITS[digit].toCharArray()) {
            int[] s = SEGMENTS[segment - 'a'];
            g.drawLine(x + s[0] * w + jitter(), y + s[1] * h + jitter(), x + s[2] * w + jitter(), y + s[3] * h + jitter());
        }
        g.setTransform(saved);
    }

    private static int jitter() {
        return RANDOM.nextInt(3) - 1;
    }

    /** A new CAPTCHA for a public form: its answer kept in the session under {@code key}, its image never cached. */
    public static ResponseEntity<byte[]> draw(HttpSession session, String key) {
        String answer = newAnswer();
        session.setAttribute(key, answer);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png(answer));
    }

    /** Whether {@code given} answers the CAPTCHA drawn under {@code key}; one try per drawn CAPTCHA, right or wrong. */
    public static boolean passed(HttpSession session, String key, String given) {
        Object expected = session.getAttribute(key);
        session.removeAttribute(key);
        return expected != null && given != null && expected.equals(given.strip());
    }
}
