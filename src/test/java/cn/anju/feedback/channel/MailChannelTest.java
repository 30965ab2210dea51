package cn.anju.feedback.channel;

import cn.anju.feedback.FeedbackOutbox;
import cn.anju.support.SmtpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail channel over real IMAP and SMTP (GreenMail): a tenant's mail becomes one case however often it is read,
 * with its sender kept encrypted; the acknowledgement reaches them as a reply in the same thread; Chinese subjects,
 * bodies and attachment names in GBK read as written; only photos and PDFs are kept, and the text says what was not.
 */
class MailChannelTest extends ChannelServers {

    static final Charset GBK = Charset.forName("GBK");

    @Autowired
    MailChannel mail;
    @Autowired
    FeedbackOutbox outbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailBecomesOneCaseAndTheAcknowledgementArrivesThreaded() throws Exception {
        String u = UUID.randomUUID().toString();
        String tenant = "zhangsan-" + u + "@example.com";
        String messageId = "<" + u + ".a@example.com>";
        String raw = headers("=?UTF-8?B?" + b64("张三".getBytes(StandardCharsets.UTF_8)) + "?= <" + tenant + ">", messageId,
                "=?UTF-8?B?" + b64("楼道灯坏了三天".getBytes(StandardCharsets.UTF_8)) + "?=")
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("3号楼2单元的楼道灯坏了三天，晚上看不见路。".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>HTML version</p>\r\n--b1--\r\n";
        deliver(raw);

        assertThat(mail.poll().cases()).isPositive();
        var row = jdbc.sql("""
                        select c.id, c.case_number, c.channel, c.text, c.sender from feedback_case c
                          join feedback_message m on m.case_id = c.id and m.direction = 'IN' where m.external_id = ?""")
                .param(messageId).query().listOfRows();
        assertThat(row).hasSize(1);
        assertThat(row.getFirst().get("channel")).isEqualTo("EMAIL");
        // the plain part, not the HTML one, under the subject
        assertThat(row.getFirst().get("text")).isEqualTo("主题：楼道灯坏了三天\n\n3号楼2单元的楼道灯坏了三天，晚上看不见路。");
        assertThat((String) row.getFirst().get("sender")).isNotNull().doesNotContain(tenant).doesNotContain("example.com").startsWith("enc:");
        String caseNumber = (String) row.getFirst().get("case_number");

        outbox.deliver();
        List<MimeMessage> answers = SmtpServer.receivedBy(tenant);
        assertThat(answers).hasSize(1);
        MimeMessage ack = answers.getFirst();
        assertThat(ack.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat(ack.getHeader("References")).containsExactly(messageId);
        assertThat(ack.getSubject()).isEqualTo("Re: 【安居公租房】案件 " + caseNumber);
        assertThat(SmtpServer.body(ack)).contains(caseNumber).contains("查询码");
        assertThat(jdbc.sql("select status from feedback_message where case_id = ? and purpose = 'ACKNOWLEDGEMENT'")
                .param(row.getFirst().get("id")).query(String.class).single()).isEqualTo("SENT");

        // polled again; read again from the start (the cursor reset); delivered a second time: still the one case
        assertThat(mail.poll().cases()).isZero();
        jdbc.sql("delete from feedback_channel_cursor where channel = 'EMAIL'").update();
        MailChannel.Poll again = mail.poll();
        assertThat(again.read()).isPositive();
        assertThat(again.cases()).isZero();
        deliver(raw);
        assertThat(mail.poll().cases()).isZero();
        assertThat(casesOf(messageId)).isEqualTo(1);
    }

    @Test
    void gbkSubjectsBodyAndAttachmentNamesReadCorrectlyAndOnlyPhotosAndPdfsAreKept() throws Exception {
        String u = UUID.randomUUID().toString();
        String messageId = "<" + u + ".gbk@example.com>";
        byte[] subject = "关于维修的投诉".getBytes(GBK);
        // split between the two bytes of one character, as clients do with long subjects
        String encodedSubject = "=?GBK?B?" + b64(Arrays.copyOfRange(subject, 0, 5)) + "?=\r\n =?GBK?B?"
                + b64(Arrays.copyOfRange(subject, 5, subject.length)) + "?=";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String raw = headers("lisi-" + u + "@example.com", messageId, encodedSubject)
                + "Content-Type: multipart/mixed; boundary=\"m1\"\r\n\r\n"
                + "--m1\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("厨房水管漏水，已经报修两次没人来。".getBytes(GBK)) + "\r\n"
                + part("image/png", "filename=\"=?GBK?B?" + b64("漏水照片.png".getBytes(GBK)) + "?=\"", png)
                + part("application/pdf", "filename*=GBK''" + URLEncoder.encode("维修记录.pdf", GBK).replace("+", "%20"),
                "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII))
                + part("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "filename=\"=?GBK?B?" + b64("情况说明.docx".getBytes(GBK)) + "?=\"", new byte[] {'P', 'K', 3, 4, 20, 0})
                + "--m1--\r\n";
        deliver(raw);
        // the subject's bytes sent as they are, unencoded, as some clients do (UTF-8: GreenMail's SMTP keeps no other)
        String rawSubjectId = "<" + u + ".raw-subject@example.com>";
        deliver(concat(("From: lisi-" + u + "@example.com\r\nTo: " + MAILBOX + "\r\nMessage-ID: " + rawSubjectId
                        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=GBK\r\nSubject: ").getBytes(StandardCharsets.US_ASCII),
                "电梯停运\r\n\r\n".getBytes(StandardCharsets.UTF_8), "电梯又停了。\r\n".getBytes(GBK)));
        mail.poll();

        assertThat(textOf(rawSubjectId)).isEqualTo("主题：电梯停运\n\n电梯又停了。");
        long id = jdbc.sql("select case_id from feedback_message where direction = 'IN' and external_id = ?").param(messageId)
                .query(Long.class).single();
        assertThat(jdbc.sql("select text from feedback_case where id = ?").param(id).query(String.class).single())
                .isEqualTo("主题：关于维修的投诉\n\n厨房水管漏水，已经报修两次没人来。\n\n附件“情况说明.docx”未收录：只接受 JPG、PNG 照片或 PDF 文件。");
        assertThat(jdbc.sql("select original_name || ' ' || content_type from feedback_attachment where case_id = ? order by id")
                .param(id).query(String.class).list()).containsExactly("漏水照片.png image/png", "维修记录.pdf application/pdf");
    }

    @Test
    void anHtmlMailWithoutMessageIdIsOneCaseAndAnAutoReplyNone() throws Exception {
        String u = UUID.randomUUID().toString();
        String html = "<html><head><style>p { color: red }</style></head><body><p>垃圾没人清&amp;运 " + u
                + "</p><br>第二行</body></html>";
        deliver(headers("wangwu-" + u + "@example.com", null, "=?UTF-8?B?" + b64("垃圾".getBytes(StandardCharsets.UTF_8)) + "?=")
                + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(html.getBytes(StandardCharsets.UTF_8)) + "\r\n");
        String autoReply = "<" + u + ".auto@example.com>";
        deliver(headers("zhaoliu-" + u + "@example.com", autoReply, "Out of office") + "Auto-Submitted: auto-replied\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nI am away.\r\n");
        mail.poll();
        jdbc.sql("delete from feedback_channel_cursor where channel = 'EMAIL'").update();
        mail.poll();

        List<String> ids = jdbc.sql("select m.external_id from feedback_message m join feedback_case c on c.id = m.case_id "
                + "where m.direction = 'IN' and c.text like ?").param("%" + u + "%").query(String.class).list();
        assertThat(ids).hasSize(1);
        assertThat(ids.getFirst()).startsWith("sha256:");
        assertThat(jdbc.sql("select text from feedback_case c join feedback_message m on m.case_id = c.id where m.external_id = ?")
                .param(ids.getFirst()).query(String.class).single()).isEqualTo("主题：垃圾\n\n垃圾没人清&运 " + u + "\n\n第二行");
        assertThat(casesOf(autoReply)).isZero();
    }

    @Test
    void aMalformedMailIsACaseThatSaysSoAndTheNextMailStillComesIn() throws Exception {
        String u = UUID.randomUUID().toString();
        String broken = "<" + u + ".broken@example.com>";
        String good = "<" + u + ".good@example.com>";
        deliver(headers("sunqi-" + u + "@example.com", broken, "=?UTF-8?B?" + b64("漏雨".getBytes(StandardCharsets.UTF_8)) + "?=")
                + "Content-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\nno part starts here\r\n");
        deliver(headers("zhouba-" + u + "@example.com", good, "=?UTF-8?B?" + b64("门禁卡失灵".getBytes(StandardCharsets.UTF_8)) + "?=")
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64("门禁卡刷不开。".getBytes(StandardCharsets.UTF_8)) + "\r\n");

        assertThat(mail.poll().failed()).isZero();
        assertThat(textOf(broken)).isEqualTo("主题：漏雨\n\n（邮件正文格式有误，无法读取；原件保留在投诉邮箱中，请到邮箱查看。）");
        assertThat(textOf(good)).isEqualTo("主题：门禁卡失灵\n\n门禁卡刷不开。");
    }

    private String textOf(String messageId) {
        return jdbc.sql("select c.text from feedback_case c join feedback_message m on m.case_id = c.id "
                + "where m.direction = 'IN' and m.external_id = ?").param(messageId).query(String.class).single();
    }

    private int casesOf(String messageId) {
        return jdbc.sql("select count(*) from feedback_message where direction = 'IN' and channel = 'EMAIL' and external_id = ?")
                .param(messageId).query(Integer.class).single();
    }

    private static String headers(String from, String messageId, String subject) {
        return "From: " + from + "\r\nTo: " + MAILBOX + "\r\n" + (messageId == null ? "" : "Message-ID: " + messageId + "\r\n")
                + "Subject: " + subject + "\r\nDate: Mon, 16 Nov 2026 09:30:00 +0800\r\nMIME-Version: 1.0\r\n";
    }

    private static String part(String type, String fileName, byte[] content) {
        return "--m1\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; "
                + fileName + "\r\n\r\n" + b64(content) + "\r\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static void deliver(String raw) throws MessagingException {
        deliver(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Hands the message as written to the mailbox's SMTP server, which files it where IMAP reads it. */
    private static void deliver(byte[] raw) throws MessagingException {
        int before = MAIL.getReceivedMessages().length;
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            smtp.sendMessage(message, new Address[] {new InternetAddress(MAILBOX)});
        }
        assertThat(MAIL.waitForIncomingEmail(5000, before + 1)).isTrue();
    }
}
