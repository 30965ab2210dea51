package cn.anju.disclosure;

import cn.anju.support.BrowserTest;
import cn.anju.support.Screens;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public portal as anyone reads it, without signing in, on a desk and on a phone: the demo's published items by
 * type, an evaluation with its leaves, digest and change log, a corrected item's withdrawal and reason, the Atom feed;
 * a draft is nobody's business yet; nothing that identifies a household anywhere.
 */
class PublicPortalBrowserTest extends BrowserTest {

    /** Codes and unresolved messages the portal must never show. */
    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(DisclosureType.values(), DisclosureStatus.values())
            .flatMap(Stream::of).map(Enum::name).toList()) + "|null)\\b|\\?\\?");
    private static final Pattern PERSONAL = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|1[3-9]\\d{9})(?![0-9A-Za-z])");

    @Autowired
    JdbcClient jdbc;

    void look(String name) {
        Screens.look(browser, "public-" + name, CODES, Path.of("target", "screens"));
    }

    @Test
    void anyoneReadsWhatIsPublishedOnADeskAndOnAPhone() throws Exception {
        WebDriver d = browser.driver();
        d.get(url("/public"));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("信息公开");
        assertThat(d.findElement(By.id("dc-items")).getText()).contains("绩效评价结果", "季度统计");
        look("list");
        d.get(url("/public?type=CONTRACT&district=610802"));
        assertThat(d.findElement(By.id("dc-items")).getText()).contains("服务合同", "榆阳区").doesNotContain("神木市");
        d.get(url("/public"));
        new Select(d.findElement(By.id("f-type"))).selectByValue("EVALUATION");
        d.findElement(By.cssSelector("#dc-filter button[type=submit]")).click();
        assertThat(d.getCurrentUrl()).contains("type=EVALUATION");
        assertThat(d.findElement(By.id("dc-items")).getText()).contains("绩效评价结果").doesNotContain("服务合同");

        d.findElement(By.cssSelector("#dc-items a")).click();
        assertThat(d.findElement(By.id("dc-leaves")).getText()).contains("住户总体满意度", "有效权重");
        assertThat(d.findElement(By.id("dc-content")).getText()).contains("总分", "等级");
        assertThat(d.findElement(By.id("dc-sha")).getText()).hasSize(64);
        look("evaluation");

        long corrected = jdbc.sql("""
                        select i.id from disclosure_item i where i.district_code = '610802' and i.type = 'CONTRACT' and i.content_version = 2""")
                .query(Long.class).single();
        d.get(url("/public/disclosures/" + corrected));
        assertThat(d.findElement(By.id("dc-changes")).getText()).contains("撤回（第1版）", "更正后重新公开", "重新起草（第2版）", "公开（第2版）");
        assertThat(d.findElement(By.id("dc-content")).getText()).contains("合同编号", "承接主体", "按合同原文更正服务项目表述");
        look("corrected");
        long statistics = jdbc.sql("""
                        select id from disclosure_item where type = 'STATISTICS' and status = 'PUBLISHED' and district_code = '610802'
                         order by final_on desc limit 1""").query(Long.class).single();
        d.get(url("/public/disclosures/" + statistics));
        assertThat(d.findElement(By.id("dc-figures")).getText()).contains("总体满意度");
        look("statistics");

        WebClient anyone = new WebClient(port);
        long draft = jdbc.sql("select id from disclosure_item where status = 'DRAFT' and first_published_at is null order by id limit 1")
                .query(Long.class).single();
        assertThat(anyone.get("/public/disclosures/" + draft).statusCode()).as("a draft").isEqualTo(404);
        var feed = anyone.get("/public/disclosures.atom");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Document atom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        long published = jdbc.sql("select count(*) from disclosure_item where status = 'PUBLISHED'").query(Long.class).single();
        assertThat(atom.getDocumentElement().getTagName()).isEqualTo("feed");
        assertThat((long) atom.getElementsByTagName("entry").getLength()).isEqualTo(Math.min(published, 50));

        for (String page : new String[]{"/public", "/public/disclosures/" + corrected, "/public/disclosures.atom", "/api/public/v1/disclosures?size=100"}) {
            assertThat(PERSONAL.matcher(anyone.get(page).body()).find()).as(page + " shows an ID or mobile number").isFalse();
        }
    }
}
