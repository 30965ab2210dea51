package cn.anju.maintenance;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The manager sees the late repair first; the demo tenant follows their own on a phone; the schedules list their next due days. */
class MaintenancePagesBrowserTest extends BrowserTest {

    @Test
    void theManagerSeesLateRepairsAndTheTenantFollowsTheirsOnAPhone() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "anju.manager", "Demo@2026");
        assertThat(d.findElement(By.id("work-items")).getText()).contains("超时的维修工单");
        d.get(url("/work-orders?view=LATE"));
        assertThat(d.findElement(By.id("work-orders")).getText()).contains("电梯停在6楼", "超时");
        assertThat(d.findElement(By.id("on-time")).getText()).contains("维修及时率");
        browser.screenshot("work-orders-late");
        d.get(url("/maintenance/schedules"));
        assertThat(d.findElement(By.id("schedules")).getText()).contains("电梯例行保养");
        browser.screenshot("maintenance-schedules");
        d.get(url("/patrols?view=DONE"));
        assertThat(d.findElement(By.id("coverage")).getText()).contains("巡查覆盖率");
        browser.screenshot("patrols");

        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        try {
            browser.login(base(), "tenant.demo", "Demo@2026");
            d.get(url("/my/repairs"));
            assertThat(d.findElement(By.id("my-repairs")).getText()).contains("5楼楼道灯不亮");
            browser.screenshot("phone-my-repairs");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }
}
