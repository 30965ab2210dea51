package cn.anju.disclosure;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.privacy.Digests;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public's side of a request for information: anyone files one with a district's housing bureau (the page asks for
 * a CAPTCHA) and gets a case number and a six-digit code; with both they follow it and download the reply's files.
 * What identifies the applicant and what they asked is encrypted before it is written; the code is kept as a digest.
 */
@Service
public class InformationRequestDesk {

    static final String PERSONAL = "information-request";
    static final String REQUEST_DAYS = "disclosure.request-working-days";
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InformationRequestRecords records;
    private final FileStore files;
    private final FieldCipher cipher;
    private final Districts districts;
    private final WorkingDays workingDays;
    private final PolicySettings policies;
    private final AuditLog audit;
    private final Clock clock;

    InformationRequestDesk(InformationRequestRecords records, FileStore files, FieldCipher cipher, Districts districts,
                           WorkingDays workingDays, PolicySettings policies, AuditLog audit, Clock clock) {
        this.records = records;
        this.files = files;
        this.cipher = cipher;
        this.districts = districts;
        this.workingDays = workingDays;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an applicant writes on the form. {@code contact}: a mobile number, an e-mail address or a postal address;
     * {@code submissionKey}: the form's own key, so submitting it twice files one request.
     */
    public record Application(String districtCode, String name, String contact, String description, String purpose,
                              InformationDelivery delivery, UUID submissionKey) {
    }

    /** The case number and, the first time only, the code to follow it with (a repeated submission has no code). */
    public record Receipt(String caseNumber, String code, LocalDate dueOn) {
    }

    @Transactional
    public Receipt submit(Application a) {
        check(a);
        Optional<String> before = records.caseNumberOf(a.submissionKey());
        if (before.isPresent()) {
            return new Receipt(before.get(), null, null);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        LocalDate due = workingDays.plusWorkingDays(today, policies.integer(REQUEST_DAYS, a.districtCode()));
        String number = "YS" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", records.nextNumber() % 100_000);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        var row = new InformationRequestRecords.NewRow(number, a.submissionKey(), a.districtCode(), cipher.encrypt(a.name().strip(), PERSONAL),
                cipher.encrypt(a.contact().strip(), PERSONAL), cipher.encrypt(a.description().strip(), PERSONAL), blankToNull(a.purpose()),
                a.delivery(), Digests.sha256Hex(code), now, today, due);
        Optional<Long> id = records.insert(row);
        if (id.isEmpty()) { // the same form, submitted at the same moment on another connection
            return new Receipt(records.caseNumberOf(a.submissionKey()).orElseThrow(), null, null);
        }
        audit.record(DisclosureAudit.INFORMATION_REQUEST_RECEIVED, "information_request", id.get(), AuditOutcome.SUCCESS,
                Map.of("district", a.districtCode()));
        return new Receipt(number, code, due);
    }

    /** What the applicant sees of their request, with the reply's files once answered. */
    public record Status(long id, String caseNumber, String district, InformationRequestState state, LocalDate receivedOn, LocalDate due,
                         String extensionReason, InformationReply replyKind, String reply, Instant repliedAt,
                         List<InformationReplyFile> files) {
    }

    /** The request with this number whose code matches; empty for a wrong number or code alike. */
    public Optional<Status> status(String caseNumber, String code) {
        if (caseNumber == null || code == null || !code.strip().matches("[0-9]{6}")) {
            return Optional.empty();
        }
        return records.idByNumber(caseNumber.strip().toUpperCase())
                .filter(id -> Digests.same(records.trackingCode(id), Digests.sha256Hex(code.strip())))
                .flatMap(records::find).map(r -> new Status(r.id(), r.caseNumber(), districts.nameOf(r.districtCode()), r.state(),
                        r.receivedOn(), r.due(), r.extensionReason(), r.replyKind(), r.reply(), r.repliedAt(),
                        r.state() == InformationRequestState.ANSWERED ? records.files(r.id()) : List.of()));
    }

    /** A file of an answered request's reply, for an applicant who opened the request with its code. */
    public Optional<InformationRequests.Download> replyFile(long requestId, long fileId) {
        return InformationRequests.download(records, files, requestId, fileId);
    }

    private void check(Application a) {
        if (a.districtCode() == null || districts.find(a.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_DISTRICT", "请选择向哪个区县住房保障部门申请。");
        }
        if (a.name() == null || a.name().isBlank() || a.name().strip().length() > 50) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_NAME", "请填写申请人姓名或单位名称（不超过50字）。");
        }
        String contact = a.contact() == null ? "" : a.contact().strip();
        if (contact.isEmpty() || contact.length() > 200) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_CONTACT", "请填写联系方式：手机号码、电子邮箱或通信地址（不超过200字）。");
        }
        if (a.delivery() == null) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_DELIVERY", "请选择获取信息的方式。");
        }
        if (a.delivery() == InformationDelivery.EMAIL && !EMAIL.matcher(contact).matches()) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_EMAIL", "选择电子邮件获取时，联系方式请填写有效的电子邮箱。");
        }
        if (contact.matches("[0-9+\\- ]+") && !MOBILE.matcher(contact.replaceAll("[ \\-]|^\\+86", "")).matches()) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_CONTACT", "手机号码应为11位数字，例如 13800001234。");
        }
        String text = a.description() == null ? "" : a.description().strip();
        if (text.length() < 10 || text.length() > 5000) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_DESCRIPTION", "请写明所需信息的名称、文号或便于查询的其他特征描述（10至5000字）。");
        }
        if (a.purpose() != null && a.purpose().length() > 500) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_PURPOSE", "用途说明不超过500字。");
        }
        if (a.submissionKey() == null) {
            throw ProblemException.badRequest("INFORMATION_REQUEST_KEY", "表单已失效，请刷新页面后重新填写。");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
