package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.ContractCoverage;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 补充协议: numbered per contract, effective from a day, adding or dropping projects, moving the end, changing the fees.
 * An added project is covered from the effective day, not before; a dropped one until the day before it.
 */
@NamedInterface("actions")
@Service
public class ContractAmendments {

    private final ContractRecords records;
    private final ContractScope scope;
    private final ServiceContracts contracts;
    private final ContractPdfs pdfs;
    private final ContractCoverage coverage;
    private final ContractLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ContractAmendments(ContractRecords records, ContractScope scope, ServiceContracts contracts, ContractPdfs pdfs,
                       ContractCoverage coverage, ContractLifecycle lifecycle, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.records = records;
        this.scope = scope;
        this.contracts = contracts;
        this.pdfs = pdfs;
        this.coverage = coverage;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an amendment changes; {@code version}: the contract's version the user saw, when sent (a stale one is 409). */
    public record NewAmendment(LocalDate effectiveOn, String reason, List<Long> addProjects, List<Long> dropProjects,
                               LocalDate newEndsOn, FeeTerms newFees, Integer version) {

        public NewAmendment(LocalDate effectiveOn, String reason, List<Long> addProjects, List<Long> dropProjects, LocalDate newEndsOn,
                            FeeTerms newFees) {
            this(effectiveOn, reason, addProjects, dropProjects, newEndsOn, newFees, null);
        }
    }

    public record Amendment(long id, int seq, LocalDate effectiveOn, String reason, List<Long> addProjects, List<Long> dropProjects,
                            LocalDate previousEndsOn, LocalDate newEndsOn, FeeTerms newFees, StoredPdf file) {
    }

    @Transactional
    public long amend(CurrentUser user, long contractId, NewAmendment a, Upload file, Integer seenVersion) {
        ServiceContract c = scope.visible(user, records.contractLocked(contractId)
                .orElseThrow(() -> ContractScope.notFound("CONTRACT_NOT_FOUND", "服务合同")));
        scope.requirePreparer(user, c.districtCode());
        if (c.status() != ContractStatus.SIGNED && c.status() != ContractStatus.IN_FORCE) {
            throw ProblemException.conflict("CONTRACT_NOT_AMENDABLE", "只有已签订或履行中的合同可以签订补充协议（当前：" + c.status().label() + "）。");
        }
        c.requireSeen(seenVersion, true);
        if (c.termination() != null && c.termination().decidedBy() == null) {
            throw ProblemException.conflict("TERMINATION_PENDING", "该合同有待分管领导审批的终止申请，审批前不能签订补充协议。");
        }
        if (a.effectiveOn() == null || a.reason() == null || a.reason().isBlank()) {
            throw ProblemException.badRequest("AMENDMENT_INCOMPLETE", "请填写补充协议的生效日期和事由。");
        }
        if (a.effectiveOn().isBefore(c.startsOn()) || (c.endsOn() != null && a.effectiveOn().isAfter(c.endsOn()))) {
            throw ProblemException.badRequest("AMENDMENT_OUTSIDE_TERM", "补充协议的生效日期须在合同期限内（" + c.startsOn() + " 起" + (c.endsOn() == null ? "" : " 至 " + c.endsOn()) + "）。");
        }
        List<Long> adds = a.addProjects() == null ? List.of() : a.addProjects();
        List<Long> drops = a.dropProjects() == null ? List.of() : a.dropProjects();
        if (adds.isEmpty() && drops.isEmpty() && a.newEndsOn() == null && a.newFees() == null) {
            throw ProblemException.badRequest("AMENDMENT_EMPTY", "补充协议须至少变更一项：增加或减少项目、变更结束日期或变更费用。");
        }
        if (c.allProjects() && !(adds.isEmpty() && drops.isEmpty())) {
            throw ProblemException.badRequest("ALL_PROJECTS_CONTRACT", "该合同覆盖本区县全部项目（含新增项目），无需增减项目。");
        }
        Set<Long> current = coveredOn(c, a.effectiveOn());
        if (!adds.isEmpty()) {
            contracts.checkedProjects(c.districtCode(), adds).stream().filter(current::contains).findFirst().ifPresent(p -> {
                throw ProblemException.badRequest("PROJECT_ALREADY_COVERED", "项目 " + p + " 已在合同覆盖范围内。");
            });
        }
        drops.stream().filter(p -> !current.contains(p)).findFirst().ifPresent(p -> {
            throw ProblemException.badRequest("PROJECT_NOT_COVERED", "项目 " + p + " 不在合同覆盖范围内，无法减少。");
        });
        // ending sooner, or covering nothing, is a termination: it needs a leader's approval, not an officer's amendment
        if (a.newEndsOn() != null && c.endsOn() != null && a.newEndsOn().isBefore(c.endsOn())
                || !c.allProjects() && !drops.isEmpty() && adds.isEmpty() && current.stream().allMatch(drops::contains)) {
            throw ProblemException.badRequest("AMENDMENT_SHORTENS_TERM",
                    "补充协议只能延长期限或调整部分项目；提前结束合同或减少全部项目请申请终止合同（须本区县分管领导审批）。");
        }
        StoredPdf pdf = pdfs.store(file, "补充协议");
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from contract_amendment where contract_id = ?").param(contractId)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into contract_amendment (contract_id, seq, effective_on, reason, adds_projects, drops_projects,
                               previous_ends_on, new_ends_on, new_fees, file, file_sha256, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""")
                .params(contractId, seq, a.effectiveOn(), a.reason().strip(), adds.toArray(Long[]::new), drops.toArray(Long[]::new),
                        a.newEndsOn() == null ? null : c.endsOn(), a.newEndsOn(),
                        a.newFees() == null ? null : json.writeValueAsString(a.newFees()), pdf == null ? null : pdf.key(),
                        pdf == null ? null : pdf.sha256(), user.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        LocalDate end = a.newEndsOn() == null ? c.endsOn() : a.newEndsOn();
        for (Long p : drops) {
            records.dropProject(contractId, p, a.effectiveOn().minusDays(1));
            coverage.endProject(user.id(), contractId, p, a.effectiveOn().minusDays(1));
        }
        if (a.newEndsOn() != null) {
            records.changeEnd(contractId, end);
            coverage.moveEnd(user.id(), contractId, c.endsOn(), end);
        }
        for (Long p : adds) {
            records.addProject(contractId, p, a.effectiveOn());
            coverage.grant(user.id(), new ContractCoverage.Grant(c.id(), c.contractNo(), c.operatorId(), c.districtCode(), p,
                    a.effectiveOn(), end, c.windDownDays(), c.title()));
        }
        records.touch(contractId);
        lifecycle.follow(contractId);
        audit.record(ContractAudit.CONTRACT_AMEND, "service_contract", contractId, AuditOutcome.SUCCESS, Map.of("seq", seq,
                "effectiveOn", a.effectiveOn().toString(), "adds", adds.size(), "drops", drops.size(), "newEnd", String.valueOf(a.newEndsOn())));
        return id;
    }

    /** The projects the contract covers on the day (by its project rows, as amended so far). */
    private Set<Long> coveredOn(ServiceContract c, LocalDate day) {
        Set<Long> ids = new HashSet<>();
        records.projects(c.id()).stream().filter(p -> p.to() == null || !p.to().isBefore(day)).forEach(p -> ids.add(p.projectId()));
        return ids;
    }

    public List<Amendment> of(ServiceContract c) {
        return jdbc.sql("select * from contract_amendment where contract_id = ? order by seq").param(c.id())
                .query((rs, n) -> new Amendment(rs.getLong("id"), rs.getInt("seq"), rs.getObject("effective_on", LocalDate.class),
                        rs.getString("reason"), List.of((Long[]) rs.getArray("adds_projects").getArray()),
                        List.of((Long[]) rs.getArray("drops_projects").getArray()), rs.getObject("previous_ends_on", LocalDate.class),
                        rs.getObject("new_ends_on", LocalDate.class),
                        rs.getString("new_fees") == null ? null : json.readValue(rs.getString("new_fees"), FeeTerms.class),
                        StoredPdf.of(rs.getString("file"), rs.getString("file_sha256"))))
                .list();
    }

    /** The fee terms in force on a day: the latest amendment's that changed them by then, else the contract's own. */
    public static FeeTerms feesOn(ServiceContract c, List<Amendment> amendments, LocalDate day) {
        return amendments.stream().filter(a -> a.newFees() != null && !a.effectiveOn().isAfter(day))
                .reduce((x, y) -> y).map(Amendment::newFees).orElse(c.fees());
    }
}
