package cn.anju.allocation;

import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer runs a round through the pages; a clerk records the first choice; anyone reads the public result. */
class SelectionRoundBrowserTest extends BrowserTest {

    void confirmAndWait(WebDriver d, By button, String status) {
        browser.click(button);
        d.switchTo().alert().accept();
        waitForStatus(d, status);
    }

    /** Waits for the reloaded page (after the post and its redirect) to show the round in this state. */
    static void waitForStatus(WebDriver d, String status) {
        new WebDriverWait(d, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) x).executeScript("return document.readyState"))
                        && status.equals(x.findElement(By.id("round-status")).getAttribute("data-status")));
    }

    static String text(WebDriver d, By by) {
        return new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(x -> x.findElement(by).getText());
    }

    @Test
    void anOfficerPublishesRecordsThePublicValueDrawsAndAClerkChooses() {
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

        d.manage().deleteAllCookies();
        d.get(roundUrl.replace("/selection-rounds/", "/public/selection-rounds/"));
        assertThat(d.findElement(By.id("public-matches")).getText()).isEqualTo("复核一致");
        assertThat(d.findElement(By.id("public-places")).getText()).contains("选定").doesNotContain("610802198");
        browser.screenshot("selection-round-public");
    }
}
