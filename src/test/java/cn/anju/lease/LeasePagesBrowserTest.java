package cn.anju.lease;

import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk uploads a handover photo into a household's resident file and sees it with the timeline; moves a household
 * out with the inspection and reads the settlement; an administrator keeps the working-day calendar.
 */
class LeasePagesBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    Wait<WebDriver> waitFor(WebDriver d) {
        // a post reloads the page: an element read from the old one may go stale while we wait
        return new WebDriverWait(d, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aClerkFilesAPhotoAndMovesAHouseholdOut() throws IOException {
        WebDriver d = browser.driver();
        browser.login(base(), "anju.staff", "Demo@2026");
        // a household moving out after its lease ended: the work list leads there
        d.get(url("/leases?view=MOVE_OUT_DUE"));
        browser.click(By.cssSelector("#leases tbody tr:first-child a.font-monospace"));
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.move-out")));
        String household = d.findElement(By.linkText("住户档案")).getAttribute("href");

        // the handover photo goes into the resident file first
        d.get(household);
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#resident-file form.upload-document")));
        assertThat(d.findElement(By.id("timeline")).getText()).contains("办理入住", "终止合同");
        Path photo = Files.createTempFile("退房-客厅", ".png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, (int) System.nanoTime() & 0xFFFFFF);
        ImageIO.write(image, "png", photo.toFile());
        d.findElement(By.id("doc-category")).sendKeys("交接照片");
        d.findElement(By.id("doc-title")).sendKeys("退房验房-客厅");
        d.findElement(By.id("doc-file")).sendKeys(photo.toString());
        browser.click(By.cssSelector("form.upload-document button[type=submit]"));
        waitFor(d).until(x -> x.findElements(By.cssSelector("#documents li")).stream().anyMatch(li -> li.getText().contains("退房验房-客厅")));
        assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("已上传");
        assertThat(d.findElement(By.id("documents")).getText()).contains("SHA-256");
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", d.findElement(By.id("resident-file")));
        browser.screenshot("resident-file");

        // back to the lease: the inspection, with the photo ticked, and the settlement
        d.navigate().back();
        d.navigate().back();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.move-out")));
        d.navigate().refresh();
        var form = waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.move-out")));
        form.findElement(By.name("keys")).sendKeys("2");
        form.findElement(By.name("waterReading")).sendKeys("9999");
        form.findElement(By.name("electricityReading")).sendKeys("99999");
        form.findElements(By.cssSelector("input[name=photo]")).forEach(p -> {
            if (p.getAttribute("id") != null) {
                browser.click(By.id(p.getAttribute("id")));
            }
        });
        form.findElement(By.name("damages")).sendKeys("卫生间镜子破损");
        var amount = form.findElement(By.name("damageAmount"));
        amount.clear();
        amount.sendKeys("80");
        browser.screenshot("lease-move-out-form");
        browser.click(By.cssSelector("form.move-out button[type=submit]"));
        var settlement = waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("settlement")));
        assertThat(settlement.getText()).contains("退房结算单", "¥80.00");
        // the figures name their source: the rent ledger when the lease has bills or a deposit, "to be confirmed" otherwise
        assertThat(settlement.getText()).containsAnyOf("租金台账", "待租金模块核定");
        assertThat(d.findElement(By.id("lease-events")).getText()).contains("退房");
        browser.screenshot("lease-settlement");
    }

    @Test
    void theCityAdministratorKeepsTheCalendar() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "city.gov", "Demo@2026");
        d.get(url("/admin/calendar?year=2026"));
        assertThat(d.findElement(By.id("calendar")).getText()).contains("国庆节", "调休上班", "2026-10-10");
        assertThat(d.findElement(By.id("next-year-missing")).getText()).contains("2027");
        browser.screenshot("working-day-calendar");
    }
}
