package cn.anju.disclosure;

import cn.anju.identity.DemoAccounts;
import cn.anju.support.BrowserTest;
import cn.anju.support.Screens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district's 信息公开 pages: the late items first, an officer who may not review sees why, a leader reviews and
 * publishes, then withdraws with a reason; every page at 1366 and 390 px.
 */
class DisclosurePagesBrowserTest extends BrowserTest {

    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(DisclosureType.values(), DisclosureStatus.values())
            .flatMap(Stream::of).map(Enum::name).toList()) + "|null)\\b|\\?\\?");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Disclosures disclosures;

    void look(String name) {
        Screens.look(browser, "disclosure-" + name, CODES, Path.of("target", "screens"));
    }

    @Test
    void aLeaderReviewsAndPublishesWhatAnOfficerMayOnlyRead() {
        WebDriver d = browser.driver();
        // 神木's earlier quarter: drafted by the platform, waiting for review (no other test acts on it)
        long evaluation = jdbc.sql("""
                        select id from disclosure_item where district_code = '610881' and type = 'EVALUATION' and status = 'DRAFT'
                         order by final_on, id limit 1""").query(Long.class).single();
        assertThat(disclosures.draft(new DisclosureDraft(DisclosureType.SELECTION_RESULT, -610881L, "610881", "神木市2026年第一批公租房配租结果",
                java.time.LocalDate.of(2026, 11, 2), java.util.Map.of("note", "页面测试")))).isTrue();
        long draft = jdbc.sql("select id from disclosure_item where type = 'SELECTION_RESULT' and source_id = -610881").query(Long.class).single();
        browser.login(base(), "shenmu.gov", DemoAccounts.PASSWORD);
        d.get(url("/disclosures"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("信息公开");
        assertThat(d.findElement(By.id("disclosures")).getText()).contains("绩效评价结果", "服务合同", "神木市").doesNotContain("榆阳区");
        look("list");
        d.get(url("/disclosures/" + evaluation));
        assertThat(d.findElement(By.id("dc-waits")).getText()).contains("分管领导");
        assertThat(d.findElements(By.id("publish"))).isEmpty();
        assertThat(d.findElement(By.id("dc-leaves")).getText()).contains("住户总体满意度");
        look("officer");

        browser.login(base(), "shenmu.leader", DemoAccounts.PASSWORD);
        d.get(url("/disclosures/" + draft));
        d.findElement(By.id("publish")).click();
        assertThat(d.findElement(By.id("dc-status")).getText()).isEqualTo("已公开");
        assertThat(d.findElement(By.id("dc-changes")).getText()).contains("公开（第1版）");
        d.findElement(By.id("reason")).sendKeys("评价期间表述有误");
        d.findElement(By.id("withdraw")).click();
        assertThat(d.findElement(By.id("dc-status")).getText()).isEqualTo("已撤回");
        assertThat(d.findElement(By.id("dc-changes")).getText()).contains("撤回（第1版）", "评价期间表述有误");
        look("withdrawn");
    }
}
