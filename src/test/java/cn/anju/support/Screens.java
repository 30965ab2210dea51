package cn.anju.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a page test checks a page at 1366 and 390 px: nothing wider than the window but what scrolls inside a
 * .table-responsive, no enum code (the module's {@code codes}) or unresolved message in sight; the whole page photographed
 * to target/screenshots and copied to {@code dir} for a person to look at.
 */
public final class Screens {

    private Screens() {
    }

    public static void look(Browser browser, String name, Pattern codes, Path dir) {
        WebDriver d = browser.driver();
        try {
            Files.createDirectories(dir);
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
                assertThat(codes.matcher(shown).find()).as(name + " shows a code or a missing message: " + shown).isFalse();
                long height = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
                browser.size(new Dimension(size.width, (int) Math.clamp(height + 90, size.height, 6000)));
                ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
                Files.copy(browser.screenshot(name + "-" + size.width), dir.resolve(name + "-" + size.width + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }
}
