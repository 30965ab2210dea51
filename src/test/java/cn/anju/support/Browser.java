package cn.anju.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.logging.Level;

/**
 * Debian's real Chromium, headless, driven through Debian's chromedriver at explicit paths so nothing is
 * downloaded. Screenshots go to {@code target/screenshots/} for a person to look at.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension PHONE = new Dimension(390, 844);

    private final WebDriver driver;
    private final Path profile;

    public Browser() {
        try {
            profile = Files.createTempDirectory("anju-chromium-");
            Files.createDirectories(Path.of("target", "browser-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("anju.chromium", "/usr/bin/chromium"));
        // the page's console is the browser's log: kept under target/browser-logs/ and scanned by the build
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("anju.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withLogFile(new File("target/browser-logs/chromedriver.log"))
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    /** Signs in through the login page and waits until the browser has left it. */
    public void login(String baseUrl, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(x -> !x.getCurrentUrl().equals(baseUrl + "/login") && "complete".equals(
                        ((JavascriptExecutor) x).executeScript("return document.readyState")));
    }

    /** Clicks as a person does: brings the element to the middle of the screen first. */
    public void click(By by) {
        var element = driver.findElement(by);
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    public WebDriver driver() {
        return driver;
    }

    public void size(Dimension dimension) {
        driver.manage().window().setSize(dimension);
    }

    /** Saves a PNG of the viewport under target/screenshots/ and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends what the pages wrote to the browser console to target/browser-logs/console.log. */
    public void saveConsoleLog() {
        try {
            Path dir = Path.of("target", "browser-logs");
            Files.createDirectories(dir);
            StringBuilder text = new StringBuilder();
            for (var entry : driver.manage().logs().get(LogType.BROWSER)) {
                text.append(Instant.ofEpochMilli(entry.getTimestamp())).append(' ').append(entry.getLevel())
                        .append(' ').append(entry.getMessage()).append('\n');
            }
            Files.writeString(dir.resolve("console.log"), text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        saveConsoleLog();
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
