package cn.anju.rent;

import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A household's money arrived twice through the gateway: the operator's manager sees it on 上缴与对账 and asks for
 * the refund, the district's finance approves it, the manager records the refund's reference, each in the browser.
 */
class RefundBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    GatewayExceptions exceptions;

    /** The duplicate's row on the page, found by its order number (other tests may have left other duplicates). */
    WebElement row(String orderNo) {
        return browser.driver().findElements(By.cssSelector("#gateway-exceptions tbody tr")).stream()
                .filter(r -> r.getText().contains(orderNo)).findFirst().orElseThrow();
    }

    /** After a post the page reloads: waits until the row says what the step made of it. */
    void waitUntilRowSays(String orderNo, String state) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(x -> row(orderNo).getText().contains(state));
    }

    @Test
    void aDuplicatePaymentIsRefundedInFourEyes() {
        long lease = jdbc.sql("""
                        select l.id from lease l join app_user u on u.household_id = l.household_id
                         where u.username = 'tenant.demo' and l.status = 'ACTIVE'""").query(Long.class).single();
        String orderNo = "WX610802DUP" + System.nanoTime() % 100_000_000;
        long order = jdbc.sql("""
                        insert into online_order (order_no, lease_id, amount, status, created_at, gateway_txn)
                        values (?, ?, 66.60, 'PAID', now(), ?) returning id""")
                .params(orderNo, lease, "T-PAID-" + orderNo).query(Long.class).single();
        exceptions.record(order, "T-PAID-" + orderNo, "T-DUP-" + orderNo, new BigDecimal("66.60"));

        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "anju.manager", "Demo@2026");
        d.get(url("/rent/treasury"));
        assertThat(row(orderNo).getText()).contains("66.60", "待申请退款");
        row(orderNo).findElement(By.name("note")).sendKeys("住户重复扣款");
        browser.screenshot("treasury-duplicate-payment");
        browser.click(By.xpath("//tr[contains(., '" + orderNo + "')]//form[contains(@class, 'refund-request')]//button"));
        waitUntilRowSays(orderNo, "已申请退款");

        d.manage().deleteAllCookies();
        browser.login(base(), "yuyang.finance", "Demo@2026");
        d.get(url("/rent/treasury"));
        browser.click(By.xpath("//tr[contains(., '" + orderNo + "')]//form[contains(@class, 'refund-approve')]//button"));
        waitUntilRowSays(orderNo, "财政已批准");

        d.manage().deleteAllCookies();
        browser.login(base(), "anju.manager", "Demo@2026");
        d.get(url("/rent/treasury"));
        row(orderNo).findElement(By.name("reference")).sendKeys("TK-" + orderNo);
        browser.click(By.xpath("//tr[contains(., '" + orderNo + "')]//form[contains(@class, 'refund-record')]//button"));
        waitUntilRowSays(orderNo, "TK-" + orderNo);
        assertThat(row(orderNo).getText()).contains("已退款");
        browser.screenshot("treasury-refunded");
    }
}
