package cn.anju.disclosure;

import cn.anju.identity.DemoAccounts;
import cn.anju.support.BrowserTest;
import cn.anju.support.Screens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 依申请公开 in the browser: a member of the public asks on a phone, the district's officer reads the request (the
 * applicant masked until revealed) and answers it with a PDF, the applicant reads the answer; every page at 1366 and
 * 390 px.
 */
class InformationRequestPagesBrowserTest extends BrowserTest {

    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(InformationRequestState.values(),
            InformationReply.values(), InformationDelivery.values()).flatMap(Stream::of).map(Enum::name).toList()) + "|null)\\b|\\?\\?");

    @Autowired
    JdbcClient jdbc;

    void look(String name) {
        Screens.look(browser, "information-request-" + name, CODES, Path.of("target", "screens"));
    }

    /** What the CAPTCHA on the page says, as the server keeps it in this browser's session. */
    String captcha(WebDriver d) throws Exception {
        String id = new String(Base64.getDecoder().decode(d.manage().getCookieNamed("ANJU_SESSION").getValue()), StandardCharsets.UTF_8);
        for (int i = 0; i < 100; i++) {
            var bytes = jdbc.sql("""
                            select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                             where s.session_id = ? and a.attribute_name = 'disclosure.requestCaptcha'""").param(id).query(byte[].class).optional();
            if (bytes.isPresent()) {
                try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.get()))) {
                    return (String) in.readObject();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no CAPTCHA in the session");
    }

    @Test
    void theApplicantAsksOnAPhoneTheOfficerAnswersWithAFileAndTheApplicantReadsIt() throws Exception {
        WebDriver d = browser.driver();
        d.manage().deleteAllCookies();
        d.get(url("/public/requests"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("政府信息公开申请");
        look("form");
        d.get(url("/public/requests"));
        new Select(d.findElement(By.id("district"))).selectByValue("610802");
        d.findElement(By.id("name")).sendKeys("赵晓燕");
        d.findElement(By.id("contact")).sendKeys("zhao.xiaoyan@example.com");
        d.findElement(By.id("description")).sendKeys("申请公开榆阳区公租房运营服务2026年第二季度绩效评价的评分依据。");
        d.findElement(By.id("delivery-EMAIL")).click();
        d.findElement(By.id("captcha")).sendKeys(captcha(d));
        d.findElement(By.id("ir-submit")).click();
        String number = d.findElement(By.id("ir-number")).getText();
        String code = d.findElement(By.id("ir-code")).getText();
        assertThat(number).matches("YS[0-9]{13}");
        look("receipt");

        browser.login(base(), "yuyang.gov", DemoAccounts.PASSWORD);
        d.get(url("/information-requests"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("依申请公开");
        assertThat(d.findElement(By.id("information-requests")).getText()).contains(number, "赵**").doesNotContain("赵晓燕").doesNotContain("神木");
        look("list");
        d.findElement(By.linkText(number)).click();
        assertThat(d.findElement(By.id("ir-applicant")).getText()).isEqualTo("赵**");
        assertThat(d.findElement(By.id("ir-contact")).getText()).isEqualTo("z***@example.com");
        assertThat(d.findElements(By.id("extend"))).as("only the leader extends").isEmpty();
        look("request");
        d.findElement(By.id("reveal")).click();
        assertThat(d.findElement(By.id("ir-applicant")).getText()).isEqualTo("赵晓燕");
        Path pdf = Files.createTempFile("reply", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% 评分依据\n%%EOF".getBytes(StandardCharsets.UTF_8));
        new Select(d.findElement(By.id("kind"))).selectByValue("PARTLY_DISCLOSED");
        d.findElement(By.id("reply")).sendKeys("评分依据予以公开；其中涉及住户个人信息的部分已依法删除。");
        d.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
        d.findElement(By.id("answer")).click();
        assertThat(d.findElement(By.id("ir-state")).getText()).isEqualTo("已答复");
        assertThat(d.findElement(By.id("ir-reply")).getText()).contains("部分公开", Path.of(pdf.toString()).getFileName().toString());
        look("answered");

        d.manage().deleteAllCookies();
        d.get(url("/public/requests/status"));
        d.findElement(By.id("caseNumber")).sendKeys(number);
        d.findElement(By.id("code")).sendKeys(code);
        d.findElement(By.id("captcha")).sendKeys(captcha(d));
        d.findElement(By.cssSelector("#ir-lookup button")).click();
        assertThat(d.findElement(By.id("ir-status")).getText()).contains("已答复", "其中涉及住户个人信息的部分已依法删除");
        look("status");
    }
}
