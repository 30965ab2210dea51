package cn.anju.survey;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import cn.anju.support.SurveyFixtures;
import cn.anju.support.WebClient;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 李红梅 (yuyang.gov) writes a questionnaire on the builder page, publishes it, sets up a wave on 榆阳区's busiest
 * project and opens it; prints the door-to-door sheets; households answer through their links (one on a phone); she
 * closes the wave and reads the results, small groups suppressed, and exports the anonymised answers. The tenant sees
 * an open survey on the home page. Every page is checked at 1366 and 390 px and photographed to /tmp/survey-*.png.
 */
class SurveyPagesBrowserTest extends BrowserTest {

    private static final String OVERALL = "您对住房运营服务的总体满意程度";
    private static final String REPAIRS = "您对报修处理的满意程度";

    @Autowired
    JdbcClient jdbc;

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    private void look(String name) {
        SurveyScreens.look(browser, name);
    }

    private void shoot(String name) {
        SurveyScreens.shoot(browser, name);
    }

    private static WebElement row(WebDriver d, int n) {
        return d.findElements(By.cssSelector("#sv-questions .sv-question")).get(n - 1);
    }

    private static void question(WebElement row, String kind, String text, String indicator) {
        new Select(row.findElement(By.name("kind"))).selectByValue(kind);
        row.findElement(By.name("text")).clear();
        row.findElement(By.name("text")).sendKeys(text);
        if (indicator != null) {
            new Select(row.findElement(By.name("indicator"))).selectByValue(indicator);
        }
    }

    private void confirmAndWait(WebDriver d, By button, String text) {
        browser.click(button);
        wait(d).until(ExpectedConditions.alertIsPresent()).accept();
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    @Test
    void anOfficerWritesAQuestionnaireRunsAWaveAndReadsItsResults() throws IOException {
        WebDriver d = browser.driver();
        browser.login(base(), "yuyang.gov", "Demo@2026");
        d.get(url("/surveys"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("满意度调查");
        browser.click(By.id("new-questionnaire"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("q-title")));
        d.findElement(By.id("q-title")).sendKeys("住户满意度问卷（页面）");
        question(row(d, 1), "RATING", OVERALL, "SAT_OVERALL");
        for (int i = 0; i < 3; i++) {
            browser.click(By.id("sv-add"));
        }
        question(row(d, 2), "CHOICE", "您最常用的缴租方式", null);
        assertThat(row(d, 2).findElement(By.name("options")).isDisplayed()).as("a choice shows its options").isTrue();
        assertThat(row(d, 2).findElement(By.name("indicator")).isDisplayed()).as("a choice has no indicator").isFalse();
        row(d, 2).findElement(By.name("options")).sendKeys("线上缴费\n服务窗口\n银行代扣");
        question(row(d, 3), "TEXT", "您对我们的意见和建议", null);
        question(row(d, 4), "RATING", " ", "SAT_REPAIRS"); // blank text: refused
        assertThat(row(d, 4).findElement(By.className("sv-number")).getText()).isEqualTo("第4题");
        look("builder-new");
        browser.click(By.id("q-save"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(d.findElement(By.cssSelector(".alert-danger")).getText()).isEqualTo("第 4 题的题目须为 1 至 200 个字。");
        assertThat(d.findElements(By.cssSelector("#sv-questions .sv-question"))).as("what was typed is kept").hasSize(4);
        assertThat(row(d, 2).findElement(By.name("options")).getAttribute("value")).isEqualTo("线上缴费\n服务窗口\n银行代扣");
        look("builder-refused");
        row(d, 4).findElement(By.name("text")).sendKeys(REPAIRS);
        browser.click(By.id("q-save"));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "问卷草稿已保存"));
        assertThat(d.findElement(By.id("q-status")).getText()).isEqualTo("草稿");
        confirmAndWait(d, By.id("q-publish"), "问卷已保存并发布");
        assertThat(d.findElement(By.id("q-status")).getText()).isEqualTo("已发布");
        assertThat(d.findElement(By.id("q-version")).getText()).isEqualTo("第1版");
        assertThat(d.findElement(By.id("questions-view")).getText()).contains(OVERALL, "线上缴费 ／ 服务窗口 ／ 银行代扣", "报修");
        assertThat(d.findElement(By.id("q-revise")).getText()).isEqualTo("修改（生成新版本）");
        look("questionnaire");
        String questionnaire = d.getCurrentUrl();

        long project = SurveyFixtures.busiestProjects(jdbc, "610802", 1).getFirst();
        browser.click(By.id("q-new-wave"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("wave-form")));
        assertThat(d.findElement(By.id("wave-district")).getAttribute("value")).isEqualTo("榆阳区");
        d.findElement(By.id("wave-title")).sendKeys("榆阳区住户满意度调查（页面）");
        browser.click(By.id("project-" + project));
        look("wave-new");
        browser.click(By.id("wave-save"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("wave-status")));
        assertThat(d.findElement(By.id("wave-status")).getText()).isEqualTo("准备中");
        long wave = Long.parseLong(d.getCurrentUrl().replaceAll(".*/surveys/waves/([0-9]+).*", "$1"));
        confirmAndWait(d, By.id("wave-open"), "调查已开始");
        int sent = jdbc.sql("select count(*) from survey_token where wave_id = ?").param(wave).query(Integer.class).single();
        assertThat(sent).as("households holding a lease in the project").isGreaterThanOrEqualTo(5);
        assertThat(d.findElement(By.tagName("main")).getText()).contains("已向 " + sent + " 户发送问卷链接");
        assertThat(d.findElement(By.id("wave-sent")).getText()).isEqualTo(String.valueOf(sent));
        assertThat(d.findElement(By.id("wave-answered")).getText()).isEqualTo("0");
        look("wave-open");

        browser.click(By.id("wave-sheets"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("sheets")));
        assertThat(d.findElements(By.cssSelector("#sheets svg"))).as("one QR code per household").hasSize(sent);
        List<String> links = d.findElements(By.cssSelector("#sheets .sv-sheet-link")).stream().map(WebElement::getText).toList();
        assertThat(d.findElement(By.id("sheets")).getText()).contains("微信或手机浏览器扫码", "请于 ");
        look("sheets");
        HasCdp cdp = (HasCdp) d;
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(d.findElement(By.className("topbar")).isDisplayed()).as("printed without the frame").isFalse();
            shoot("sheets-print");
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        d.get(url("/surveys/waves/" + wave + "/results"));
        assertThat(d.findElement(By.id("results-pending")).getText()).startsWith("调查结束后显示结果");
        assertThat(d.findElements(By.className("sv-chart"))).isEmpty();

        // one household answers on a phone, four more through their links
        browser.size(Browser.PHONE);
        try {
            d.get(url(URI.create(links.getFirst()).getPath()));
            browser.click(By.cssSelector("input[name='q_SAT_OVERALL'][value='4']"));
            browser.click(By.cssSelector("input[name='q_SAT_REPAIRS'][value='2']"));
            browser.click(By.cssSelector("input[name='q_Q2'][value='服务窗口']"));
            d.findElement(By.name("q_Q3")).sendKeys("楼道灯坏了很久，请尽快维修");
            assertThat(SurveyScreens.overflow(d)).as("the answer page at 390 px").isLessThanOrEqualTo(0L);
            shoot("answer-filled-390");
            browser.click(By.cssSelector("#survey-form button[type=submit]"));
            wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "提交成功"));
        } finally {
            browser.size(Browser.DESKTOP);
        }
        for (String link : links.subList(1, 5)) {
            String path = URI.create(link).getPath();
            WebClient household = new WebClient(port);
            var answered = household.postForm(path, Map.of("_csrf", household.csrfTokenFrom(path), "q_SAT_OVERALL", "5"));
            assertThat(answered.statusCode()).isEqualTo(302);
        }
        d.get(url("/surveys/waves/" + wave + "/sheets"));
        assertThat(d.findElements(By.cssSelector("#sheets svg"))).as("answered households drop off the sheets").hasSize(sent - 5);
        d.get(url("/surveys/waves/" + wave));
        assertThat(d.findElement(By.id("wave-answered")).getText()).isEqualTo("5");

        confirmAndWait(d, By.id("wave-close"), "调查已结束");
        assertThat(d.findElement(By.id("wave-status")).getText()).isEqualTo("已结束");
        browser.click(By.id("wave-results"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("response-rate")));
        assertThat(d.findElement(By.id("response-count")).getText()).isEqualTo("已答 5 / 已发 " + sent + " 户");
        assertThat(d.findElement(By.id("response-rate")).getText()).endsWith("%");
        List<WebElement> ratings = d.findElements(By.className("sv-rating"));
        assertThat(ratings.getFirst().getText()).contains(OVERALL, "均值", "4.80", "满意率", "100.0%", "95%置信区间", "作答数");
        assertThat(ratings.get(1).getText()).as("one answer to the repairs question").contains(REPAIRS, "不足5份，不予显示")
                .doesNotContain("均值");
        wait(d).until(x -> !ratings.getFirst().findElements(By.cssSelector(".sv-chart svg")).isEmpty());
        assertThat(d.findElement(By.className("sv-comments")).getText()).contains("不足5份，不予显示").doesNotContain("楼道灯");
        assertThat(d.findElement(By.className("sv-choice")).getText()).contains("不足5份，不予显示");
        look("results");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(fetch(url("/surveys/waves/" + wave + "/results.xlsx"), d)))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(text.formatCellValue(c)));
            assertThat(headers).containsExactly(OVERALL, "您最常用的缴租方式（不足5份，不予导出）", "您对我们的意见和建议（不足5份，不予导出）",
                    REPAIRS + "（不足5份，不予导出）");
            List<String> overall = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                overall.add(text.formatCellValue(row.getCell(0)));
                assertThat(row.getLastCellNum()).as("nothing but the shown column").isLessThanOrEqualTo((short) 4);
                for (int c = 1; c < 4; c++) {
                    assertThat(row.getCell(c) == null ? "" : text.formatCellValue(row.getCell(c))).isEmpty();
                }
            }
            assertThat(overall).as("one row per answer, in stored order").containsExactlyInAnyOrder("4", "5", "5", "5", "5");
        }
        // the published version stays; editing it drafts the next one
        d.get(questionnaire);
        browser.click(By.id("q-revise"));
        wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("questionnaire-form")));
        assertThat(d.findElement(By.tagName("main")).getText()).contains("保存后生成新版本的草稿");
        browser.click(By.id("q-save"));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已保存为新版本的草稿"));
        assertThat(d.findElement(By.id("q-version")).getText()).isEqualTo("第2版");
        d.get(questionnaire);
        assertThat(d.findElement(By.tagName("main")).getText()).contains("已有新版本：", "第2版");
        assertThat(d.findElements(By.id("q-revise"))).isEmpty();

        d.get(url("/surveys"));
        assertThat(d.findElement(By.id("survey-waves")).getText()).contains("榆阳区住户满意度调查（页面）", "5 / " + sent);
        assertThat(d.findElement(By.id("questionnaires")).getText()).contains("住户满意度问卷（页面）", "第1版", "已发布");
        look("list");
    }

    @Test
    void theTenantSeesAnOpenSurveyOnTheHomePageAndAReaderSeesTheList() {
        var lease = jdbc.sql("""
                        select l.household_id, l.project_id from lease l join app_user u on u.household_id = l.household_id
                         where u.username = 'tenant.demo' and l.status = 'ACTIVE' order by l.id limit 1""")
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        SurveyFixtures.openWave(port, "yuyang.gov", "610802", List.of(lease[1]));
        WebDriver d = browser.driver();
        browser.login(base(), "tenant.demo", "Demo@2026");
        d.get(url("/"));
        WebElement panel = d.findElement(By.id("home-surveys"));
        assertThat(panel.getText()).contains("请参加满意度调查", "测试调查", "政府部门组织", "去填写");
        look("tenant-home");
        browser.size(Browser.PHONE);
        try {
            // the demo's open evaluator survey is listed too: follow the link of ours
            WebElement ours = d.findElements(By.cssSelector("#home-surveys .sv-pending")).stream()
                    .filter(e -> e.getText().contains("测试调查")).findFirst().orElseThrow();
            d.get(ours.findElement(By.cssSelector("a.sv-answer")).getDomAttribute("href").startsWith("http")
                    ? ours.findElement(By.cssSelector("a.sv-answer")).getDomAttribute("href")
                    : url(ours.findElement(By.cssSelector("a.sv-answer")).getDomAttribute("href")));
            wait(d).until(ExpectedConditions.presenceOfElementLocated(By.id("survey-form")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("测试调查");
        } finally {
            browser.size(Browser.DESKTOP);
        }
        look("answer");

        // the city picks the district; its projects come in without a reload
        String shenmu = jdbc.sql("select name from project where district_code = '610881' order by name limit 1").query(String.class).single();
        browser.login(base(), "city.gov", "Demo@2026");
        d.get(url("/surveys/waves/new"));
        new Select(d.findElement(By.id("wave-district"))).selectByValue("610881");
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("wave-projects"), shenmu));
        look("wave-new-city");

        browser.login(base(), "yuyang.finance", "Demo@2026");
        d.get(url("/surveys"));
        assertThat(d.findElement(By.id("survey-waves")).getText()).contains("测试调查", "进行中");
        assertThat(d.findElements(By.id("new-wave"))).as("finance reads, it does not organise").isEmpty();
        look("list-reader");
    }

    /** Who the menu offers the page to opens it; organisers also get the set-up; the others are refused. */
    @Test
    void readersOpenTheListOrganisersTheSetUpOthersAreRefused() {
        for (String reader : List.of("city.gov", "hengshan.gov", "yuyang.finance", "anju.manager", "shenmu.op", "evaluator")) {
            WebClient client = WebClient.loggedIn(port, reader);
            var list = client.get("/surveys");
            assertThat(list.statusCode()).as(reader).isEqualTo(200);
            assertThat(list.body()).as(reader).contains("满意度调查");
            assertThat(client.get("/surveys/waves/new").statusCode()).as(reader + " set-up").isEqualTo(reader.equals("yuyang.finance") ? 403 : 200);
            assertThat(client.get("/surveys/questionnaires/new").statusCode()).as(reader + " builder").isEqualTo(reader.equals("yuyang.finance") ? 403 : 200);
        }
        for (String other : List.of("anju.staff", "tenant.demo", "admin")) {
            assertThat(WebClient.loggedIn(port, other).get("/surveys").statusCode()).as(other).isEqualTo(403);
        }
    }
}
