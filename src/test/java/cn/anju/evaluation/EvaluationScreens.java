package cn.anju.evaluation;

import cn.anju.support.Browser;
import cn.anju.support.ContractFixtures;
import cn.anju.support.Screens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** How the evaluation page tests look at a page (screenshots in target/screens), attach files and take a step. */
final class EvaluationScreens {

    /** Enum codes the pages must never show: every state, level, kind and opinion of the module, and unresolved text. */
    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(EvaluationStatus.values(),
            SettlementStatus.values(), IndicatorLevel.values(), Band.values(), Scorer.values(), Objection.Status.values(),
            SettlementLine.Kind.values(), FinancialReport.Kind.values(), FinancialReport.Status.values(), FinancialReport.Opinion.values())
            .flatMap(Stream::of).map(Enum::name).toList()) + "|null|COMPUTED|MANUAL)\\b|\\?\\?");

    private EvaluationScreens() {
    }

    static void look(Browser browser, String name) {
        Screens.look(browser, "evaluation-" + name, CODES, Path.of("target", "screens"));
    }

    static Path file(String name, byte[] content) {
        try {
            Path file = Files.createTempFile("anju-" + name.substring(0, name.lastIndexOf('.')) + "-", name.substring(name.lastIndexOf('.')));
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void attachPdf(WebDriver d, String id) {
        d.findElement(By.id(id)).sendKeys(file("evidence.pdf", ContractFixtures.PDF).toAbsolutePath().toString());
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    /** Clicks a step's button, accepts its confirmation if it asks one, and waits for the notice. */
    static void step(Browser browser, By button, boolean confirms, String notice) {
        WebDriver d = browser.driver();
        browser.click(button);
        if (confirms) {
            waiting(d).until(ExpectedConditions.alertIsPresent()).accept();
        }
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), notice));
    }

    static void type(WebDriver d, String id, String value) {
        var field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }
}
