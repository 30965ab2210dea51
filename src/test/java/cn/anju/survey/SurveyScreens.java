package cn.anju.survey;

import cn.anju.support.Browser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the survey page tests check a page's width and leave its screenshots in /tmp/survey-*.png for a person to look at. */
final class SurveyScreens {

    private SurveyScreens() {
    }

    /** How far a page is wider than the window: no page may scroll sideways. */
    static long overflow(WebDriver d) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
    }

    /** The page fits 1366 and 390 px without sideways scrolling; a screenshot of each, the whole page, goes to /tmp. */
    static void look(Browser browser, String name) {
        WebDriver d = browser.driver();
        try {
            for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
                browser.size(size);
                assertThat(overflow(d)).as(name + " at " + size.width + " px").isLessThanOrEqualTo(0L);
                long height = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
                browser.size(new Dimension(size.width, (int) Math.clamp(height + 90, size.height, 5000)));
                ((JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
                shoot(browser, name + "-" + size.width);
            }
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    static void shoot(Browser browser, String name) {
        try {
            Files.copy(browser.screenshot("survey-" + name), Path.of("/tmp/survey-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
