package cn.anju.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a PDF the way a user's tools do: poppler's pdftotext and pdffonts (installed by .ci/run). */
public final class Pdfs {

    private Pdfs() {
    }

    public static String text(byte[] pdf) {
        return run("pdftotext", "-enc", "UTF-8", save(pdf).toString(), "-");
    }

    /** One line per font: name, type, encoding, then "emb sub uni" flags. */
    public static String fonts(byte[] pdf) {
        return run("pdffonts", save(pdf).toString());
    }

    private static Path save(byte[] pdf) {
        try {
            Path file = Files.createTempFile("anju-test", ".pdf");
            Files.write(file, pdf);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
