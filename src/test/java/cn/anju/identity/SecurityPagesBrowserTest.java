package cn.anju.identity;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The security pages as their people use them: CAPTCHA login, audit verification, policy, tokens, password. */
class SecurityPagesBrowserTest extends BrowserTest {

    @Test
    void afterThreeFailuresTheLoginPageShowsAServerDrawnCaptcha() {
        WebDriver d = browser.driver();
        String name = "nobody." + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            browser.login(base(), name, "Wrong-Pass-1");
        }
        d.get(base() + "/login");
        assertThat(d.findElement(By.id("captcha-block")).isDisplayed()).isTrue();
        Number width = (Number) ((JavascriptExecutor) d)
                .executeScript("return document.getElementById('captcha-image').naturalWidth");
        assertThat(width.intValue()).as("the CAPTCHA image loaded").isEqualTo(150);
        browser.screenshot("login-captcha");
    }

    @Test
    void theAuditorVerifiesTheChainFromThePage() {
        browser.login(base(), "auditor", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/audit?action=LOGIN");
        assertThat(d.findElement(By.id("audit-entries")).getText()).contains("LOGIN");
        browser.click(By.id("verify-button"));
        var result = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        assertThat(result.getAttribute("data-intact")).isEqualTo("true");
        assertThat(result.getText()).contains("审计日志完整");
        browser.screenshot("audit");
    }

    @Test
    void theSecurityAdministratorSetsADistrictPolicyAndSeesItsHistory() {
        browser.login(base(), "security", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/security/policy?region=610822");
        var minLength = d.findElement(By.id("passwordMinLength"));
        minLength.clear();
        minLength.sendKeys("9");
        d.findElement(By.id("reason")).sendKeys("府谷县统一要求9位");
        browser.click(By.cssSelector("#policy-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "安全策略已更新"));
        assertThat(d.findElement(By.id("policy-history")).getText()).contains("府谷县统一要求9位", "security");
        browser.screenshot("security-policy");
    }

    @Test
    void aPersonIssuesATokenSeesItOnceAndRevokesIt() {
        browser.login(base(), "anju.manager", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/me/tokens");
        d.findElement(By.id("name")).sendKeys("银行对账接口");
        browser.click(By.cssSelector("#token-form button[type=submit]"));
        String token = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value"))).getText();
        assertThat(token).startsWith("anju_");
        browser.screenshot("tokens-issued");
        d.get(base() + "/me/tokens");
        assertThat(d.getPageSource()).doesNotContain(token);
        browser.click(By.xpath("//tr[td[text()='银行对账接口']]//button"));
        d.switchTo().alert().accept();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "令牌已撤销"));
    }

    @Test
    void thePasswordPageExplainsTheRule() {
        browser.login(base(), "hengshan.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/password/change");
        assertThat(d.findElement(By.id("password-form")).getText()).contains("至少 8 位", "至少 3 类");
        browser.screenshot("password-change");
    }
}
