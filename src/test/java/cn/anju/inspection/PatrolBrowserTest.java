package cn.anju.inspection;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** An inspector on a phone walks a patrol: ticks the checklist, photographs what is wrong, and makes a work order of it. */
class PatrolBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PatrolPlans plans;

    @Test
    void anInspectorRecordsAPatrolWithAPhotoOnAPhone() throws Exception {
        long project = jdbc.sql("select id from project where district_code = '610802' order by id limit 1").query(Long.class).single();
        long manager = jdbc.sql("select id from app_user where username = 'anju.manager'").query(Long.class).single();
        long plan = jdbc.sql("""
                        insert into patrol_plan (district_code, project_id, name, every_days, checklist, first_due_on, next_due_on, created_by, created_at)
                        values ('610802', ?, '手机巡查演示', 7, array['单元门禁', '楼道照明', '消防通道'], ?, ?, ?, now()) returning id""")
                .params(project, TestClock.today(), TestClock.today(), manager)
                .query(Long.class).single();
        plans.run();
        long task = jdbc.sql("select id from patrol_task where plan_id = ?").param(plan).query(Long.class).single();
        Path photo = Files.createTempFile("patrol", ".png");
        Files.write(photo, ViolationCaseTest.photo(11));

        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.size(Browser.PHONE);
        browser.login(base(), "anju.staff", "Demo@2026");
        d.get(url("/patrols"));
        assertThat(d.findElement(By.id("patrol-tasks")).getText()).contains("手机巡查演示");
        d.get(url("/patrols/" + task));
        browser.click(By.cssSelector("label[for='fail_2']"));
        d.findElement(By.name("note_2")).sendKeys("3楼楼道灯不亮");
        d.findElement(By.name("photo_2")).sendKeys(photo.toAbsolutePath().toString());
        browser.screenshot("phone-patrol-form");
        browser.click(By.cssSelector("#patrol-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("patrol-results")));
        assertThat(d.findElement(By.id("task-state")).getText()).isEqualTo("已完成");
        assertThat(d.findElement(By.id("patrol-results")).getText()).contains("楼道照明", "不合格", "3楼楼道灯不亮", "patrol");
        browser.screenshot("phone-patrol-done");
        browser.click(By.cssSelector("form.to-order button[type=submit]"));
        // the page reloads after the post: an element read from the old page may go stale while we wait
        new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(x -> x.findElement(By.id("patrol-results")).getText().contains("已生成维修工单"));
        long order = jdbc.sql("select work_order_id from patrol_item_result where task_id = ? and item_no = 2").param(task).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from work_order_attachment where work_order_id = ?").param(order).query(Long.class).single()).isEqualTo(1);
        browser.size(Browser.DESKTOP);
    }
}
