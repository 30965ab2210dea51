package cn.anju.rent;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import cn.anju.support.Pdfs;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A cashier takes a counter payment for a household in arrears and prints its receipt; a manager reads the bills. */
class RentCounterBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillRuns runs;

    @Test
    void aCashierCollectsAtTheCounterAndPrintsTheReceipt() {
        // a 榆阳 household that owes something (the demo leaves some in arrears)
        String number = jdbc.sql("""
                        select l.lease_number from lease l join bill b on b.lease_id = l.id
                         where l.district_code = '610802' and l.status = 'ACTIVE'
                         group by l.id, l.lease_number
                        having sum(b.amount) > coalesce((select sum(a.amount) from payment_allocation a where a.lease_id = l.id), 0) + 1
                         order by l.id limit 1""")
                .query(String.class).single();
        WebDriver d = browser.driver();
        browser.login(base(), "anju.staff", "Demo@2026");
        d.get(url("/rent/counter"));
        d.findElement(By.id("leaseNumber")).sendKeys(number);
        browser.click(By.cssSelector(".filter-bar button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.payment")));
        assertThat(d.findElement(By.id("account-lease")).getText()).isEqualTo(number);
        String owed = d.findElement(By.id("amount")).getAttribute("value");
        assertThat(owed).isNotBlank();
        browser.screenshot("rent-counter");
        browser.click(By.cssSelector("form.payment button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("paid")));
        assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("已收款");
        assertThat(d.findElement(By.id("outstanding")).getText()).isEqualTo("¥0.00");
        String receipt = d.findElement(By.cssSelector("#paid a")).getAttribute("href");
        String text = Pdfs.text(fetch(receipt, d));
        assertThat(text).contains("公共租赁住房租金收款收据", number, "人民币", "现金", "财政电子票据号");
        browser.screenshot("rent-counter-paid");
        // the lease's other charges, kept apart from rent
        ((JavascriptExecutor) d).executeScript("document.querySelector('form.set-charge').scrollIntoView()");
        assertThat(d.findElement(By.cssSelector("form.set-charge")).getText()).contains("设置收费");
        browser.screenshot("rent-counter-charges");
    }

    @Test
    void aManagerReadsTheBillsAndTheRuns() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "anju.manager", "Demo@2026");
        d.get(url("/rent/bills?overdue=true"));
        assertThat(d.findElement(By.cssSelector("table.bills")).getText()).contains("租金");
        assertThat(d.findElement(By.id("runs")).getText()).contains("定时");
        browser.screenshot("rent-bills");
    }

    @Test
    void aTenantPaysOnlineFromThePhoneThroughTheGateway() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        try {
            // something to pay whatever earlier tests did: next month's bill, due in advance
            runs.run(BillRuns.Trigger.MANUAL, null, TestClock.thisMonth().plusMonths(1));
            browser.login(base(), "tenant.demo", "Demo@2026");
            d.get(url("/my/rent"));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-now")));
            String due = d.findElement(By.id("due-now")).getText();
            browser.screenshot("phone-my-rent");
            browser.click(By.cssSelector("form.pay-online button"));
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("gateway-pay")));
            assertThat(d.findElement(By.id("gateway-amount")).getText()).isEqualTo(due);
            browser.screenshot("phone-gateway");
            browser.click(By.id("gateway-pay"));
            new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("due-now")));
            assertThat(d.findElement(By.cssSelector(".alert-success")).getText()).contains("支付成功");
            assertThat(d.findElement(By.id("due-now")).getText()).isEqualTo("¥0.00");
            assertThat(d.findElement(By.id("my-payments")).getText()).contains("线上支付");
            browser.screenshot("phone-my-rent-paid");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }

    @Test
    void financeReadsWhatIsHeldAndTheBalancedStatement() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "yuyang.finance", "Demo@2026");
        d.get(url("/rent/treasury"));
        assertThat(d.findElement(By.id("held")).getText()).contains("榆阳区");
        assertThat(d.findElement(By.id("reconciliation")).getText()).contains("平衡").doesNotContain("不平衡");
        browser.screenshot("treasury-finance");
    }
}
