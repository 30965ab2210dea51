package cn.anju.feedback.channel;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.feedback.Channel;
import cn.anju.feedback.Inbound;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.Upload;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * One e-mail as the intake takes it: the Message-ID (or a digest of the message when it has none) as its id, "主题：" and
 * the subject over the text (the plain part, else the HTML one reduced to text), and the photos and PDFs attached;
 * what is left out is said in the text, so the handler knows there was more.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.mail", name = "enabled", havingValue = "true")
class MailReader {

    static final int MAX_TEXT = 10_000;
    static final int MAX_FILES = 9;
    static final int MAX_NOTES = 20;

    private final Clock clock;
    private final long maxBytes;

    MailReader(Clock clock, @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    private static final class Parts {
        String plain;
        String html;
        final List<Upload> files = new ArrayList<>();
    }

    /**
     * The message as a case's first message, or null for one a machine sent (auto-reply, bounce): it opens no case.
     *
     * @param received when the mailbox got it (IMAP INTERNALDATE); null: the message's own date
     */
    Inbound read(MimeMessage m, Date received) throws MessagingException, IOException {
        if (automatic(m)) {
            return null;
        }
        Parts parts = new Parts();
        String body;
        try {
            walk(m, parts);
            body = parts.plain != null ? parts.plain : parts.html != null ? plain(parts.html) : "";
        } catch (MessagingException | IOException malformed) {
            // it would fail the same way on every poll: a case that says so, rather than a complaint lost
            parts.files.clear();
            body = "（邮件正文格式有误，无法读取；原件保留在投诉邮箱中，请到邮箱查看。）";
        }
        String subject = HeaderText.decode(m.getHeader("Subject", null));
        List<Upload> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Upload f : parts.files) {
            String name = "附件“" + shorten(f.safeName("附件"), 80) + "”未收录：";
            if (kept.size() == MAX_FILES) {
                notes.add(name + "每封邮件最多收录" + MAX_FILES + "个附件。");
            } else if (f.content().length > maxBytes) {
                notes.add(name + "超过" + (maxBytes / 1024 / 1024) + " MB。");
            } else if (ContentTypes.sniff(f.content()) == null) {
                notes.add(name + "只接受 JPG、PNG 照片或 PDF 文件。");
            } else {
                kept.add(f);
            }
        }
        if (notes.size() > MAX_NOTES) { // a mail with hundreds of files must not crowd out its text
            int more = notes.size() - MAX_NOTES;
            notes.subList(MAX_NOTES, notes.size()).clear();
            notes.add("另有 " + more + " 个附件未收录。");
        }
        String head = "主题：" + (subject.isBlank() ? "（无主题）" : shorten(subject, 500)) + "\n\n";
        String tail = notes.isEmpty() ? "" : "\n\n" + String.join("\n", notes);
        String text = head + shorten(body.strip(), MAX_TEXT - head.length() - tail.length()) + tail;
        return Inbound.of(Channel.EMAIL, messageId(m), receivedAt(received != null ? received : m.getSentDate()), sender(m), text, kept);
    }

    /** RFC 3834 auto-replies, bounces (empty return path, delivery reports) and bulk mail: answering them would loop. */
    static boolean automatic(MimeMessage m) throws MessagingException {
        String auto = m.getHeader("Auto-Submitted", null);
        String precedence = m.getHeader("Precedence", null);
        String returnPath = m.getHeader("Return-Path", null);
        return auto != null && !auto.trim().equalsIgnoreCase("no")
                || precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")
                || returnPath != null && returnPath.trim().equals("<>")
                || m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null
                || m.isMimeType("multipart/report");
    }

    private void walk(Part p, Parts parts) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i), parts);
            }
            return;
        }
        String name = fileName(p);
        boolean attached = name != null || Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
        if (!attached && p.isMimeType("text/plain")) {
            parts.plain = parts.plain != null ? parts.plain : text(p);
        } else if (!attached && p.isMimeType("text/html")) {
            parts.html = parts.html != null ? parts.html : text(p);
        } else {
            parts.files.add(new Upload(name, bytes(p)));
        }
    }

    /** The attachment's name: RFC 2231 parameters are decoded by Jakarta Mail, RFC 2047 words (what most clients send) here. */
    private static String fileName(Part p) {
        try {
            String name = p.getFileName();
            return name == null || name.isBlank() ? null : HeaderText.decode(name);
        } catch (MessagingException unreadable) {
            return "附件";
        }
    }

    private String text(Part p) throws MessagingException, IOException {
        byte[] bytes = bytes(p);
        String charset;
        try {
            charset = new ContentType(p.getContentType()).getParameter("charset");
        } catch (MessagingException unparsable) {
            charset = null;
        }
        return charset == null ? HeaderText.guess(bytes) : new String(bytes, HeaderText.charset(charset));
    }

    /** At most one byte over the limit is read: that is enough to know the part is too large. */
    private byte[] bytes(Part p) throws MessagingException, IOException {
        try (InputStream in = p.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** HTML reduced to its text: blocks end lines, tags go, entities are read. */
    static String plain(String html) {
        String s = html.replaceAll("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6]|blockquote)\\s*>", "\n")
                .replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<[^>]*>", "");
        return HtmlUtils.htmlUnescape(s).replace('\u00a0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /**
     * The Message-ID; one longer than the intake keeps is named by its SHA-256, and a message without one by the
     * SHA-256 of its bytes (the same copy gives the same id on every poll).
     */
    static String messageId(MimeMessage m) throws MessagingException, IOException {
        String id = m.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip().length() <= 200 ? id.strip() : sha256(id.strip().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        return sha256(raw.toByteArray());
    }

    /** A message's id when it has none of its own: stored to refuse the same mail twice, so it keeps one algorithm. */
    static final CryptoPurpose MESSAGE_ID = CryptoPurpose.pinned("mail-message-id", HashAlgorithm.SHA256);

    private static String sha256(byte[] bytes) {
        return Crypto.digestPinned(MESSAGE_ID, bytes).tagged();
    }

    /** When the mailbox got it; a mail server whose clock runs ahead of ours gives our "now". */
    private OffsetDateTime receivedAt(Date d) {
        Instant now = clock.instant();
        Instant at = d == null || d.toInstant().isAfter(now) ? now : d.toInstant();
        return OffsetDateTime.ofInstant(at, clock.getZone());
    }

    private static String sender(MimeMessage m) {
        try {
            Address[] from = m.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress a && a.getAddress() != null
                    && a.getAddress().length() <= 200 ? a.getAddress() : null; // longer is no real address: the case is anonymous
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 12)) + "……（以下从略）";
    }
}
