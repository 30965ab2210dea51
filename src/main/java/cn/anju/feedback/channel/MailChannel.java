package cn.anju.feedback.channel;

import cn.anju.feedback.FeedbackIntake;
import cn.anju.feedback.Inbound;
import cn.anju.shared.web.ProblemException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Properties;

/**
 * Reads the complaints mailbox by IMAP and makes each new message a case through the one intake. Where it got to (the
 * folder's UIDVALIDITY and the last UID taken in) is kept in {@code feedback_channel_cursor}, so a restart or another
 * node goes on from there, and staff reading the mailbox (which marks messages seen) hide nothing from it. A message
 * read twice (a cursor reset, a message delivered twice) is still one case: the intake is idempotent on the Message-ID.
 */
@Component
@ConditionalOnProperty(prefix = "anju.feedback.mail", name = "enabled", havingValue = "true")
public class MailChannel {

    private static final Logger log = LoggerFactory.getLogger(MailChannel.class);
    private static final String CURSOR = "EMAIL";

    private final MailChannelProperties mailbox;
    private final MailReader reader;
    private final FeedbackIntake intake;
    private final JdbcClient jdbc;
    private final Clock clock;

    MailChannel(MailChannelProperties mailbox, MailReader reader, FeedbackIntake intake, JdbcClient jdbc, Clock clock) {
        if (mailbox.host() == null || mailbox.host().isBlank() || mailbox.username() == null || mailbox.username().isBlank()) {
            throw new IllegalStateException("anju.feedback.mail.host and .username must be set when the mail channel is enabled");
        }
        this.mailbox = mailbox;
        this.reader = reader;
        this.intake = intake;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What one poll did: messages read, cases made (a message already a case is not one), machine-sent ones passed over,
     * and messages that failed (tried again next poll, unless the intake refused them for good).
     */
    public record Poll(int read, int cases, int automatic, int failed) {
    }

    @Scheduled(fixedDelayString = "${anju.feedback.mail.poll-every:60s}")
    @SchedulerLock(name = "feedback-mail-poll", lockAtMostFor = "PT10M")
    void pollScheduled() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            // the class only: a server's message may name the account
            log.warn("feedback mail: the mailbox could not be read ({})", e.getClass().getSimpleName());
        }
    }

    /** Polls the mailbox once now (the schedule, a test, an operator). */
    public synchronized Poll poll() throws MessagingException {
        Properties p = new Properties();
        String protocol = mailbox.protocol();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "60000");
        try (Store store = Session.getInstance(p).getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.portOrDefault(), mailbox.username(), mailbox.password());
            try (Folder folder = store.getFolder(mailbox.folder())) {
                folder.open(Folder.READ_ONLY);
                return read(folder);
            }
        }
    }

    private Poll read(Folder folder) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        String[] cursor = jdbc.sql("select cursor from feedback_channel_cursor where channel = ?").param(CURSOR)
                .query(String.class).optional().orElse("0/0").split("/");
        // a new UIDVALIDITY means the server numbered the folder afresh: read it all again, the intake knows the old ones
        long after = Long.parseLong(cursor[0]) == validity ? Long.parseLong(cursor[1]) : 0;
        long done = after;
        boolean blocked = false;
        int read = 0;
        int cases = 0;
        int automatic = 0;
        int failed = 0;
        for (Message m : uids.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
            long uid = uids.getUID(m);
            if (uid <= after) {
                continue; // "n:*" always answers the last message, even below n
            }
            try {
                // its bytes parsed here, not the server's view of its parts: a malformed message fails alone
                Inbound in = reader.read(new MimeMessage((MimeMessage) m), m.getReceivedDate());
                read++;
                if (in == null) {
                    automatic++;
                } else if (intake.receive(in).created()) {
                    cases++;
                }
            } catch (ProblemException refused) {
                // refused by the intake's rules: it would be refused again, so the cursor passes it; it stays in the mailbox
                failed++;
                log.warn("feedback mail: message uid {} refused by the intake ({})", uid, refused.code());
            } catch (FolderClosedException | StoreClosedException lost) {
                // the connection went: the rest cannot be read now, the next poll starts from here
                failed++;
                blocked = true;
                log.warn("feedback mail: the mailbox closed at message uid {} ({})", uid, lost.getClass().getSimpleName());
                break;
            } catch (Exception e) {
                // the number only, never the addresses or text; the cursor stays before it so the next poll tries again
                failed++;
                blocked = true;
                log.warn("feedback mail: message uid {} could not be taken in ({})", uid, e.getClass().getSimpleName());
            }
            if (!blocked) {
                done = uid;
            }
        }
        if (done != after || Long.parseLong(cursor[0]) != validity) {
            jdbc.sql("""
                            insert into feedback_channel_cursor (channel, cursor, updated_at) values (?, ?, ?)
                            on conflict (channel) do update set cursor = excluded.cursor, updated_at = excluded.updated_at""")
                    .params(CURSOR, validity + "/" + done, Timestamp.from(clock.instant())).update();
        }
        return new Poll(read, cases, automatic, failed);
    }
}
