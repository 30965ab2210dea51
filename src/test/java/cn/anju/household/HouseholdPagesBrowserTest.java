package cn.anju.household;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The housing and household pages as an officer and an operator's staff use them. */
class HouseholdPagesBrowserTest extends BrowserTest {

    @Test
    void theOfficerFiltersPagesAndOpensAHouseholdFileRevealingOneNumber() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/households"));
        new Select(d.findElement(By.id("category"))).selectByVisibleText("低保");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category=MINIMUM_LIVING"));
        String firstPage = d.findElement(By.cssSelector("#households tbody")).getText();
        browser.screenshot("households");
        browser.click(By.linkText("下一页"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("page=2"));
        assertThat(d.getCurrentUrl()).contains("category=MINIMUM_LIVING");
        assertThat(d.findElement(By.cssSelector("#households tbody")).getText()).isNotEqualTo(firstPage);

        browser.click(By.cssSelector("#households tbody tr a"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("members")));
        String masked = d.findElement(By.cssSelector("#members tbody tr td.font-monospace span")).getText();
        assertThat(masked).matches("[0-9]{6}\\*{8}[0-9X]{4}");
        browser.click(By.cssSelector("#members tbody tr button.reveal"));
        String revealed = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#members .revealed"))).getText();
        assertThat(revealed).hasSize(18).startsWith(masked.substring(0, 6)).endsWith(masked.substring(14));
        assertThat(d.findElement(By.id("decision-form")).isDisplayed()).isTrue();
        browser.screenshot("household-file");
    }

    @Test
    void theOperatorsStaffSeeTheFileWithoutTheDecisionFormAndFileAReport() {
        browser.login(base(), "anju.staff", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/households"));
        browser.click(By.cssSelector("#households tbody tr a"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("members")));
        assertThat(d.findElements(By.id("decision-form"))).isEmpty();
        new Select(d.findElement(By.id("kind"))).selectByVisibleText("成员迁出");
        d.findElement(By.id("description")).sendKeys("长子已在西安工作并迁出户籍");
        browser.click(By.cssSelector("#report-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "变更报告已提交"));
        assertThat(d.findElement(By.id("reports")).getText()).contains("长子已在西安工作", "待处理");
        browser.screenshot("household-report");

        browser.size(Browser.PHONE);
        try {
            d.get(url("/housing/units?status=VACANT"));
            Long scroll = (Long) ((JavascriptExecutor) d)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(scroll).isLessThanOrEqualTo(0L);
            browser.screenshot("phone-units");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    @Test
    void theOfficersListsAndTheTenantsOwnFileLookRight() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        for (String[] page : new String[][]{{"/households/waitlist", "waitlist"}, {"/households/review", "review"},
                {"/housing/facilities", "facilities"}, {"/housing/projects", "projects"}, {"/imports", "imports"}}) {
            d.get(url(page[0]));
            assertThat(d.findElement(By.cssSelector("h1.page-title")).getText()).isNotBlank();
            browser.screenshot(page[1]);
        }
        browser.login(base(), "tenant.demo", "Demo@2026");
        d.get(url("/my/household"));
        assertThat(d.findElement(By.id("members")).getText()).contains("张建华");
        assertThat(d.findElements(By.id("decision-form"))).isEmpty();
        assertThat(d.findElements(By.id("report-form"))).isEmpty();
        browser.click(By.cssSelector("#members tbody tr button.reveal"));
        String own = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#members .revealed"))).getText();
        assertThat(own).hasSize(18);
        browser.screenshot("tenant-household");
        d.manage().deleteAllCookies();
        d.get(url("/activate"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("开通住户账号");
        browser.screenshot("activate");
    }
}
