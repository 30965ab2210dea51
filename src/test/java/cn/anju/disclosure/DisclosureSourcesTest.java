package cn.anju.disclosure;

import cn.anju.feedback.FeedbackChannelsDirectory;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sources of procurement announcements and awards, rent standards, selection results and service channels: a demo
 * record yields exactly one item of its type, in its district, final on the documented day, with what a reader needs,
 * and nothing of a person. Reads only (the demo's items as drafted and published at start).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureSourcesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Disclosures disclosures;

    List<String> names;

    @BeforeAll
    void draftedAndNames() {
        disclosures.draftAll(); // whatever the demo made after its own drafting (nothing is drafted twice)
        names = new ArrayList<>(jdbc.sql("select distinct name from household_member where char_length(name) >= 2").query(String.class).list());
        names.addAll(jdbc.sql("select distinct display_name from staff_name where char_length(display_name) >= 2").query(String.class).list());
    }

    record Item(long id, String districtCode, LocalDate finalOn, String status, JsonNode content, String json) {
    }

    /** The one item of the record, its current content; fails unless there is exactly one. */
    Item item(String type, long sourceId) {
        List<Item> found = jdbc.sql("""
                        select i.id, i.district_code, i.final_on, i.status, v.content from disclosure_item i
                          join disclosure_version v on v.item_id = i.id and v.version = i.content_version
                         where i.type = ? and i.source_id = ?""").params(type, sourceId)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        JSON.readTree(rs.getString(5)), rs.getString(5))).list();
        assertThat(found).as(type + " of record " + sourceId).hasSize(1);
        Item item = found.getFirst();
        for (Pattern p : List.of(PublicPersonalDataScanTest.ID, PublicPersonalDataScanTest.MOBILE, PublicPersonalDataScanTest.DOOR)) {
            assertThat(p.matcher(item.json()).find()).as(type + " " + item.json()).isFalse();
        }
        assertThat(names.stream().filter(item.json()::contains).toList()).as("names in " + type).isEmpty();
        return item;
    }

    @Test
    void aProcurementIsAnnouncedAndAwardedAsTwoItems() {
        // 神木's purchase: a single source, announced and awarded, its budget approved by the finance bureau
        Map<String, Object> p = jdbc.sql("""
                        select p.id, p.announced_on, p.awarded_on, p.purchasing_unit, p.title, o.name as winner, b.amount_fen, b.approval_no
                          from procurement p join organisation o on o.id = p.winner_id
                          join procurement_budget b on b.procurement_id = p.id and b.year = p.year
                         where p.district_code = '610881' and p.awarded_on is not null order by p.id limit 1""").query().singleRow();
        long id = ((Number) p.get("id")).longValue();

        Item notice = item("PROCUREMENT_NOTICE", id);
        assertThat(notice.districtCode()).isEqualTo("610881");
        assertThat(notice.finalOn()).isEqualTo(((java.sql.Date) p.get("announced_on")).toLocalDate());
        assertThat(notice.status()).as("the leader published it").isEqualTo("PUBLISHED");
        JsonNode c = notice.content();
        assertThat(c.get("purchaser").asString()).isEqualTo(p.get("purchasing_unit"));
        assertThat(c.get("title").asString()).isEqualTo(p.get("title"));
        assertThat(c.get("method").asString()).isEqualTo("单一来源采购");
        assertThat(c.get("singleSourceReason").asString()).isNotBlank();
        assertThat(c.get("budgetYuan").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(((Number) p.get("amount_fen")).longValue(), 2));
        assertThat(c.get("budget").asString()).contains((String) p.get("approval_no"));
        assertThat(c.get("serviceItems").size()).isPositive();
        assertThat(c.get("announcedOn").asString()).isEqualTo(notice.finalOn().toString());

        Item award = item("PROCUREMENT_AWARD", id);
        assertThat(award.districtCode()).isEqualTo("610881");
        assertThat(award.finalOn()).isEqualTo(((java.sql.Date) p.get("awarded_on")).toLocalDate());
        assertThat(award.status()).isEqualTo("PUBLISHED");
        assertThat(award.content().get("winner").asString()).isEqualTo(p.get("winner"));
        assertThat(award.content().get("awardedOn").asString()).isEqualTo(award.finalOn().toString());
        assertThat(award.content().get("bidders").toString()).contains("陕西恒泰物业管理有限公司");

        // a procurement not yet announced (府谷's, still being prepared) has neither
        long preparing = jdbc.sql("select id from procurement where announced_on is null order by id limit 1").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from disclosure_item where type like 'PROCUREMENT%' and source_id = ?").param(preparing)
                .query(Long.class).single()).isZero();
    }

    @Test
    void eachRentStandardVersionIsAnItemFinalOnTheDayItWasApproved() {
        Map<String, Object> s = jdbc.sql("""
                        select s.id, s.yuan_per_sqm, s.effective_from, s.approved_at, s.reason, p.name as project
                          from rent_standard s join project p on p.id = s.project_id
                         where s.district_code = '610802' and s.kind = 'STANDARD' order by s.id limit 1""").query().singleRow();
        Item item = item("RENT_STANDARD", ((Number) s.get("id")).longValue());
        assertThat(item.districtCode()).isEqualTo("610802");
        LocalDate approved = ((java.sql.Timestamp) s.get("approved_at")).toInstant().atZone(TestClock.ZONE).toLocalDate();
        assertThat(item.finalOn()).isEqualTo(approved);
        JsonNode c = item.content();
        assertThat(c.get("project").asString()).isEqualTo(s.get("project"));
        assertThat(c.get("district").asString()).isEqualTo("榆阳区");
        assertThat(c.get("yuanPerSqm").decimalValue()).isEqualByComparingTo((java.math.BigDecimal) s.get("yuan_per_sqm"));
        assertThat(c.get("rate").asString()).contains("元/㎡·月");
        assertThat(c.get("standardKind").asString()).isEqualTo("公租房租金标准");
        assertThat(c.get("effectiveFrom").asString()).isEqualTo(s.get("effective_from").toString());
        assertThat(c.get("basis").asString()).isEqualTo(s.get("reason"));
        assertThat(item.status()).as("waits for review in the demo").isEqualTo("DRAFT");
        // every version of every district's standards, the market ones too
        assertThat(jdbc.sql("select count(*) from disclosure_item where type = 'RENT_STANDARD' and source_id > 0").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from rent_standard").query(Long.class).single());
    }

    @Test
    void aDrawnRoundIsAResultLinkingItsLotteryPage() {
        Map<String, Object> r = jdbc.sql("""
                        select r.id, r.seed_revealed_at, r.list_digest, r.seed, r.public_value,
                               (select count(*) from selection_applicant a where a.round_id = r.id) as applicants,
                               (select count(*) from selection_round_unit u where u.round_id = r.id) as units
                          from selection_round r where r.district_code = '610881' and r.seed is not null order by r.id limit 1""")
                .query().singleRow();
        long round = ((Number) r.get("id")).longValue();
        Item item = item("SELECTION_RESULT", round);
        assertThat(item.districtCode()).isEqualTo("610881");
        assertThat(item.finalOn()).isEqualTo(((java.sql.Timestamp) r.get("seed_revealed_at")).toInstant().atZone(TestClock.ZONE).toLocalDate());
        JsonNode c = item.content();
        assertThat(c.get("title").asString()).isEqualTo("2026年第一批滨河新区公租房选房");
        assertThat(c.get("district").asString()).isEqualTo("神木市");
        assertThat(c.get("housingProjects").toString()).contains("滨河新区公租房");
        assertThat(c.get("drawnOn").asString()).isEqualTo(item.finalOn().toString());
        assertThat(c.get("applicants").asLong()).isEqualTo(((Number) r.get("applicants")).longValue()).isPositive();
        assertThat(c.get("units").asLong()).isEqualTo(((Number) r.get("units")).longValue()).isPositive();
        assertThat(c.get("listDigest").asString()).isEqualTo(r.get("list_digest"));
        assertThat(c.get("seed").asString()).isEqualTo(r.get("seed"));
        assertThat(c.get("publicValue").asString()).isEqualTo(r.get("public_value"));
        assertThat(c.get("lotteryPage").asString()).isEqualTo("/public/selection-rounds/" + round);
        assertThat(item.json()).as("no applicant, no unit").doesNotContain("A00001", "栋");
        // the page shows the lottery page as a link (the item waits for review: the district's officer reads it)
        String page = WebClient.loggedIn(port, "shenmu.gov").get("/disclosures/" + item.id()).body();
        assertThat(page).contains("href=\"/public/selection-rounds/" + round + "\"", "开奖日期", "参加家庭（户）", "查看摇号顺序与选房结果");
    }

    @Test
    void eachDistrictHasOneChannelsItemOfItsCurrentConfiguration() {
        List<String> districts = jdbc.sql("select code from district").query(String.class).list();
        for (String d : districts) {
            assertThat(jdbc.sql("select count(*) from disclosure_item where type = 'CHANNELS' and district_code = ?").param(d)
                    .query(Long.class).single()).as(d).isEqualTo(1);
        }
        var shenmu = new FeedbackChannelsDirectory.Contact("0912-8341234（24小时）", "神木公租房（演示）", "@榆林住房保障（演示）", "service@anju.example");
        Item item = item("CHANNELS", ChannelsSource.sourceId("610881", shenmu));
        assertThat(item.districtCode()).isEqualTo("610881");
        assertThat(item.status()).isEqualTo("PUBLISHED");
        OffsetDateTime drafted = jdbc.sql("select at from disclosure_event where item_id = ? and kind = 'DRAFTED'").param(item.id())
                .query(OffsetDateTime.class).single();
        assertThat(item.finalOn()).as("final the day the platform first drafted the values").isEqualTo(drafted.atZoneSameInstant(TestClock.ZONE).toLocalDate());
        JsonNode c = item.content();
        assertThat(c.get("hotline").asString()).isEqualTo("0912-8341234（24小时）");
        assertThat(c.get("wechat").asString()).isEqualTo("神木公租房（演示）");
        assertThat(c.get("weibo").asString()).isEqualTo("@榆林住房保障（演示）");
        assertThat(c.get("email").asString()).isEqualTo("service@anju.example");
        // changed values are another record of the district: a new item, not a silent change of the published one
        var changed = new FeedbackChannelsDirectory.Contact("0912-8340000", shenmu.wechat(), shenmu.weibo(), shenmu.email());
        assertThat(ChannelsSource.sourceId("610881", changed)).isNotEqualTo(ChannelsSource.sourceId("610881", shenmu))
                .isBetween(610881_000_000_000L, 610881_999_999_999L);
        // the public page shows it in Chinese with its links
        String page = new WebClient(port).get("/public/disclosures/" + item.id()).body();
        assertThat(page).contains("服务热线", "0912-8341234", "微信公众号", "href=\"/public/contact\"", "href=\"/public/cases\"");
    }
}
