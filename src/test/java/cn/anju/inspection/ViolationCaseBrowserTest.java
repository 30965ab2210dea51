package cn.anju.inspection;

import cn.anju.support.BrowserTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The district officer opens a reported case from the home page's work list, reads the evidence and decides. */
class ViolationCaseBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerDecidesAReportedCaseOnItsPage() {
        // a reported 榆阳 case with evidence (the demo has one)
        long id = jdbc.sql("""
                        select c.id from violation_case c where c.district_code = '610802' and c.state = 'REPORTED'
                           and exists (select 1 from violation_evidence e where e.case_id = c.id) order by c.id limit 1""")
                .query(Long.class).single();
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "yuyang.gov", "Demo@2026");
        assertThat(d.findElement(By.id("work-items")).getText()).contains("待审查决定的违规案件");
        d.get(url("/cases?state=REPORTED"));
        assertThat(d.findElement(By.id("cases")).getText()).contains("已上报");
        browser.screenshot("cases-list");
        d.get(url("/cases/" + id));
        assertThat(d.findElement(By.id("case-evidence")).getText()).contains("SHA-256");
        new Select(d.findElement(By.cssSelector("#decision-form select[name=decision]"))).selectByValue("RECTIFY");
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]",
                d.findElement(By.cssSelector("#decision-form input[name=rectifyBy]")), TestClock.today().plusDays(30).toString());
        d.findElement(By.cssSelector("#decision-form input[name=reason]")).sendKeys("经核查属实，责令30日内恢复原状");
        browser.screenshot("case-decide");
        browser.click(By.cssSelector("#decision-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(By.id("case-state")).getText().equals("已决定"));
        assertThat(d.findElement(By.id("case-decision")).getText()).contains("责令整改", "经核查属实");
        assertThat(d.findElement(By.id("case-history")).getText()).contains("受理审查", "责令整改");
        browser.screenshot("case-decided");

        // the household page: the decision in the resident file, rent and notices beside it
        long household = jdbc.sql("select household_id from violation_case where id = ?").param(id).query(Long.class).single();
        d.get(url("/households/" + household));
        new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("household-rent")));
        ((JavascriptExecutor) d).executeScript("document.getElementById('rent-part').scrollIntoView()");
        assertThat(d.findElement(By.id("household-rent")).getText()).contains("租金");
        browser.screenshot("household-rent");
        new WebDriverWait(d, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(By.id("resident-file")).getText().contains("违规处理决定"));
    }
}
