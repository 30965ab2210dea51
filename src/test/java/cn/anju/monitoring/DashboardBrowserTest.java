package cn.anju.monitoring;

import cn.anju.identity.DemoAccounts;
import cn.anju.support.BrowserTest;
import cn.anju.support.Screens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards as their readers land on them: the city leader on the city's, a district officer on the district's
 * (from the home page, inside the usual frame), an operator's manager on its projects; charts drawn on canvas, no
 * JavaScript error, at 1366 and 390 px.
 */
class DashboardBrowserTest extends BrowserTest {

    private static final Pattern CODES = Pattern.compile("\\b(DAY|MONTH|YEAR|RATIO|COUNT|AMOUNT|BREAKDOWN|YUAN|null)\\b|\\?\\?");

    void look(String name) {
        Screens.look(browser, "monitoring-" + name, CODES, Path.of("target", "screens"));
    }

    void chartsDrawn(WebDriver d) {
        Long canvases = (Long) ((JavascriptExecutor) d).executeScript("return document.querySelectorAll('.mon-chart canvas').length");
        assertThat(canvases).as("charts drawn on canvas").isPositive();
        List<LogEntry> severe = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon.ico")).toList(); // the browser asks for an icon the platform has none of
        assertThat(severe).as("no JavaScript error").isEmpty();
    }

    @Test
    void eachReaderSeesTheirLevelWithChartsAndTheRecordsBehindAProblemList() {
        WebDriver d = browser.driver();
        browser.login(base(), "city.gov", DemoAccounts.PASSWORD);
        d.get(url("/"));
        assertThat(d.findElement(By.id("home-monitoring")).getText()).contains("榆林市公租房运行监测", "入住率");
        d.get(url("/monitoring"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("榆林市公租房运行监测");
        assertThat(d.findElement(By.id("mon-rows")).getText()).contains("榆阳区", "神木市");
        chartsDrawn(d);
        look("city");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/"));
        assertThat(d.findElement(By.id("home-monitoring")).getText()).contains("榆阳区公租房运行监测");
        d.findElement(By.linkText("打开监测平台")).click();
        assertThat(d.findElement(By.id("mon-rows")).getText()).contains("金沙花园公租房").doesNotContain("麟州");
        chartsDrawn(d);
        look("district");
        d.findElement(By.linkText("金沙花园公租房")).click();
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("金沙花园公租房运行监测");
        chartsDrawn(d);
        look("project");
        d.findElement(By.cssSelector(".mon-figure[data-code='WORK_ORDERS_OVERDUE'] a")).click();
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("超期未完工工单数");
        look("records");

        browser.login(base(), "shenmu.op", DemoAccounts.PASSWORD);
        d.get(url("/monitoring"));
        assertThat(d.findElement(By.id("mon-rows")).getText()).contains("麟州公租房").doesNotContain("金沙花园");
        chartsDrawn(d);
        look("operator");
    }
}
