package cn.anju.disclosure;

import cn.anju.shared.privacy.FieldCipher;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public asks a district for information on the public form (CAPTCHA, no sign-in), gets a case number
 * and a code; the bureau reads the request with the applicant masked, its leader extends it once with a reason, an
 * officer answers with a file; the applicant reads the answer and downloads the file with the number and code.
 */
@PlatformTest
class InformationRequestFlowTest {

    private static final Pattern NUMBER = Pattern.compile("id=\"ir-number\"[^>]*>(YS[0-9]{13})<");
    private static final Pattern CODE = Pattern.compile("id=\"ir-code\"[^>]*>([0-9]{6})<");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureLateNotices notices;
    @Autowired
    FieldCipher cipher;

    @AfterEach
    void resetClock() {
        TestClock.reset();
        jdbc.sql("update app_user set contact_phone = null where username = 'yuyang.gov'").update();
    }

    /** The answer of the CAPTCHA just drawn for this browser, as the server keeps it in the session. */
    String captcha(WebClient web) throws Exception {
        assertThat(web.getBytes("/public/requests/captcha").statusCode()).isEqualTo(200);
        for (int i = 0; i < 50; i++) { // the session is written when the image's response ends
            var bytes = jdbc.sql("""
                            select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                             where s.session_id = ? and a.attribute_name = 'disclosure.requestCaptcha'""")
                    .param(web.sessionId()).query(byte[].class).optional();
            if (bytes.isPresent()) {
                try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.get()))) {
                    return (String) in.readObject();
                }
            }
            Thread.sleep(40);
        }
        throw new AssertionError("no CAPTCHA in the session");
    }

    HttpResponse<String> submit(WebClient web, Map<String, String> fields, boolean rightCaptcha) throws Exception {
        String csrf = web.csrfTokenFrom("/public/requests");
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", csrf);
        form.put("captcha", rightCaptcha ? captcha(web) : "00000");
        return web.postForm("/public/requests", form);
    }

    static Map<String, String> application(String district, UUID key) {
        return Map.of("district", district, "name", "李秀英", "contact", "13912345678", "description",
                "申请公开本区公租房2026年第三季度的配租结果及轮候人数统计。", "purpose", "了解轮候情况", "delivery", "ONLINE", "key", key.toString());
    }

    long requests() {
        return jdbc.sql("select count(*) from information_request").query(Long.class).single();
    }

    @Test
    void theApplicantFilesFollowsAndReadsTheAnswerTheBureauExtendsOnceAndAnswersWithAFile() throws Exception {
        WebClient applicant = new WebClient(port);
        assertThat(applicant.get("/public/requests").statusCode()).as("the form needs no sign-in").isEqualTo(200);
        UUID key = UUID.randomUUID();
        long before = requests();
        HttpResponse<String> wrong = submit(applicant, application("610802", key), false);
        assertThat(wrong.body()).contains("验证码不正确");
        assertThat(requests()).as("a wrong CAPTCHA files nothing").isEqualTo(before);

        HttpResponse<String> receipt = submit(applicant, application("610802", key), true);
        Matcher number = NUMBER.matcher(receipt.body());
        Matcher code = CODE.matcher(receipt.body());
        assertThat(number.find()).as(receipt.body()).isTrue();
        assertThat(code.find()).isTrue();
        String caseNumber = number.group(1);
        HttpResponse<String> again = submit(applicant, application("610802", key), true);
        assertThat(again.body()).contains(caseNumber).contains("未重复登记").doesNotContain("id=\"ir-code\"");
        assertThat(requests()).as("the same form twice files one request").isEqualTo(before + 1);

        var stored = jdbc.sql("select applicant_name, applicant_contact, description, received_on, due_on from information_request where case_number = ?")
                .param(caseNumber).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .single();
        assertThat(String.join("|", stored[0], stored[1], stored[2])).as("encrypted at rest").startsWith("enc:")
                .doesNotContain("李秀英").doesNotContain("13912345678").doesNotContain("配租结果");

        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        JsonNode row = null;
        for (JsonNode r : WebClient.json(officer.getJson("/api/v1/information-requests"))) {
            if (r.get("caseNumber").asString().equals(caseNumber)) {
                row = r;
            }
        }
        assertThat(row).as("listed for the district").isNotNull();
        assertThat(row.get("applicant").asString()).isEqualTo("李**");
        long id = row.get("id").asLong();
        assertThat(WebClient.json(WebClient.loggedIn(port, "shenmu.gov").getJson("/api/v1/information-requests")).findValuesAsString("caseNumber"))
                .doesNotContain(caseNumber);
        JsonNode detail = WebClient.json(officer.getJson("/api/v1/information-requests/" + id));
        assertThat(detail.get("contact").asString()).isEqualTo("139****5678");
        assertThat(detail.get("description").asString()).contains("配租结果");
        assertThat(detail.toString()).doesNotContain("enc:");

        long reveals = jdbc.sql("select count(*) from audit_log where action = 'PII_REVEAL' and target_type = 'information_request' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single();
        JsonNode full = WebClient.json(officer.postJson("/api/v1/information-requests/" + id + "/applicant", "{}"));
        assertThat(full.get("name").asString()).isEqualTo("李秀英");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PII_REVEAL' and target_type = 'information_request' and target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).as("each revealed field audited").isEqualTo(reveals + 2);

        String reason = "{\"reason\":\"所需统计需向运营单位调取各项目档案\"}";
        HttpResponse<String> byOfficer = officer.postJson("/api/v1/information-requests/" + id + "/extension", reason);
        assertThat(byOfficer.statusCode()).isEqualTo(403);
        assertThat(WebClient.json(byOfficer).get("code").asString()).isEqualTo("FOUR_EYES_LEADER_REQUIRED");
        WebClient leader = WebClient.loggedIn(port, "yuyang.leader");
        JsonNode extended = WebClient.json(leader.postJson("/api/v1/information-requests/" + id + "/extension", "{\"reason\":\" \"}"));
        assertThat(extended.get("code").asString()).isEqualTo("INFORMATION_REQUEST_EXTENSION_REASON");
        extended = WebClient.json(leader.postJson("/api/v1/information-requests/" + id + "/extension", reason));
        assertThat(extended.get("state").asString()).isEqualTo("EXTENDED");
        assertThat(LocalDate.parse(extended.get("extendedDueOn").asString())).isAfter(LocalDate.parse(stored[4]).plusDays(27));
        HttpResponse<String> twice = leader.postJson("/api/v1/information-requests/" + id + "/extension", reason);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(WebClient.json(twice).get("code").asString()).isEqualTo("INFORMATION_REQUEST_EXTENDED_ONCE");

        String path = "/api/v1/information-requests/" + id + "/reply";
        HttpResponse<String> notAFile = officer.postMultipart(path, Map.of("kind", "DISCLOSED", "reply", "予以公开"), "files", "a.pdf",
                "application/pdf", "plain text, not a PDF".getBytes());
        assertThat(notAFile.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(notAFile).get("code").asString()).isEqualTo("INFORMATION_REQUEST_FILE_TYPE");
        HttpResponse<String> noText = officer.postMultipart(path, Map.of("kind", "DISCLOSED"), "files", "a.pdf", "application/pdf",
                "%PDF-1.4 x".getBytes());
        assertThat(WebClient.json(noText).get("code").asString()).isEqualTo("INFORMATION_REQUEST_REPLY");
        assertThat(jdbc.sql("select count(*) from information_request_file where request_id = ?").param(id).query(Long.class).single())
                .as("a refused answer stores nothing").isZero();
        byte[] pdf = "%PDF-1.4\n% 2026年第三季度配租结果\n%%EOF".getBytes();
        JsonNode answered = WebClient.json(officer.postMultipart(path, Map.of("kind", "DISCLOSED", "reply", "您申请的信息予以公开，见附件。"),
                "files", "配租结果.pdf", "application/pdf", pdf));
        assertThat(answered.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.get("files").size()).isEqualTo(1);

        WebClient stranger = new WebClient(port);
        long fileId = answered.get("files").get(0).get("id").asLong();
        String filePath = "/public/requests/" + id + "/files/" + fileId;
        assertThat(stranger.getBytes(filePath).statusCode()).as("only the session that opened the request").isEqualTo(404);
        HttpResponse<String> badCode = lookup(stranger, caseNumber, "000000".equals(code.group(1)) ? "111111" : "000000");
        assertThat(badCode.body()).contains("申请编号或查询码不正确").doesNotContain("您申请的信息予以公开");
        HttpResponse<String> status = lookup(applicant, caseNumber, code.group(1));
        assertThat(status.body()).contains("已答复").contains("您申请的信息予以公开，见附件。").contains("所需统计需向运营单位调取各项目档案")
                .contains("配租结果.pdf");
        HttpResponse<byte[]> file = applicant.getBytes(filePath);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
    }

    long outbox(long user) {
        return jdbc.sql("select count(*) from notification_outbox where recipient_type = 'app_user' and recipient_id = ? and template = ?")
                .params(user, DisclosureLateNotices.TEMPLATE).query(Long.class).single();
    }

    HttpResponse<String> lookup(WebClient web, String caseNumber, String code) throws Exception {
        String csrf = web.csrfTokenFrom("/public/requests/status");
        return web.postForm("/public/requests/status", Map.of("caseNumber", caseNumber, "code", code, "captcha", captcha(web), "_csrf", csrf));
    }

    @Test
    void theAnswerIsDueTwentyWorkingDaysAfterReceiptAcrossTheNationalDayHolidayAndLateTheDayAfter() throws Exception {
        // received on Tuesday 29 September 2026: Sep 30; Oct 8, 9, 10 (make-up Saturday); 12-16, 19-23, 26-30; Nov 2 is the 20th
        TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(TestClock.today(), LocalDate.of(2026, 9, 29))));
        WebClient applicant = new WebClient(port);
        String body = submit(applicant, application("610802", UUID.randomUUID()), true).body();
        assertThat(body).contains("2026-11-02");
        Matcher number = NUMBER.matcher(body);
        assertThat(number.find()).isTrue();
        TestClock.advance(Duration.ofDays(ChronoUnit.DAYS.between(TestClock.today(), LocalDate.of(2026, 11, 2))));
        WebClient officer = WebClient.loggedIn(port, "yuyang.gov");
        assertThat(officer.getJson("/api/v1/information-requests/late").body()).doesNotContain(number.group(1));
        TestClock.advance(Duration.ofDays(1));
        officer = WebClient.loggedIn(port, "yuyang.gov"); // a day idle ends a session
        assertThat(officer.getJson("/api/v1/information-requests/late").body()).contains(number.group(1));

        long yuyangOfficer = jdbc.sql("select id from app_user where username = 'yuyang.gov'").query(Long.class).single();
        jdbc.sql("update app_user set contact_phone = ? where id = ?").params(cipher.encrypt("13700002222", "app_user.contact_phone"), yuyangOfficer)
                .update();
        long told = outbox(yuyangOfficer);
        assertThat(notices.send()).as("the late request (and any late item) told to the district").isPositive();
        assertThat(jdbc.sql("select late_noticed from information_request where case_number = ?").param(number.group(1))
                .query(Boolean.class).single()).isTrue();
        assertThat(outbox(yuyangOfficer)).as("one message to the officer, whatever is late").isEqualTo(told + 1);
        assertThat(notices.send()).as("each is told once").isZero();
        long id = jdbc.sql("select id from information_request where case_number = ?").param(number.group(1)).query(Long.class).single();
        HttpResponse<String> tooLate = WebClient.loggedIn(port, "yuyang.leader").postJson("/api/v1/information-requests/" + id + "/extension",
                "{\"reason\":\"材料较多\"}");
        assertThat(WebClient.json(tooLate).get("code").asString()).as("no extension after the due day").isEqualTo("INFORMATION_REQUEST_EXTENSION_LATE");
    }
}
