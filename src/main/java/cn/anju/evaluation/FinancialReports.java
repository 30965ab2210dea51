package cn.anju.evaluation;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.contract.ContractStatus;
import cn.anju.contract.ContractTerms;
import cn.anju.contract.ServiceContract;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DistrictOfficers;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.files.ContentTypes;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.files.Upload;
import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's accounts under a contract: its manager files each quarter's and year's report on the template and the
 * year's audit report; the district accepts or returns each. A report not filed by its due day is overdue: listed for
 * the district, and the purchaser's manual leaf 财务报告按期报送及审计 is where it weighs on the score.
 */
@NamedInterface("actions")
@Service
public class FinancialReports {

    static final String QUARTERLY_DUE = "financial-report.quarterly-due-days";
    static final String ANNUAL_DUE = "financial-report.annual-due-days";
    /** How far back the overdue list looks: the last two years' periods. */
    private static final int QUARTERS_BACK = 8;

    private final FinancialReportRecords records;
    private final ContractTerms contracts;
    private final FileStore files;
    private final PolicySettings policy;
    private final AuditLog audit;
    private final Clock clock;

    FinancialReports(FinancialReportRecords records, ContractTerms contracts, FileStore files, PolicySettings policy, AuditLog audit,
                     Clock clock) {
        this.records = records;
        this.contracts = contracts;
        this.files = files;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public byte[] template() {
        return FinancialTemplate.blank();
    }

    public List<FinancialReport> list(CurrentUser user) {
        return records.ofContracts(contracts.readable(user).stream().map(ServiceContract::id).toList());
    }

    public FinancialReport visible(CurrentUser user, long id) {
        FinancialReport r = records.find(id).orElseThrow(FinancialReports::notFound);
        contracts.contract(r.contractId()).filter(c -> contracts.reads(user, c)).orElseThrow(FinancialReports::notFound);
        return r;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("REPORT_NOT_FOUND", "财务报告不存在，或不在您的数据范围内。");
    }

    /** A quarter's (2026Q3) or a year's (2026) report on the template, after the period has ended. */
    @Transactional
    public long submit(CurrentUser user, long contractId, String periodCode, Upload workbook) {
        ServiceContract c = ownContract(user, contractId);
        EvaluationPeriod p = ended(c, periodCode);
        if (workbook == null || workbook.empty()) {
            throw ProblemException.badRequest("REPORT_FILE_REQUIRED", "请上传按平台模板填写的财务报告表（Excel）。");
        }
        FinancialReport.Figures figures = FinancialTemplate.read(workbook.content());
        FileStore.StoredFile f = files.store(workbook.content(), workbook.safeName("report.xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        FinancialReport.Kind kind = p.kind() == EvaluationPeriod.Kind.QUARTER ? FinancialReport.Kind.QUARTERLY : FinancialReport.Kind.ANNUAL;
        return insert(user, new FinancialReportRecords.NewReport(c.id(), c.districtCode(), c.operatorId(), p.code(), kind, dueOn(c, p, kind),
                figures, null, null, f, workbook.safeName("report.xlsx")));
    }

    /** The year's audit report: the accounting firm (by its licence number; recorded the first time), the opinion, the PDF. */
    @Transactional
    public long submitAudit(CurrentUser user, long contractId, String year, String firmName, String licenceNo,
                            FinancialReport.Opinion opinion, Upload pdf) {
        ServiceContract c = ownContract(user, contractId);
        EvaluationPeriod p = ended(c, year);
        if (p.kind() != EvaluationPeriod.Kind.YEAR) {
            throw ProblemException.badRequest("AUDIT_YEAR_REQUIRED", "审计报告按年度报送，请填写年份（如 2026）。");
        }
        if (firmName == null || firmName.isBlank() || licenceNo == null || licenceNo.isBlank() || opinion == null) {
            throw ProblemException.badRequest("AUDIT_INCOMPLETE", "请填写会计师事务所名称、执业证书编号和审计意见类型。");
        }
        if (pdf == null || pdf.empty() || !"application/pdf".equals(ContentTypes.sniffWithin(pdf.content(), Evidence.MAX_BYTES))) {
            throw ProblemException.badRequest("PDF_REQUIRED", "审计报告须为不超过20MB的 PDF 文件。");
        }
        long firm = records.firmByLicence(licenceNo.strip()).map(existing -> {
            if (!existing.name().equals(firmName.strip())) {
                throw ProblemException.conflict("FIRM_LICENCE_TAKEN", "执业证书编号 " + licenceNo.strip() + " 已登记为「" + existing.name() + "」，请核对。");
            }
            return existing.id();
        }).orElseGet(() -> records.insertFirm(firmName.strip(), licenceNo.strip(), user.id(), clock.instant()));
        FileStore.StoredFile f = files.store(pdf.content(), pdf.safeName("audit.pdf"), "application/pdf");
        return insert(user, new FinancialReportRecords.NewReport(c.id(), c.districtCode(), c.operatorId(), p.code(), FinancialReport.Kind.AUDIT,
                dueOn(c, p, FinancialReport.Kind.AUDIT), null, firm, opinion, f, pdf.safeName("audit.pdf")));
    }

    public List<FinancialReportRecords.Firm> firms() {
        return records.firms();
    }

    @Transactional
    public void decide(CurrentUser user, long id, boolean accept, String reason, Integer seenVersion) {
        FinancialReport r = visible(user, id);
        if (!DistrictOfficers.mayMaintain(user, r.districtCode())) {
            throw ProblemException.forbidden("REPORT_NOT_YOURS", "只有该区县住房保障部门的经办人可以接收或退回财务报告。");
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("RETURN_REASON_REQUIRED", "退回财务报告须写明理由。");
        }
        if (r.status() != FinancialReport.Status.SUBMITTED) {
            throw ProblemException.conflict("REPORT_DECIDED", "该财务报告已" + r.status().label() + "。");
        }
        if (seenVersion != null && seenVersion != r.version() || !records.decide(r, accept ? FinancialReport.Status.ACCEPTED
                : FinancialReport.Status.RETURNED, reason == null ? null : reason.strip(), user.id(), clock.instant())) {
            throw ProblemException.conflict("CONCURRENT_CHANGE", "该财务报告刚被他人处理，请刷新后再试。");
        }
        audit.record(EvaluationAudit.REPORT_DECIDE, "financial_report", id, AuditOutcome.SUCCESS, Map.of("accepted", accept));
    }

    /** A report expected and not standing (submitted or accepted) by its due day. */
    public record Overdue(long contractId, String contractNo, String districtCode, String period, FinancialReport.Kind kind, LocalDate dueOn,
                          long daysOverdue) {
    }

    /** The reports of the user's contracts that are past due and not filed, over the last two years' periods. */
    public List<Overdue> overdue(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<Overdue> out = new ArrayList<>();
        for (ServiceContract c : contracts.readable(user)) {
            if (c.status() == ContractStatus.DRAFT) {
                continue;
            }
            List<FinancialReport> filed = records.ofContracts(List.of(c.id())).stream()
                    .filter(r -> r.status() != FinancialReport.Status.RETURNED).toList();
            EvaluationPeriod q = EvaluationPeriod.quarterOf(today);
            for (int i = 0; i < QUARTERS_BACK; i++) {
                q = q.previous();
                expect(c, q, FinancialReport.Kind.QUARTERLY, filed, today, out);
                if (q.code().endsWith("Q4")) {
                    EvaluationPeriod year = EvaluationPeriod.parse(String.valueOf(q.year()));
                    expect(c, year, FinancialReport.Kind.ANNUAL, filed, today, out);
                    expect(c, year, FinancialReport.Kind.AUDIT, filed, today, out);
                }
            }
        }
        return out;
    }

    private void expect(ServiceContract c, EvaluationPeriod p, FinancialReport.Kind kind, List<FinancialReport> filed, LocalDate today,
                        List<Overdue> out) {
        boolean served = contracts.places(c).stream().anyMatch(place -> place.within(p.from(), p.to()).isPresent());
        LocalDate due = dueOn(c, p, kind);
        if (served && today.isAfter(due) && filed.stream().noneMatch(r -> r.period().equals(p.code()) && r.kind() == kind)) {
            out.add(new Overdue(c.id(), c.contractNo(), c.districtCode(), p.code(), kind, due, today.toEpochDay() - due.toEpochDay()));
        }
    }

    private LocalDate dueOn(ServiceContract c, EvaluationPeriod p, FinancialReport.Kind kind) {
        String key = kind == FinancialReport.Kind.QUARTERLY ? QUARTERLY_DUE : ANNUAL_DUE;
        return p.to().plusDays(policy.integer(key, c.districtCode()));
    }

    private long insert(CurrentUser user, FinancialReportRecords.NewReport r) {
        try {
            long id = records.insert(r, user.id(), clock.instant());
            audit.record(EvaluationAudit.REPORT_SUBMIT, "financial_report", id, AuditOutcome.SUCCESS, Map.of("period", r.period(),
                    "kind", r.kind().name()));
            return id;
        } catch (DuplicateKeyException dup) {
            throw ProblemException.conflict("REPORT_SUBMITTED", r.period() + r.kind().label() + "已报送；被退回后方可重新报送。");
        }
    }

    /** The contract of the user's own operator, open to it (in force or within its wind-down). */
    private ServiceContract ownContract(CurrentUser user, long contractId) {
        ServiceContract c = contracts.contract(contractId).filter(x -> contracts.reads(user, x))
                .orElseThrow(() -> ProblemException.notFound("CONTRACT_NOT_FOUND", "服务合同不存在，或不在您的数据范围内。"));
        if (user.organisationType() != OrganisationType.OPERATOR || !user.has(Role.OPERATOR_MANAGER)
                || user.organisationId() == null || user.organisationId() != c.operatorId()) {
            throw ProblemException.forbidden("REPORT_NOT_YOURS", "财务报告由承接该合同的承接主体负责人报送。");
        }
        return c;
    }

    /** The period, once it has ended and if the contract served in it. */
    private EvaluationPeriod ended(ServiceContract c, String code) {
        EvaluationPeriod p = EvaluationPeriod.parse(code);
        if (!LocalDate.now(clock).isAfter(p.to())) {
            throw ProblemException.conflict("PERIOD_NOT_ENDED", p.label() + "尚未结束，期满后报送财务报告。");
        }
        if (contracts.places(c).stream().noneMatch(place -> place.within(p.from(), p.to()).isPresent())) {
            throw ProblemException.badRequest("PERIOD_OUTSIDE_CONTRACT", p.label() + "不在合同履行期内。");
        }
        return p;
    }
}
