package cn.anju.evaluation;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.excel.Sheets;
import cn.anju.support.BrowserTest;
import cn.anju.support.ContractFixtures;
import cn.anju.support.Pdfs;
import cn.anju.support.WebClient;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.anju.evaluation.EvaluationScreens.look;
import static cn.anju.evaluation.EvaluationScreens.step;
import static cn.anju.evaluation.EvaluationScreens.text;
import static cn.anju.evaluation.EvaluationScreens.type;
import static cn.anju.evaluation.EvaluationScreens.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation pages as their people use them. 榆阳's demo quarter: the list filtered by status, the signed
 * evaluation with the repair figure frozen twice (the objection the district accepted), its drill-down adding up to the
 * denominator, the paid settlement; the evaluator sees figures but no records. A quarter of the test's own walked from
 * opening to payment: computed, scored by the district and the evaluator, sent for review, objected to by the operator
 * and rejected, accepted, signed by a leader who did not score, a deduction, the draft, its PDF and Excel, approval,
 * payment. Roles that may not act see no form and are refused a direct POST. Every page is photographed at 1366 and
 * 390 px into target/screens.
 */
class EvaluationPagesBrowserTest extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    long anju() {
        return jdbc.sql("select id from organisation where name = '榆林安居物业服务有限公司'").query(Long.class).single();
    }

    long contract(String projectOrder) {
        long project = jdbc.sql("select id from project where district_code = '610802' order by name " + projectOrder + " limit 1")
                .query(Long.class).single();
        return ContractFixtures.signed(port, accounts, "610802", anju(), List.of(project), LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30));
    }

    @Test
    void theDemoQuarterReadsFromTheListToTheRecordsAndItsSettlement() {
        WebDriver d = browser.driver();
        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("绩效评价");
        assertThat(text(d, "evaluations")).contains("YY-GM-", "榆阳区", "2026年第1季度", "已定稿").doesNotContain("神木市");
        new Select(d.findElement(By.id("f-status"))).selectByValue("FINAL");
        waiting(d).until(ExpectedConditions.urlContains("status=FINAL"));
        waiting(d).until(x -> x.findElements(By.cssSelector("#evaluations tr.evaluation-row")).stream()
                .allMatch(r -> r.getText().contains("已定稿")));
        look(browser, "list");

        long demo = jdbc.sql("""
                        select e.id from evaluation e join service_contract c on c.id = e.contract_id
                         where e.district_code = '610802' and e.period = '2026Q1' and c.contract_no like 'YY-GM-%' order by e.id limit 1""")
                .query(Long.class).single();
        d.get(url("/evaluations/" + demo));
        assertThat(text(d, "ev-status")).isEqualTo("已定稿");
        assertThat(text(d, "ev-header")).contains("指标体系版本", "第1版", "计算依据摘要");
        assertThat(text(d, "ev-leaves")).contains("决策", "过程", "产出", "效益", "住户总体满意度", "系统计算", "第三方评分");
        var repair = d.findElement(By.cssSelector("tr[data-leaf='REPAIR_ON_TIME']"));
        assertThat(repair.getText()).as("the accepted objection froze the figure again").contains("计算明细（第2版）", "第1版（已重新计算）");
        assertThat(text(d, "objections")).contains("维修及时率", "已采纳");
        assertThat(d.findElements(By.cssSelector("main form"))).as("nothing left for the officer in a settled quarter").isEmpty();
        look(browser, "demo-final");

        browser.click(By.cssSelector("tr[data-leaf='VACANCY'] a.leaf-drill"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("records-total")));
        assertThat(text(d, "rec-title")).isEqualTo("空置率 · 计算明细");
        assertThat(text(d, "records-total")).as("the total line is the denominator")
                .endsWith(text(d, "rec-denominator").replaceAll(" .*", ""));
        assertThat(d.findElements(By.cssSelector("#records tr.record-row"))).isNotEmpty();
        look(browser, "drill-down");

        d.get(url("/evaluations/" + demo));
        browser.click(By.id("ev-settlement"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("st-lines")));
        assertThat(text(d, "st-status")).isEqualTo("已支付");
        assertThat(text(d, "st-lines")).contains("基本服务费", "暂扣质量保证金");
        assertThat(d.findElements(By.cssSelector("main form"))).isEmpty();
        look(browser, "demo-settlement");

        // the evaluator sees the figures, not the records behind them; another operator does not see the quarter at all
        browser.login(base(), "evaluator", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + demo));
        assertThat(d.findElements(By.cssSelector("a.leaf-drill"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("a.menu-item"))).extracting(e -> e.getText()).contains("绩效评价").doesNotContain("服务费结算", "财务报告");
        look(browser, "demo-evaluator");
        assertThat(WebClient.loggedIn(port, "evaluator").get("/evaluations/" + demo + "/leaves/REPAIR_ON_TIME").statusCode()).isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "evaluator").get("/settlements").statusCode()).isEqualTo(403);
        assertThat(WebClient.loggedIn(port, "shenmu.op").get("/evaluations/" + demo).statusCode()).isEqualTo(404);

        // the same page in English: every word from the messages, none left in Chinese but the data
        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + demo + "?lang=en"));
        try {
            assertThat(text(d, "ev-title")).endsWith("Q1 2026");
            assertThat(text(d, "ev-status")).isEqualTo("Final");
            assertThat(text(d, "ev-leaves")).contains("Decision", "Process", "Output", "Benefit", "Computed", "Not applicable");
            look(browser, "demo-final-en");
        } finally {
            d.get(url("/evaluations?lang=zh_CN"));
        }
    }

    @Test
    void aQuarterGoesFromOpeningToPaymentPageByPage() throws Exception {
        long contract = contract("desc");
        String contractNo = jdbc.sql("select contract_no from service_contract where id = ?").param(contract).query(String.class).single();
        WebDriver d = browser.driver();

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations"));
        new Select(d.findElement(By.id("o-contract"))).selectByValue(String.valueOf(contract));
        new Select(d.findElement(By.id("o-period"))).selectByValue("2026Q3");
        step(browser, By.id("o-save"), false, "绩效评价已建立");
        long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/evaluations/([0-9]+).*", "$1"));
        assertThat(text(d, "ev-status")).isEqualTo("待计算");
        assertThat(text(d, "ev-title")).isEqualTo(contractNo + " · 2026年第3季度");
        step(browser, By.id("compute"), false, "已计算并冻结");
        assertThat(text(d, "ev-status")).isEqualTo("评分中");
        assertThat(d.findElement(By.cssSelector("#ev-digest code")).getDomAttribute("data-sha256")).hasSize(64);
        assertThat(d.findElements(By.id("score-SITE_INSPECTION"))).as("the evaluator's leaf is not the district's").isEmpty();
        type(d, "p-MANAGEMENT_SYSTEM", "101");
        type(d, "b-MANAGEMENT_SYSTEM", "制度健全");
        step(browser, By.id("save-MANAGEMENT_SYSTEM"), false, "得分率须在0到100之间");
        assertThat(d.findElement(By.id("ev-error-code")).getDomAttribute("data-code")).isEqualTo("SCORE_INVALID");
        type(d, "p-MANAGEMENT_SYSTEM", "92");
        type(d, "b-MANAGEMENT_SYSTEM", "管理制度健全，人员配备到位。");
        step(browser, By.id("save-MANAGEMENT_SYSTEM"), false, "评分已保存");
        type(d, "p-FINANCIAL_REPORTS", "95");
        type(d, "b-FINANCIAL_REPORTS", "季度财务报告按期报送。");
        step(browser, By.id("save-FINANCIAL_REPORTS"), false, "评分已保存");
        step(browser, By.id("submit-scores"), false, "以下指标尚未评分");
        look(browser, "scoring");

        browser.login(base(), "evaluator", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        assertThat(d.findElements(By.id("score-MANAGEMENT_SYSTEM"))).isEmpty();
        for (String leaf : List.of("SITE_INSPECTION", "SOCIAL_BENEFIT")) {
            type(d, "p-" + leaf, "88");
            type(d, "b-" + leaf, "现场检查与住户座谈。");
            step(browser, By.id("save-" + leaf), false, "评分已保存");
        }
        EvaluationScreens.attachPdf(d, "f-SITE_INSPECTION");
        type(d, "p-SITE_INSPECTION", "86");
        step(browser, By.id("save-SITE_INSPECTION"), false, "评分已保存");
        assertThat(d.findElement(By.cssSelector("tr[data-leaf='SITE_INSPECTION']")).getText()).contains("86%", "附件：anju-evidence");
        look(browser, "evaluator-scoring");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        step(browser, By.id("submit-scores"), false, "评分已提交");
        step(browser, By.id("send-review"), true, "已送承接主体复核");
        assertThat(text(d, "ev-status")).isEqualTo("承接主体复核中");

        // a role that may not act sees no form, and a direct POST is refused
        browser.login(base(), "yuyang.finance", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        assertThat(d.findElements(By.cssSelector("main form"))).isEmpty();
        WebClient finance = WebClient.loggedIn(port, "yuyang.finance");
        assertThat(finance.postForm("/evaluations/" + id + "/submission", Map.of("_csrf", finance.csrfToken())).statusCode()).isEqualTo(403);

        browser.login(base(), "anju.manager", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        new Select(d.findElement(By.id("ob-leaf"))).selectByValue("RESIDENT_SATISFACTION");
        type(d, "ob-reasons", "调查样本未覆盖新入住的住户，请复核。");
        look(browser, "operator-review");
        step(browser, By.id("ob-save"), false, "异议已提出");
        assertThat(text(d, "objections")).contains("住户总体满意度", "待处理", "调查样本未覆盖新入住的住户");

        browser.login(base(), "yuyang.leader", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        assertThat(d.findElements(By.id("sign"))).as("an objection waits").isEmpty();
        assertThat(text(d, "sign-waits")).contains("尚有异议待处理");
        WebClient leader = WebClient.loggedIn(port, "yuyang.leader");
        assertThat(leader.postForm("/evaluations/" + id + "/signature", Map.of("_csrf", leader.csrfToken())).statusCode())
                .as("refused on the page, not signed").isEqualTo(302);
        assertThat(jdbc.sql("select status from evaluation where id = ?").param(id).query(String.class).single()).isEqualTo("OPERATOR_REVIEW");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        long objection = jdbc.sql("select id from evaluation_objection where evaluation_id = ?").param(id).query(Long.class).single();
        type(d, "dec-" + objection, "调查按抽样方案执行，样本覆盖全部楼栋。");
        step(browser, By.id("reject-" + objection), false, "已驳回异议");
        assertThat(text(d, "objections")).contains("未采纳", "调查按抽样方案执行");

        browser.login(base(), "anju.manager", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        step(browser, By.id("accept-result"), true, "已确认评价结果");
        assertThat(text(d, "ev-review-until")).contains("承接主体已确认结果");

        browser.login(base(), "yuyang.leader", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        step(browser, By.id("sign"), true, "绩效评价已定稿");
        assertThat(text(d, "ev-status")).isEqualTo("已定稿");
        String total = text(d, "ev-total");
        assertThat(total).matches("[0-9]+\\.[0-9]{2}");
        look(browser, "signed");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/evaluations/" + id));
        type(d, "dd-item", "未按期提交季度财务报告");
        type(d, "dd-amount", "2,000.00");
        EvaluationScreens.attachPdf(d, "dd-file");
        step(browser, By.id("dd-save"), false, "固定扣款已登记");
        assertThat(text(d, "deduction-table")).contains("未按期提交季度财务报告", "¥2,000.00");
        step(browser, By.id("draft-settlement"), true, "结算单草稿已生成");
        long settlement = Long.parseLong(d.getCurrentUrl().replaceAll(".*/settlements/([0-9]+).*", "$1"));
        assertThat(text(d, "st-status")).isEqualTo("草稿");
        assertThat(text(d, "st-lines")).contains("基本服务费", "固定扣款", "-¥2,000.00");
        assertThat(d.findElements(By.id("approve"))).as("the drafter never approves").isEmpty();
        String amount = text(d, "st-total");
        long totalFen = jdbc.sql("select total_fen from settlement where id = ?").param(settlement).query(Long.class).single();
        assertThat(amount).isEqualTo(cn.anju.shared.Money.fen(totalFen).formatted());
        look(browser, "settlement-draft");

        String pdf = Pdfs.text(fetch(url("/settlements/" + settlement + "/statement.pdf"), d));
        assertThat(pdf).contains("服务费结算单", contractNo, "基本服务费", "固定扣款", amount.replace("¥", ""));
        List<String> cells = new ArrayList<>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(fetch(url("/settlements/" + settlement + "/statement.xlsx"), d)))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell c : row) {
                    cells.add(c.toString());
                }
            }
        }
        assertThat(cells).contains("合同编号", contractNo, "基本服务费", "固定扣款", "-2000.0", String.valueOf(totalFen / 100.0));

        browser.login(base(), "yuyang.leader", DemoAccounts.PASSWORD);
        d.get(url("/settlements/" + settlement));
        step(browser, By.id("approve"), true, "结算单已审批");
        assertThat(text(d, "st-status")).isEqualTo("已审批");
        assertThat(d.findElements(By.id("pay-form"))).as("the finance bureau pays").isEmpty();

        browser.login(base(), "yuyang.finance", DemoAccounts.PASSWORD);
        d.get(url("/settlements"));
        assertThat(text(d, "settlements")).contains(contractNo, "已审批");
        look(browser, "settlements");
        d.get(url("/settlements/" + settlement));
        type(d, "pay-voucher", "PZ-2026Q3-T1");
        step(browser, By.id("pay-save"), false, "支付已登记");
        assertThat(text(d, "st-status")).isEqualTo("已支付");
        assertThat(text(d, "st-voucher")).contains("PZ-2026Q3-T1");
        look(browser, "settlement-paid");
    }

    @Test
    void theOperatorFilesAReportAndTheDistrictReturnsIt() throws Exception {
        long contract = contract("asc");
        String contractNo = jdbc.sql("select contract_no from service_contract where id = ?").param(contract).query(String.class).single();
        WebDriver d = browser.driver();
        browser.login(base(), "anju.manager", DemoAccounts.PASSWORD);
        d.get(url("/financial-reports"));
        assertThat(text(d, "overdue-table")).as("the quarter ended, its report is past due").contains(contractNo, "季度财务报告");
        assertThat(d.findElement(By.id("template-link")).getDomAttribute("href")).isEqualTo("/api/v1/financial-reports/template");
        new Select(d.findElement(By.id("r-contract"))).selectByValue(String.valueOf(contract));
        new Select(d.findElement(By.id("r-period"))).selectByValue("2026Q3");
        byte[] workbook = Sheets.write("财务报告", List.of("项目", "金额（元）或人数"), List.of(List.of("合同收入", "120000.00"),
                List.of("入住和退出管理成本", "18000.00"), List.of("租金收缴和房屋使用管理成本", "16500.00"), List.of("维修养护成本", "45000.00"),
                List.of("综合管理成本", "24000.00"), List.of("在岗人数", "18")));
        d.findElement(By.id("r-file")).sendKeys(EvaluationScreens.file("report.xlsx", workbook).toAbsolutePath().toString());
        look(browser, "reports-operator");
        step(browser, By.id("r-save"), false, "财务报告已报送");
        long report = jdbc.sql("select id from financial_report where contract_id = ?").param(contract).query(Long.class).single();
        assertThat(d.findElement(By.cssSelector("tr[data-report='" + report + "']")).getText())
                .contains(contractNo, "2026年第3季度", "待审核", "¥120,000.00", "¥103,500.00", "18");
        assertThat(d.findElements(By.id("decide-" + report))).as("the operator does not judge its own report").isEmpty();

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/financial-reports"));
        step(browser, By.id("return-" + report), false, "退回财务报告须写明理由");
        type(d, "reason-" + report, "维修养护成本与工单记录不符，请核对后重新报送。");
        look(browser, "reports-district");
        step(browser, By.id("return-" + report), false, "财务报告已退回");
        assertThat(d.findElement(By.cssSelector("tr[data-report='" + report + "']")).getText()).contains("已退回", "维修养护成本与工单记录不符");
        assertThat(d.findElements(By.id("report-form"))).as("the district does not file").isEmpty();
    }
}
