package cn.anju.contract;

import cn.anju.identity.DemoAccounts;
import cn.anju.identity.TestAccounts;
import cn.anju.shared.Role;
import cn.anju.support.BrowserTest;
import cn.anju.support.ContractFixtures;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase of 榆阳区 walked through the pages as the district does it: 李红梅 (yuyang.gov) records the procurement, 赵丽娟
 * (yuyang.finance) approves its budget with the bureau's PDF, the officer announces, awards to an operator of the test's
 * own, drafts the contract over one project and signs it with its PDF, whose SHA-256 the contract then shows. The
 * operator's manager reads its contracts without a form; the city sees every district side by side. A termination asked
 * on the page waits for a leader other than the asker. Every page fits 1366 and 390 px (only tables scroll, inside their
 * card), shows no enum code or missing message, and is photographed to /tmp/contract-*.png for a person to look at.
 */
class ContractPagesBrowserTest extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    private void submitAndWait(WebDriver d, String button, String notice) {
        browser.click(By.id(button));
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), notice));
    }

    private static void type(WebDriver d, String id, String value) {
        WebElement field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void aDistrictBuysOperationServicesPageByPage() throws Exception {
        long operator = ContractFixtures.operator(accounts, "页面测试物业");
        String operatorName = jdbc.sql("select name from organisation where id = ?").param(operator).query(String.class).single();
        var project = jdbc.sql("select id, name from project where district_code = '610802' order by name limit 1")
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        int year = TestClock.today().getYear() + 1;
        String title = "榆阳区公租房运营管理服务（页面测试）" + UUID.randomUUID().toString().substring(0, 4);
        WebDriver d = browser.driver();

        // the officer records the purchase
        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/procurements"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("采购项目");
        assertThat(text(d, "procurements")).contains("榆阳区", "已签订合同");
        assertThat(text(d, "procurements")).as("another district's purchase").doesNotContain("府谷县");
        assertThat(d.findElement(By.id("p-district")).getAttribute("value")).isEqualTo("榆阳区");
        type(d, "p-year", String.valueOf(year));
        type(d, "p-title", title);
        type(d, "p-unit", "榆阳区住房和城乡建设局");
        type(d, "p-proposed", "1,234,567.89");
        new Select(d.findElement(By.id("p-method"))).selectByValue("SINGLE_SOURCE");
        assertThat(d.findElement(By.id("p-reason")).isDisplayed()).as("single source asks its reason").isTrue();
        new Select(d.findElement(By.id("p-method"))).selectByValue("COMPETITIVE_CONSULTATION");
        assertThat(d.findElement(By.id("p-reason")).isDisplayed()).isFalse();
        ContractScreens.look(browser, "procurements");
        submitAndWait(d, "p-save", "采购项目已建立");
        long procurement = Long.parseLong(d.getCurrentUrl().replaceAll(".*/procurements/([0-9]+).*", "$1"));
        assertThat(text(d, "procurement-status")).isEqualTo("编制中");
        assertThat(text(d, "procurement-method")).isEqualTo("竞争性磋商");
        assertThat(text(d, "proposed-budget")).isEqualTo("¥1,234,567.89");
        var last = jdbc.sql("""
                        select e.period, e.score from contract_ledger_entry e join service_contract c on c.id = e.contract_id
                         where c.district_code = '610802' and e.kind = 'SETTLED' and e.score is not null
                         order by e.year desc, e.period desc, e.id desc limit 1""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString()}).optional();
        assertThat(text(d, "last-result")).as("next year's budget beside the last result")
                .contains(last.map(r -> r[1]).orElse("尚无考核结果")).contains(last.map(r -> r[0]).orElse(""));
        assertThat(d.findElements(By.id("budget-form"))).as("the finance bureau approves the budget").isEmpty();
        assertThat(d.findElements(By.id("announce-form"))).as("no notice before the budget").isEmpty();
        ContractScreens.look(browser, "procurement-new");

        // the finance bureau approves the budget with its document
        browser.login(base(), "yuyang.finance", DemoAccounts.PASSWORD);
        d.get(url("/procurements/" + procurement));
        assertThat(d.findElement(By.id("b-year")).getAttribute("value")).isEqualTo(String.valueOf(year));
        assertThat(d.findElement(By.id("b-by")).getAttribute("value")).isEqualTo("榆阳区财政局");
        type(d, "b-amount", "1800000");
        type(d, "b-no", "榆财预〔" + year + "〕88号");
        ContractScreens.attach(d, "b-file", ContractScreens.pdf("budget"));
        ContractScreens.look(browser, "procurement-budget-form");
        submitAndWait(d, "b-save", "预算批复已登记");
        assertThat(text(d, "procurement-status")).isEqualTo("预算已批复");
        WebElement budget = d.findElement(By.cssSelector("#procurement-steps .step-budget"));
        assertThat(budget.getText()).contains(year + "年度预算批复", "¥1,800,000.00", "榆财预〔" + year + "〕88号", "榆阳区财政局");
        assertThat(budget.findElement(By.cssSelector("code.sha")).getDomAttribute("data-sha256")).isEqualTo(ContractScreens.sha256(ContractFixtures.PDF));
        assertThat(d.findElements(By.id("announce-form"))).as("finance does not announce").isEmpty();
        assertThat(d.findElement(By.id("b-year")).getAttribute("value")).as("the next year to approve").isEqualTo(String.valueOf(year + 1));

        // the officer announces, awards and drafts the contract
        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/procurements/" + procurement));
        ContractScreens.attach(d, "a-file", ContractScreens.pdf("notice"));
        submitAndWait(d, "a-save", "采购公告已登记");
        assertThat(text(d, "procurement-status")).isEqualTo("已公告");
        new Select(d.findElement(By.id("w-winner"))).selectByValue(String.valueOf(operator));
        type(d, "w-bidders", operatorName + "\n陕西恒泰物业管理有限公司");
        ContractScreens.attach(d, "w-file", ContractScreens.pdf("award"));
        ContractScreens.look(browser, "procurement-award-form");
        submitAndWait(d, "w-save", "中标（成交）结果已登记");
        assertThat(text(d, "procurement-status")).isEqualTo("已确定承接主体");
        assertThat(text(d, "procurement-winner")).isEqualTo(operatorName);
        assertThat(text(d, "step-award")).contains(operatorName, "陕西恒泰物业管理有限公司");
        ContractScreens.look(browser, "procurement-awarded");
        browser.click(By.id("draft-contract"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("contract-form")));
        assertThat(text(d, "contract-operator")).isEqualTo(operatorName);
        String contractNo = "YY-GM-" + year + "-T" + UUID.randomUUID().toString().substring(0, 4);
        type(d, "c-no", contractNo);
        assertThat(d.findElement(By.id("c-projects")).isDisplayed()).as("the whole district by default").isFalse();
        browser.click(By.id("c-some"));
        browser.click(By.id("project-" + project[0]));
        type(d, "c-rate-1", "35");
        type(d, "c-rate-2", "45.505");
        type(d, "c-rate-other", "40");
        type(d, "c-deductions", "未按期提交季度财务报告,2000");
        type(d, "c-targets", "绩效指标体系（见考核办法附件）");
        browser.click(By.id("c-save"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(d.findElement(By.cssSelector(".alert-danger")).getText()).isEqualTo("两室一厅的每套每月单价请填写金额（元），最多两位小数，例如 1234.56。");
        assertThat(d.findElement(By.id("c-no")).getAttribute("value")).as("what was typed is kept").isEqualTo(contractNo);
        assertThat(d.findElement(By.id("project-" + project[0])).isSelected()).isTrue();
        type(d, "c-rate-2", "45.50");
        ContractScreens.look(browser, "contract-new");
        submitAndWait(d, "c-save", "合同草稿已保存");
        long contract = Long.parseLong(d.getCurrentUrl().replaceAll(".*/contracts/([0-9]+).*", "$1"));
        assertThat(text(d, "contract-status")).isEqualTo("草拟中");
        assertThat(text(d, "contract-terms")).contains("一室一厅 ¥35.00/套·月；两室一厅 ¥45.50/套·月；其他 ¥40.00/套·月", "按季支付",
                "5%", "考核得分达到90分全额支付", "未按期提交季度财务报告 ¥2,000.00");
        assertThat(text(d, "contract-projects")).contains((String) project[1]);
        assertThat(d.findElements(By.id("amend-form"))).as("a draft is signed, not amended").isEmpty();

        // signing keeps the PDF's digest
        ContractScreens.attach(d, "s-file", ContractScreens.pdf("signed"));
        submitAndWait(d, "s-save", "合同已签订");
        assertThat(text(d, "contract-status")).isEqualTo("已签订");
        assertThat(text(d, "contract-sha")).isEqualTo(ContractScreens.sha256(ContractFixtures.PDF));
        assertThat(text(d, "contract-period")).isEqualTo(year + "-01-01 ～ " + year + "-12-31");
        assertThat(text(d, "budget-use")).contains(String.valueOf(year), "¥1,800,000.00");
        assertThat(d.findElement(By.id("amend-form")).isDisplayed()).isTrue();
        assertThat(d.findElement(By.id("terminate-form")).isDisplayed()).isTrue();
        ContractScreens.look(browser, "contract-signed");

        // a 补充协议 adds a project from mid-year and turns the fee into a lump sum
        var added = jdbc.sql("select id, name from project where district_code = '610802' and id <> ? order by name limit 1").param(project[0])
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        type(d, "am-reason", "新增项目交付使用，纳入服务范围");
        browser.click(By.id("add-" + added[0]));
        ContractScreens.attach(d, "am-file", ContractScreens.pdf("amendment"));
        browser.click(By.id("am-save"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(d.findElement(By.cssSelector(".alert-danger")).getText()).as("today is before the term")
                .startsWith("补充协议的生效日期须在合同期限内");
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("am-on")), year + "-07-01");
        type(d, "am-reason", "新增项目交付使用，纳入服务范围");
        browser.click(By.id("add-" + added[0]));
        assertThat(d.findElement(By.id("am-lump")).isDisplayed()).isFalse();
        browser.click(By.id("am-fees"));
        new Select(d.findElement(By.id("am-fee-kind"))).selectByValue("LUMP_SUM");
        assertThat(d.findElement(By.id("am-rate-1")).isDisplayed()).isFalse();
        type(d, "am-lump", "1800000");
        ContractScreens.attach(d, "am-file", ContractScreens.pdf("amendment"));
        ContractScreens.look(browser, "contract-amend-form");
        submitAndWait(d, "am-save", "补充协议已签订（第1号）");
        assertThat(text(d, "contract-amendments")).contains("第1号", year + "-07-01", "增加项目：" + added[1],
                "费用变更：", "包干总价（按季支付）： ¥1,800,000.00/年");
        assertThat(text(d, "contract-projects")).contains((String) added[1], year + "-07-01");
        assertThat(text(d, "fees-today")).as("the new fee applies from mid-year").contains("按在管套数每月计费");
        d.get(url("/procurements/" + procurement));
        assertThat(text(d, "procurement-status")).isEqualTo("已签订合同");
        assertThat(text(d, "step-contract")).contains(contractNo, "已签订");
        d.get(url("/contracts"));
        assertThat(text(d, "contracts")).contains(contractNo, operatorName);

        // the operator's manager reads its own contracts, and nothing to act on
        browser.login(base(), "anju.manager", DemoAccounts.PASSWORD);
        d.get(url("/contracts"));
        assertThat(text(d, "contracts")).contains("YY-GM-", "HS-GM-", "榆阳区", "横山区").doesNotContain(contractNo, "SM-GM-");
        ContractScreens.look(browser, "contracts-operator");
        d.findElements(By.cssSelector("#contracts a")).getFirst().click();
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("contract-terms")));
        assertThat(d.findElements(By.cssSelector("main form"))).as("read only").isEmpty();
        assertThat(d.findElements(By.cssSelector("main a[href^='/procurements']"))).as("no procurement pages for an operator").isEmpty();
        ContractScreens.look(browser, "contract-operator");

        // the city sees every district side by side
        browser.login(base(), "city.gov", DemoAccounts.PASSWORD);
        d.get(url("/contracts"));
        List<WebElement> groups = d.findElements(By.cssSelector("#contracts tbody.district-group"));
        assertThat(groups).hasSize(12);
        assertThat(text(d, "contracts")).contains("榆阳区", "横山区", "神木市", "府谷县", "尚无服务合同", contractNo);
        assertThat(d.findElement(By.cssSelector("tbody[data-district='610881']")).getText()).contains("SM-GM-", "履行中");
        assertThat(text(d, "contracts-total")).startsWith("全市合计");
        ContractScreens.look(browser, "contracts-city");
        d.get(url("/procurements"));
        assertThat(text(d, "procurements")).contains("府谷县", "编制中", "单一来源采购");
        assertThat(new Select(d.findElement(By.id("p-district"))).getOptions()).as("the city prepares for any district").hasSize(13);
        ContractScreens.look(browser, "procurements-city");
        d.get(url("/contracts/" + contract));
        ContractScreens.look(browser, "contract-city");
    }

    @Test
    void aTerminationAskedOnThePageWaitsForAnotherLeader() {
        long operator = ContractFixtures.operator(accounts, "终止测试物业");
        long project = jdbc.sql("select id from project where district_code = '610802' order by name desc limit 1").query(Long.class).single();
        LocalDate from = TestClock.today().minusMonths(2);
        long contract = ContractFixtures.signed(port, accounts, "610802", operator, List.of(project), from, from.plusYears(1));
        WebDriver d = browser.driver();
        browser.login(base(), "yuyang.leader", DemoAccounts.PASSWORD);
        d.get(url("/contracts/" + contract));
        assertThat(text(d, "contract-status")).isEqualTo("履行中");
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", d.findElement(By.id("t-day")),
                TestClock.today().plusDays(30).toString());
        type(d, "t-reason", "承接主体严重违约，经约谈仍未整改");
        browser.click(By.id("t-save"));
        waiting(d).until(ExpectedConditions.alertIsPresent()).accept();
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "终止申请已提交"));
        assertThat(text(d, "termination-state")).startsWith("待分管领导审批（您提出的申请");
        assertThat(d.findElements(By.id("approve-termination"))).as("the asker never approves").isEmpty();
        assertThat(d.findElements(By.id("terminate-form"))).isEmpty();
        ContractScreens.look(browser, "contract-termination-asked");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/contracts/" + contract));
        assertThat(text(d, "termination-state")).isEqualTo("待分管领导审批");
        assertThat(d.findElements(By.id("approve-termination"))).as("an officer is no leader").isEmpty();

        assertThat(WebClient.loggedIn(port, "shenmu.leader").get("/contracts/" + contract).statusCode())
                .as("another district's leader does not see it").isEqualTo(404);

        // a leader who did not ask approves; the district's own leader account is the asker here, so the test opens a second
        accounts.account("yuyang.leader2", "测试领导", "HS-610802", Set.of(Role.GOV_OFFICER, Role.GOV_LEADER), Set.of(), DemoAccounts.PASSWORD, false);
        browser.login(base(), "yuyang.leader2", DemoAccounts.PASSWORD);
        d.get(url("/contracts/" + contract));
        browser.click(By.id("approve-termination"));
        waiting(d).until(ExpectedConditions.alertIsPresent()).accept();
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已批准终止合同"));
        assertThat(text(d, "contract-status")).isEqualTo("已终止");
        assertThat(text(d, "termination-state")).isEqualTo("已批准终止");
        assertThat(d.findElements(By.cssSelector("main form"))).isEmpty();
        ContractScreens.look(browser, "contract-terminated");
    }

    @Test
    void theDistrictListsWhatAnEndedContractLeavesAndBothSidesConfirmTheHandover() {
        WebDriver d = browser.driver();
        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        long demoEnded = jdbc.sql("""
                        select id from service_contract where district_code = '610802' and status = 'ENDED' and contract_no like 'YY-GM-%'
                         order by starts_on limit 1""").query(Long.class).single();
        d.get(url("/contracts/" + demoEnded));
        browser.click(By.id("handover-link"));
        waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("handover-status")));
        assertThat(text(d, "handover-status")).isEqualTo("已完成移交");
        assertThat(text(d, "handover-items")).contains("未办结的维修工单", "未结案的违规案件", "代收的押金（按合同计）", "尚未上缴国库的租金（按收款计）");
        assertThat(d.findElements(By.id("confirm-handover"))).isEmpty();
        ContractScreens.look(browser, "contract-handover-demo");

        // a contract of the test's own that ended yesterday: the district lists it, each side confirms on the page
        long operator = ContractFixtures.operator(accounts, "移交测试物业");
        String code = jdbc.sql("select code from organisation where id = ?").param(operator).query(String.class).single();
        String manager = "mgr." + code.substring(4).toLowerCase();
        accounts.account(manager, "移交方经理", code, Set.of(Role.OPERATOR_MANAGER), Set.of(), DemoAccounts.PASSWORD, false);
        long project = jdbc.sql("select id from project where district_code = '610802' order by name limit 1").query(Long.class).single();
        LocalDate today = TestClock.today();
        long ended = ContractFixtures.signed(port, accounts, "610802", operator, List.of(project), today.minusDays(100), today.minusDays(1));
        d.get(url("/contracts/" + ended));
        browser.click(By.id("handover-link"));
        long demoCurrent = jdbc.sql("""
                        select id from service_contract where district_code = '610802' and status = 'IN_FORCE' and contract_no like 'YY-GM-%'""")
                .query(Long.class).single();
        new Select(d.findElement(By.id("successor"))).selectByValue(String.valueOf(demoCurrent));
        submitAndWait(d, "prepare-handover", "移交清单已生成");
        assertThat(text(d, "handover-receiver")).as("the demo's contract covers the whole district").isEqualTo("榆林安居物业服务有限公司");
        assertThat(text(d, "handover-status")).isEqualTo("待双方确认");
        assertThat(d.findElements(By.id("confirm-handover"))).as("the district neither hands over nor receives here").isEmpty();
        ContractScreens.look(browser, "contract-handover-prepared");

        browser.login(base(), manager, DemoAccounts.PASSWORD);
        d.get(url("/contracts/" + ended + "/handover"));
        browser.click(By.id("confirm-handover"));
        waiting(d).until(ExpectedConditions.alertIsPresent()).accept();
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-status"), "移交方已确认"));
        assertThat(d.findElements(By.id("confirm-handover"))).as("one confirmation per side").isEmpty();

        browser.login(base(), "anju.manager", DemoAccounts.PASSWORD);
        d.get(url("/contracts/" + ended + "/handover"));
        browser.click(By.id("confirm-handover"));
        waiting(d).until(ExpectedConditions.alertIsPresent()).accept();
        waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-status"), "已完成移交"));
        ContractScreens.look(browser, "contract-handover-done");
    }
}
