package cn.anju.disclosure;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.identity.FourEyes;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.shared.Role;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.privacy.Masks;
import cn.anju.shared.state.StateChanges;
import cn.anju.shared.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The bureau's side of requests for information: its officers list their district's requests (the running ones by due
 * day), read what was asked, answer with a reply kind, a text and files; the leader extends a request once before its
 * due day, by the policy's working days, with a reason the applicant reads. The applicant's name and contact are shown
 * masked; opening them is audited.
 */
@Service
public class InformationRequests {

    static final String EXTENSION_DAYS = "disclosure.request-extension-working-days";
    private static final int MAX_FILES = 9;

    private final InformationRequestRecords records;
    private final FileStore files;
    private final FieldCipher cipher;
    private final DataScopes scopes;
    private final PersonalDataAccess personalData;
    private final WorkingDays workingDays;
    private final PolicySettings policies;
    private final StateChanges changes;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    InformationRequests(InformationRequestRecords records, FileStore files, FieldCipher cipher, DataScopes scopes,
                        PersonalDataAccess personalData, WorkingDays workingDays, PolicySettings policies, StateChanges changes,
                        AuditLog audit, Clock clock, @Value("${anju.files.max-document-size:10MB}") DataSize maxSize) {
        this.records = records;
        this.files = files;
        this.cipher = cipher;
        this.scopes = scopes;
        this.personalData = personalData;
        this.workingDays = workingDays;
        this.policies = policies;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** A line of the district's list: the applicant masked, the clock worked out. */
    public record Summary(long id, String caseNumber, String districtCode, InformationRequestState state, String applicant,
                          LocalDate receivedOn, LocalDate due, boolean late, InformationReply replyKind) {
    }

    public List<Summary> list(CurrentUser user, InformationRequestState state) {
        LocalDate today = LocalDate.now(clock);
        return records.of(DisclosureScope.districts(user, scopes), state).stream()
                .map(r -> new Summary(r.id(), r.caseNumber(), r.districtCode(), r.state(), Masks.name(name(r)), r.receivedOn(), r.due(),
                        r.lateOn(today, clock.getZone()), r.replyKind())).toList();
    }

    /** The requests of the user's districts still running past their due day. */
    public List<Summary> late(CurrentUser user) {
        return list(user, null).stream().filter(s -> s.late() && s.state() != InformationRequestState.ANSWERED).toList();
    }

    /** One request as its handlers read it: what was asked in full, who asked masked, the clock, the reply and its files. */
    public record Detail(long id, String caseNumber, String districtCode, InformationRequestState state, String applicant, String contact,
                         String description, String purpose, InformationDelivery delivery, LocalDate receivedOn, LocalDate dueOn,
                         LocalDate extendedDueOn, String extensionReason, InformationReply replyKind, String reply, Instant repliedAt,
                         boolean late, List<InformationReplyFile> files, int version) {
    }

    public Detail detail(CurrentUser user, long id) {
        InformationRequest r = visible(user, id);
        String contact = cipher.decrypt(r.applicantContact(), InformationRequestDesk.PERSONAL);
        return new Detail(r.id(), r.caseNumber(), r.districtCode(), r.state(), Masks.name(name(r)), masked(contact),
                cipher.decrypt(r.description(), InformationRequestDesk.PERSONAL), r.purpose(), r.delivery(), r.receivedOn(), r.dueOn(),
                r.extendedDueOn(), r.extensionReason(), r.replyKind(), r.reply(), r.repliedAt(), r.lateOn(LocalDate.now(clock), clock.getZone()),
                records.files(id), r.version());
    }

    /** The applicant's name and contact in full, to send the reply: audited, granted or refused. */
    public record Applicant(String name, String contact) {
    }

    public Applicant applicant(CurrentUser user, long id) {
        InformationRequest r = visible(user, id);
        return new Applicant(personalData.reveal(user, "information_request", id, "applicant_name", () -> name(r)),
                personalData.reveal(user, "information_request", id, "applicant_contact",
                        () -> cipher.decrypt(r.applicantContact(), InformationRequestDesk.PERSONAL)));
    }

    /** Once, before the due day, by the district's leader, with the reason the applicant will read (第三十三条). */
    @Transactional
    public void extend(CurrentUser user, long id, String reason, Integer seenVersion) {
        InformationRequest r = handled(user, id);
        if (!FourEyes.isLeaderOf(user, r.districtCode())) {
            throw ProblemException.forbidden(FourEyes.LEADER_REQUIRED, "延长答复期限须经本区县住房保障部门分管领导同意。");
        }
        if (r.state() == InformationRequestState.EXTENDED) {
            throw ProblemException.conflict("INFORMATION_REQUEST_EXTENDED_ONCE", "该申请已延期一次，依条例不能再次延期。");
        }
        if (LocalDate.now(clock).isAfter(r.due())) {
            throw ProblemException.conflict("INFORMATION_REQUEST_EXTENSION_LATE", "答复期限（" + r.due() + "）已过，不能再延期，请尽快答复。");
        }
        String why = text(reason, 500, "INFORMATION_REQUEST_EXTENSION_REASON", "请写明延期的理由（将告知申请人，不超过500字）。");
        LocalDate newDue = workingDays.plusWorkingDays(r.dueOn(), policies.integer(EXTENSION_DAYS, r.districtCode()));
        changes.apply(r.extend(newDue, why, user.id(), clock.instant()).asSeen(seenVersion), done ->
                audit.record(DisclosureAudit.INFORMATION_REQUEST_EXTEND, "information_request", id, AuditOutcome.SUCCESS,
                        Map.of("dueOn", newDue.toString())));
    }

    /** The bureau's answer: its kind, a text that says why when anything is withheld, and the information as files. */
    @Transactional
    public void answer(CurrentUser user, long id, InformationReply kind, String reply, List<Upload> uploads, Integer seenVersion) {
        InformationRequest r = handled(user, id);
        if (kind == null) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_REPLY_KIND", "请选择答复类型。");
        }
        String text = text(reply, 10_000, "INFORMATION_REQUEST_REPLY", "请填写答复内容（不予公开或部分公开的，写明理由和依据；不超过10000字）。");
        List<Upload> given = uploads == null ? List.of() : uploads.stream().filter(u -> !u.empty()).toList();
        if (given.size() > MAX_FILES) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_FILES", "答复附件最多" + MAX_FILES + "个。");
        }
        for (Upload u : given) {
            if (ContentTypes.sniffWithin(u.content(), maxBytes) == null) {
                throw ProblemException.badRequest("INFORMATION_REQUEST_FILE_TYPE", "答复附件只接受 PDF 文件或 JPG、PNG 图片（按文件内容识别），每个不超过 "
                        + (maxBytes / 1024 / 1024) + " MB。");
            }
        }
        changes.apply(r.answer(kind, text, user.id(), clock.instant()).asSeen(seenVersion), done -> {
            for (Upload u : given) {
                String type = ContentTypes.sniff(u.content());
                FileStore.StoredFile stored = files.store(u.content(), u.safeName("reply"), type);
                records.file(id, new FileStore.StoredFile(stored.key(), stored.sha256(), stored.size(), u.safeName("reply"), type), clock.instant());
            }
            audit.record(DisclosureAudit.INFORMATION_REQUEST_ANSWER, "information_request", id, AuditOutcome.SUCCESS,
                    Map.of("kind", kind.name(), "files", given.size()));
        });
    }

    /** A file of the request's reply, with its bytes (checked against their digest by the file store). */
    public record Download(InformationReplyFile file, byte[] content) {
    }

    public Download file(CurrentUser user, long id, long fileId) {
        visible(user, id);
        return download(records, files, id, fileId)
                .orElseThrow(() -> ProblemException.notFound("INFORMATION_REQUEST_FILE_NOT_FOUND", "答复附件不存在。"));
    }

    static java.util.Optional<Download> download(InformationRequestRecords records, FileStore files, long id, long fileId) {
        return records.fileKey(id, fileId).map(key -> new Download(
                records.files(id).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow(), files.read(key)));
    }

    InformationRequest visible(CurrentUser user, long id) {
        return records.find(id).filter(r -> DisclosureScope.districts(user, scopes).contains(r.districtCode()))
                .orElseThrow(() -> ProblemException.notFound("INFORMATION_REQUEST_NOT_FOUND", "信息公开申请不存在，或不在您的数据范围内。"));
    }

    private InformationRequest handled(CurrentUser user, long id) {
        InformationRequest r = visible(user, id);
        if (!user.hasAny(Role.GOV_OFFICER, Role.GOV_ADMIN)) {
            throw ProblemException.forbidden("DISCLOSURE_GOVERNMENT_ONLY", "信息公开申请由区县住房保障部门办理。");
        }
        if (r.state() == InformationRequestState.ANSWERED) {
            throw ProblemException.conflict("INFORMATION_REQUEST_ANSWERED", "该申请已答复办结。");
        }
        return r;
    }

    private String name(InformationRequest r) {
        return cipher.decrypt(r.applicantName(), InformationRequestDesk.PERSONAL);
    }

    /** 138****5678; z***@example.com; an address cut after its first six characters. */
    static String masked(String contact) {
        if (contact.matches("1[3-9][0-9]{9}")) {
            return Masks.phone(contact);
        }
        int at = contact.indexOf('@');
        return at > 0 ? contact.charAt(0) + "***" + contact.substring(at) : contact.substring(0, Math.min(6, contact.length())) + "***";
    }

    private static String text(String s, int max, String code, String message) {
        if (s == null || s.isBlank() || s.strip().length() > max) {
            throw ProblemException.badRequest(code, message);
        }
        return s.strip();
    }
}
