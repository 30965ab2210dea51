package cn.anju.allocation;

import cn.anju.support.BrowserTest;
import cn.anju.support.Pdfs;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer runs a round through the pages; a clerk records the first choice, drafts, signs, prints and moves the
 * household in; anyone reads the public result.
 */
class SelectionRoundBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    void confirmAndWait(WebDriver d, By button, String status) {
        browser.click(button);
        d.switchTo().alert().accept();
        waitForStatus(d, status);
    }

    /** Waits for the reloaded page (after the post and its redirect) to show the round in this state. */
    static void waitForStatus(WebDriver d, String status) {
        new WebDriverWait(d, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState"))
                        && status.equals(x.findElement(By.id("round-status")).getAttribute("data-status")));
    }

    static String text(WebDriver d, By by) {
        return new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(by).getText());
    }

    /** Waits for the lease list, reloaded after an action, to show the newest lease in this state. */
    static void waitForLease(WebDriver d, String status) {
        new WebDriverWait(d, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(x -> x.getCurrentUrl().contains("/leases")
                        && x.findElement(By.cssSelector("#leases tbody tr:first-child .badge")).getText().equals(status));
    }


    @Test
    void anOfficerDrawsAndAClerkChoosesSignsPrintsAndMovesIn() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/selection-rounds"));
        d.findElement(By.id("name")).sendKeys("2026年第四季度金沙花园选房");
        browser.click(By.cssSelector("#round-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("round-status")));
        confirmAndWait(d, By.id("publish"), "PUBLISHED");
        assertThat(text(d, By.id("list-digest"))).hasSize(64);
        d.findElement(By.id("publicValue")).sendKeys("730419");
        browser.click(By.id("record-public-value"));
        waitForStatus(d, "PUBLIC_VALUE_RECORDED");
        confirmAndWait(d, By.id("draw"), "DRAWN");
        assertThat(text(d, By.id("round-matches"))).isEqualTo("复核一致");
        String roundUrl = d.getCurrentUrl();
        browser.screenshot("selection-round-drawn");

        browser.login(base(), "anju.staff", "Demo@2026");
        d.get(roundUrl);
        String next = text(d, By.id("next-applicant"));
        assertThat(next).startsWith("1号");
        browser.click(By.id("choose"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("next-applicant"), "2号"));
        assertThat(d.findElement(By.cssSelector("#places tbody tr")).getText()).contains("选定", "栋");
        browser.screenshot("selection-round-choosing");

        // the clerk drafts the lease from the choice, signs it, prints the contract and hands over the keys
        WebElement draft = d.findElement(By.cssSelector("form.draft-lease"));
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", draft.findElement(By.name("startDate")),
                TestClock.today().toString());
        browser.click(By.cssSelector("form.draft-lease button[type=submit]"));
        waitForLease(d, "草稿");
        String leaseNumber = d.findElement(By.cssSelector("#leases tbody tr:first-child .font-monospace")).getText();
        browser.click(By.cssSelector("#leases tbody tr:first-child form[action$='/sign'] button"));
        waitForLease(d, "已签约");
        String contract = d.findElement(By.cssSelector("#leases tbody tr:first-child a[href*='/contract']")).getAttribute("href");
        String rent = jdbc.sql("select monthly_rent from lease where lease_number = ?").param(leaseNumber).query(BigDecimal.class).single()
                .setScale(2).toPlainString();
        assertThat(Pdfs.text(fetch(contract, d))).contains("公共租赁住房租赁合同", leaseNumber, rent, "转借、转租");
        // move-in is a checklist on the lease's own page: keys, readings, fixtures, the household's details checked
        browser.click(By.cssSelector("#leases tbody tr:first-child a.move-in"));
        WebElement checklist = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.move-in")));
        checklist.findElement(By.name("keys")).sendKeys("2");
        checklist.findElement(By.name("waterReading")).sendKeys("12.5");
        checklist.findElement(By.name("electricityReading")).sendKeys("340.2");
        browser.screenshot("lease-move-in-checklist");
        browser.click(By.cssSelector("form.move-in button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(By.cssSelector(".alert")).isDisplayed());
        assertThat(d.findElement(By.cssSelector(".alert-danger")).getText()).contains("核对");
        d.findElement(By.cssSelector("form.move-in")).findElement(By.name("keys")).sendKeys("2");
        d.findElement(By.cssSelector("form.move-in")).findElement(By.name("waterReading")).sendKeys("12.5");
        d.findElement(By.cssSelector("form.move-in")).findElement(By.name("electricityReading")).sendKeys("340.2");
        browser.click(By.id("householdInfoConfirmed"));
        browser.click(By.cssSelector("form.move-in button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(By.id("lease-status")).getText().equals("履行中"));
        assertThat(d.findElement(By.id("lease-number")).getText()).isEqualTo(leaseNumber);
        assertThat(d.findElement(By.id("lease-events")).getText()).contains("入住");
        browser.screenshot("lease-moved-in");

        d.manage().deleteAllCookies();
        d.get(roundUrl.replace("/selection-rounds/", "/public/selection-rounds/"));
        assertThat(d.findElement(By.id("public-matches")).getText()).isEqualTo("复核一致");
        assertThat(d.findElement(By.id("public-places")).getText()).contains("选定").doesNotContain("610802198");
        browser.screenshot("selection-round-public");
    }

    @Test
    void anOfficerRunsAPointsRound() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/selection-rounds"));
        d.findElement(By.id("name")).sendKeys("2026年长城北路积分选房");
        new Select(d.findElement(By.id("method"))).selectByValue("POINTS");
        browser.click(By.cssSelector("#round-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("round-status")));
        assertThat(text(d, By.id("points-table"))).contains("轮候每满1年 2分（最多20分）", "低保或特困家庭 10分");
        confirmAndWait(d, By.id("publish"), "PUBLISHED");
        d.findElement(By.id("publicValue")).sendKeys("8848");
        browser.click(By.id("record-public-value"));
        waitForStatus(d, "PUBLIC_VALUE_RECORDED");
        confirmAndWait(d, By.id("draw"), "DRAWN");
        assertThat(text(d, By.id("round-matches"))).isEqualTo("复核一致");
        browser.screenshot("selection-round-points");
    }

    @Test
    void anOfficerAllocatesDirectlyFromTheWaitlist() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/households/waitlist"));
        browser.click(By.cssSelector("#waitlist tbody tr:nth-child(8) a.direct-allocate"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("direct-form")));
        assertThat(d.findElement(By.id("householdId")).getAttribute("value")).isNotEmpty();
        d.findElement(By.id("reason")).sendKeys("榆住保〔2026〕90号：残疾人家庭优先安置");
        browser.click(By.cssSelector("#direct-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("allocations")));
        assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("已预留");
        assertThat(d.findElement(By.id("allocations")).getText()).contains("残疾人家庭优先安置", "已预留");
        browser.screenshot("direct-allocation");
    }
}
