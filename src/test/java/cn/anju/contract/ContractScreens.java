package cn.anju.contract;

import cn.anju.support.Browser;
import cn.anju.support.ContractFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the contract page tests check a page's width and words, attach PDFs, and leave screenshots in /tmp/contract-*.png. */
final class ContractScreens {

    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(ProcurementStatus.values(),
            ContractStatus.values(), ProcurementMethod.values(), ServiceItem.values(), FeeTerms.Kind.values(), FeeTerms.Cycle.values(),
            PaymentRule.Kind.values()).flatMap(Stream::of).map(Enum::name).toList()) + "|null)\\b|\\?\\?");

    private ContractScreens() {
    }

    /**
     * The page at 1366 and 390 px: nothing wider than the window but what scrolls inside a .table-responsive, no enum code
     * or unresolved message in sight; the whole page photographed to target/screenshots and /tmp.
     */
    static void look(Browser browser, String name) {
        WebDriver d = browser.driver();
        try {
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.size(size);
                @SuppressWarnings("unchecked")
                List<String> wide = (List<String>) ((JavascriptExecutor) d).executeScript("""
                        var out = [];
                        document.querySelectorAll('body *').forEach(function (e) {
                          var r = e.getBoundingClientRect();
                          if (r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.table-responsive')) {
                            out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right));
                          }
                        });
                        return out;""");
                assertThat(wide).as(name + " at " + size.width + " px: elements wider than the window").isEmpty();
                assertThat((Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
                        .as(name + " scrolls sideways at " + size.width + " px").isLessThanOrEqualTo(0L);
                String shown = d.findElement(By.tagName("main")).getText();
                assertThat(CODES.matcher(shown).find()).as(name + " shows a code or a missing message: " + shown).isFalse();
                long height = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
                browser.size(new Dimension(size.width, (int) Math.clamp(height + 90, size.height, 6000)));
                ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
                Files.copy(browser.screenshot("contract-" + name + "-" + size.width),
                        Path.of("/tmp/contract-" + name + "-" + size.width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    static Path pdf(String name) {
        try {
            Path file = Files.createTempFile("anju-" + name + "-", ".pdf");
            Files.write(file, ContractFixtures.PDF);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void attach(WebDriver d, String id, Path file) {
        d.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
