package cn.anju.feedback;

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

/**
 * The 客服专员 takes a call on the desk and accepts it; the tenant writes on a phone and sees the case; anyone finds the
 * hotline and the case lookup without signing in.
 */
class FeedbackPagesBrowserTest extends BrowserTest {

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(10));
    }

    @Test
    void aCallIsTakenAcceptedAndShownOnItsTimeline() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "anju.service", "Demo@2026");
        d.get(url("/feedback"));
        browser.click(By.cssSelector("[data-bs-target='#take-case']"));
        new Select(d.findElement(By.id("take-kind"))).selectByValue("COMPLAINT");
        new Select(d.findElement(By.id("take-category"))).selectByValue("REPAIR");
        d.findElement(By.name("text")).sendKeys("3号楼电梯异响，夜间尤其明显");
        d.findElement(By.cssSelector("#take-form button[type=submit]")).click();
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")));
        assertThat(d.findElement(By.id("case-number")).getText()).startsWith("TS");
        assertThat(d.getPageSource()).contains("查询码");
        assertThat(d.findElement(By.id("case-text")).getText()).contains("电梯异响");
        d.findElement(By.cssSelector("#case-actions form[action$='/acceptance'] button")).click();
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-state"), "已受理"));
        assertThat(d.findElement(By.id("case-state")).getText()).isEqualTo("已受理");
        assertThat(d.findElement(By.id("case-timeline")).getText()).contains("待受理", "已受理", "告知");
        browser.screenshot("feedback-case");
        d.get(url("/feedback"));
        assertThat(d.findElement(By.id("feedback-cases")).getText()).contains("服务热线", "投诉／维修");
        browser.screenshot("feedback-desk");
    }

    /** How far a page is wider than the window: a phone must not scroll sideways. */
    private static long overflow(WebDriver d) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
    }

    @Test
    void theDeskAndACaseFitAPhone() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        try {
            browser.login(base(), "anju.service", "Demo@2026");
            d.get(url("/feedback"));
            assertThat(d.findElement(By.id("feedback-cases")).getText()).isNotBlank();
            assertThat(overflow(d)).as("the desk at 390 px").isLessThanOrEqualTo(0L);
            browser.screenshot("phone-feedback-desk");
            d.findElement(By.cssSelector("#feedback-cases a[href*='/feedback/']")).click();
            wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("case-number")));
            assertThat(overflow(d)).as("a case at 390 px").isLessThanOrEqualTo(0L);
            browser.screenshot("phone-feedback-case");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    @Test
    void theTenantWritesOnAPhoneAndThePublicFindsTheHotline() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        try {
            browser.login(base(), "tenant.demo", "Demo@2026");
            d.get(url("/"));
            assertThat(d.findElement(By.id("home-channels")).getText()).as("the tenant's own district's hotline on the home page")
                    .contains("榆阳区", "0912-3861234", "榆林公租房服务（演示）", "在线投诉建议");
            assertThat(overflow(d)).isLessThanOrEqualTo(0L);
            browser.screenshot("phone-tenant-home");
            d.get(url("/my/feedback"));
            d.findElement(By.name("text")).sendKeys("建议在小区增设电动车充电桩");
            new Select(d.findElement(By.name("kind"))).selectByValue("SUGGESTION");
            d.findElement(By.cssSelector("#my-feedback-form button[type=submit]")).click();
            wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已提交，案件编号"));
            assertThat(d.getPageSource()).contains("已提交，案件编号");
            assertThat(d.findElement(By.id("my-cases")).getText()).contains("建议", "待受理");
            browser.screenshot("phone-my-feedback");
            d.manage().deleteAllCookies();
            d.get(url("/public/contact"));
            assertThat(d.findElement(By.id("contact-channels")).getText()).contains("榆阳区", "服务热线", "24小时");
            browser.screenshot("phone-public-contact");
            d.get(url("/public/cases"));
            assertThat(d.findElement(By.id("public-case-form")).getText()).contains("查询码", "验证码");
            browser.screenshot("phone-public-cases");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }
}
