package cn.anju.inspection;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The occupant check and the idle list as the operator reads them; a visit on a phone; the tenant's notification page. */
class FieldPagesBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOperatorFollowsTheOccupantCheckAndTheIdleList() {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.login(base(), "anju.manager", "Demo@2026");
        d.get(url("/verifications"));
        assertThat(d.findElement(By.id("campaigns")).getText()).contains("年度入户核查");
        browser.screenshot("verifications");
        long campaign = jdbc.sql("select id from verification_campaign where district_code = '610803' order by id limit 1").query(Long.class).single();
        d.get(url("/verifications/" + campaign));
        assertThat(d.findElement(By.id("visits")).getText()).contains("实际居住人不符", "相符", "待核查");
        browser.screenshot("verification-visits");
        d.get(url("/idle-units"));
        assertThat(d.findElement(By.id("idle-units")).getText()).contains("610802-", "登记违规");
        browser.screenshot("idle-units");

        long pending = jdbc.sql("select id from verification_visit where campaign_id = ? and outcome is null order by id limit 1").param(campaign)
                .query(Long.class).single();
        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        try {
            browser.login(base(), "anju.staff", "Demo@2026");
            d.get(url("/verifications/visits/" + pending));
            assertThat(d.findElement(By.id("visit-form")).getText()).contains("户主及家庭成员在住", "拒绝核查");
            browser.screenshot("phone-verification-visit");
            d.manage().deleteAllCookies();
            browser.login(base(), "tenant.demo", "Demo@2026");
            d.get(url("/my/contacts"));
            assertThat(d.findElement(By.id("contacts-form")).getText()).contains("电子邮箱", "微信");
            browser.screenshot("phone-my-contacts");
        } finally {
            browser.size(Browser.DESKTOP);
        }
    }
}
