package cn.anju.identity;

import cn.anju.support.Browser;
import cn.anju.support.BrowserTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The account, organisation and coverage pages, used as their people use them, in a real Chromium. */
class AdminPagesBrowserTest extends BrowserTest {

    @Autowired
    AccountUserDetailsService users;
    @Autowired
    OrganisationAdministration organisations;
    @Autowired
    Organisations orgs;
    @Autowired
    AccountAdministration accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void systemAdministratorOpensFiltersAndDisablesAnAccountAndNeverSeesItsCode() {
        browser.login(base(), "admin", "Demo@2026");
        WebDriver d = browser.driver();
        String username = "repair." + UUID.randomUUID().toString().substring(0, 6);

        d.get(base() + "/admin/accounts/new");
        assertThat(d.findElements(By.id("initialPassword"))).as("no password field for an administrator").isEmpty();
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("displayName")).sendKeys("维修工王师傅");
        new Select(d.findElement(By.id("organisationId"))).selectByVisibleText("榆林安居物业服务有限公司（承接主体）");
        d.findElement(By.id("mobile")).sendKeys("1380013");
        browser.click(By.cssSelector("#account-form button[type=submit]"));

        // refused with a message that says what to fix; what was typed is kept
        var error = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
        assertThat(error.getText()).contains("手机号应为11位");
        assertThat(d.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
        browser.screenshot("account-new-refused");

        d.findElement(By.id("mobile")).clear();
        d.findElement(By.id("mobile")).sendKeys("13800138001");
        browser.click(By.cssSelector("#account-form button[type=submit]"));
        var notice = new WebDriverWait(d, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(notice.getText()).contains(username, "激活码", "管理员看不到");
        assertThat(d.findElement(By.id("awaiting-activation")).getText()).isEqualTo("待本人激活");
        long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/admin/accounts/(\\d+).*", "$1"));
        String code = new AccountCodesReader(jdbc).latestCode(id);
        assertThat(d.getPageSource()).doesNotContain(code);
        assertThat(d.findElements(By.id("grant-form"))).as("roles are the security administrator's").isEmpty();
        browser.screenshot("account-detail");

        browser.click(By.cssSelector("form[action$='/disable'] button"));
        d.switchTo().alert().accept(); // the confirmation of an irreversible action
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "账号已停用"));

        d.get(base() + "/admin/accounts?keyword=" + username);
        assertThat(d.findElement(By.id("result-count")).getText()).isEqualTo("共 1 条");
        assertThat(d.findElement(By.cssSelector("#accounts-table tbody")).getText()).contains("停用");
        browser.screenshot("accounts-filtered");
    }

    @Test
    void securityAdministratorGrantsRolesAndThePersonActivatesWithTheCodeFromTheirPhone() {
        String username = "clerk." + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = ((AccountUserDetails) users.loadUserByUsername("admin")).currentUser();
        UserAccount account = accounts.create(admin, new AccountAdministration.NewAccount(username, "窗口经办李娜",
                orgs.findByCode("HS-610803").orElseThrow().id(), "13700137000", null));

        browser.login(base(), "security", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/security/accounts?keyword=" + username);
        browser.click(By.linkText(username));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("grant-form")));
        assertThat(d.findElement(By.id("no-roles")).getText()).isEqualTo("待授予角色");
        assertThat(d.findElements(By.cssSelector("form[action$='/reset-password']"))).as("resets are the system administrator's").isEmpty();
        browser.click(By.cssSelector("label[for=role-GOV_OFFICER]"));
        browser.click(By.cssSelector("#grant-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "组织与角色已授予"));
        browser.screenshot("account-grant");

        String code = new AccountCodesReader(jdbc).latestCode(account.id());
        try (Browser person = new Browser()) {
            WebDriver p = person.driver();
            p.get(base() + "/login");
            person.click(By.id("account-activate-link"));
            new WebDriverWait(p, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            p.findElement(By.id("username")).sendKeys(username);
            p.findElement(By.id("code")).sendKeys(code);
            p.findElement(By.id("password")).sendKeys("Password1");
            p.findElement(By.id("confirmation")).sendKeys("Password1");
            person.click(By.cssSelector("#account-activate-form button[type=submit]"));
            var refused = new WebDriverWait(p, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
            assertThat(refused.getText()).contains("最常见的密码");
            p.findElement(By.id("code")).sendKeys(code);
            p.findElement(By.id("password")).sendKeys("Window-Clerk-2718");
            p.findElement(By.id("confirmation")).sendKeys("Window-Clerk-2718");
            person.click(By.cssSelector("#account-activate-form button[type=submit]"));
            var done = new WebDriverWait(p, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("activation-done")));
            assertThat(done.getText()).contains("请用新密码登录");
            person.screenshot("account-activated");
            person.login(base(), username, "Window-Clerk-2718");
            assertThat(p.findElement(By.id("home-roles")).getText()).contains("政府经办人");
        }
    }

    @Test
    void theCoveragePageShowsWhichContractGrantedEachRowAndOffersNoWayToTypeOne() {
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/coverage");
        assertThat(d.findElements(By.id("coverage-form"))).as("coverage is written by contracts only").isEmpty();
        assertThat(d.findElements(By.cssSelector("#coverage button"))).isEmpty();
        String table = d.findElement(By.id("coverage")).getText();
        assertThat(table).contains("榆林安居物业服务有限公司", "YY-GM-");
        browser.screenshot("coverage");
        d.findElement(By.partialLinkText("YY-GM-")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("contract-title")));
        assertThat(d.findElement(By.id("contract-title")).getText()).contains("YY-GM-");
    }

    @Test
    void districtOfficerEngagesAnEvaluationFirmAndTheDemoFirmReadsItsOwnEngagements() {
        // a firm of this test's own, so that the engagement touches no other test's scope
        String firm = "测试评估机构" + UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = ((AccountUserDetails) users.loadUserByUsername("admin")).currentUser();
        organisations.create(admin, new OrganisationAdministration.NewOrganisation(
                "EV-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), firm, OrganisationType.EVALUATOR, null, null));
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/engagements");
        assertThat(new Select(d.findElement(By.id("districtCode"))).getOptions()).extracting(o -> o.getText()).containsExactly("榆阳区");
        new Select(d.findElement(By.id("evaluatorId"))).selectByVisibleText(firm);
        ((JavascriptExecutor) d).executeScript("document.getElementById('validFrom').value='" + TestClock.today() + "';");
        d.findElement(By.id("note")).sendKeys("专项满意度调查");
        browser.click(By.cssSelector("#engagement-form button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "测评委托已登记"));
        assertThat(d.findElement(By.id("engagements")).getText()).contains(firm, "专项满意度调查", "全区县");
        browser.screenshot("engagements");
        d.findElement(By.xpath("//tr[td[text()='专项满意度调查']]//button")).click();
        d.switchTo().alert().accept();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success"), "测评委托已结束"));

        try (Browser reader = new Browser()) {
            reader.login(base(), "evaluator", "Demo@2026");
            reader.driver().get(base() + "/engagements");
            assertThat(reader.driver().findElement(By.id("engagements")).getText()).contains("陕西信达绩效评价咨询有限公司", "榆阳区", "神木市")
                    .doesNotContain(firm);
            assertThat(reader.driver().findElements(By.id("engagement-form"))).as("the firm only reads").isEmpty();
            reader.screenshot("engagements-evaluator");
        }
    }

    @Test
    void organisationsListsTheCityItsDistrictsAndTheOperators() {
        browser.login(base(), "city.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(base() + "/admin/organisations");
        String table = d.findElement(By.id("organisations")).getText();
        assertThat(table).contains("榆林市住房和城乡建设局", "神木市住房保障中心", "子洲县财政局", "榆林安居物业服务有限公司");
        assertThat(d.findElements(By.id("code"))).as("only the system administrator registers organisations").isEmpty();
        browser.screenshot("organisations");
    }
}
