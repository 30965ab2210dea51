package cn.anju.portal;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import cn.anju.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo account logs in through the Chinese login page in a real Chromium, lands on its own home page and
 * sees exactly its menus. Screenshots: target/screenshots/home-*.png (desktop) and phone-*.png.
 */
class HomePagesBrowserTest extends BrowserTest {

    void login(String username, String password) {
        browser.login("http://localhost:" + port, username, password);
    }

    @Test
    void everyDemoAccountLandsOnItsHomeWithOnlyItsMenus() {
        WebDriver d = browser.driver();
        browser.size(Browser.DESKTOP);
        d.manage().deleteAllCookies();
        d.get(url("/login"));
        assertThat(d.getTitle()).contains("用户登录");
        assertThat(d.findElement(By.tagName("body")).getText()).contains("安居·公租房运营管理服务平台", "用户名", "密码");
        browser.screenshot("login");

        for (DemoAccounts.DemoAccount account : DemoAccounts.ALL) {
            login(account.username(), "Demo@2026");
            WebElement home = new WebDriverWait(d, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("home")));
            assertThat(home.getAttribute("data-role")).isEqualTo(account.role());
            assertThat(d.findElement(By.cssSelector("h1.page-title")).getText()).isEqualTo("您好，" + account.displayName());
            assertThat(d.findElement(By.id("home-organisation")).getText()).isEqualTo(account.organisationName());
            Set<String> menus = d.findElements(By.cssSelector(".sidebar a.menu-item")).stream()
                    .map(e -> e.getAttribute("data-menu")).collect(Collectors.toSet());
            assertThat(menus).as(account.username()).isEqualTo(account.menus());
            browser.screenshot("home-" + account.username());
            d.findElement(By.cssSelector("form[action='/logout'] button")).click();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        }
    }

    @Test
    void aWrongPasswordShowsTheChineseMessage() {
        login("yuyang.gov", "wrong-password");
        assertThat(browser.driver().findElement(By.cssSelector(".alert-danger")).getText())
                .isEqualTo("用户名或密码错误，请重新输入。");
        login("nobody.here", "wrong-password");
        assertThat(browser.driver().findElement(By.cssSelector(".alert-danger")).getText())
                .isEqualTo("用户名或密码错误，请重新输入。");
    }

    @Test
    void phoneLayoutHasNoHorizontalScrollAndAMenuButton() {
        browser.size(Browser.PHONE);
        try {
            for (String who : new String[]{"anju.staff", "yuyang.gov"}) {
                login(who, "Demo@2026");
                WebDriver d = browser.driver();
                new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("home")));
                assertNoHorizontalScroll(d);
                browser.screenshot("phone-home-" + who);
                d.findElement(By.cssSelector("button[data-bs-target='#sidebar']")).click();
                // wait until the menu has finished sliding in, so the screenshot shows it whole
                new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> {
                    WebElement sidebar = x.findElement(By.id("sidebar"));
                    return sidebar.getAttribute("class").contains("show") && sidebar.getRect().getX() == 0;
                });
                browser.screenshot("phone-menu-" + who);
            }
            browser.driver().manage().deleteAllCookies();
            browser.driver().get(url("/login"));
            assertNoHorizontalScroll(browser.driver());
            browser.screenshot("phone-login");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    @Test
    void chineseErrorPagesForForbiddenAndMissingPages() {
        browser.size(Browser.DESKTOP);
        login("anju.staff", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/admin/accounts"));
        assertThat(d.findElement(By.id("error-page")).getAttribute("data-status")).isEqualTo("403");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        browser.screenshot("error-403");
        d.get(url("/no/such/page"));
        assertThat(d.findElement(By.id("error-page")).getAttribute("data-status")).isEqualTo("404");
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("页面不存在");
        browser.screenshot("error-404");
    }

    @Test
    void englishIsTheSecondLanguage() {
        browser.size(Browser.DESKTOP);
        login("admin", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/admin/accounts?lang=en"));
        assertThat(d.findElement(By.cssSelector("h1.page-title")).getText()).isEqualTo("Accounts");
        browser.screenshot("accounts-en");
        d.get(url("/admin/accounts?lang=zh_CN"));
        assertThat(d.findElement(By.cssSelector("h1.page-title")).getText()).isEqualTo("账号管理");
        browser.screenshot("accounts-zh");
    }

    private static void assertNoHorizontalScroll(WebDriver d) {
        Long scrollWidth = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
        Long innerWidth = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(innerWidth);
    }
}
