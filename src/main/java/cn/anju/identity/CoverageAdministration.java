package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Government officers record which operator serves which district or project, and when. A district's officers
 * act for their district; the city bureau's administrators for any district of the city. Operators only read.
 */
@NamedInterface("actions")
@Service
public class CoverageAdministration {

    private final OperatorCoverages coverages;
    private final Organisations organisations;
    private final Districts districts;
    private final AuditLog audit;
    private final Clock clock;

    CoverageAdministration(OperatorCoverages coverages, Organisations organisations, Districts districts,
                           AuditLog audit, Clock clock) {
        this.coverages = coverages;
        this.organisations = organisations;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewCoverage(Long operatorId, String districtCode, Long projectId, LocalDate validFrom,
                              LocalDate validTo, String note) {
    }

    @Transactional
    public OperatorCoverage grant(CurrentUser actor, NewCoverage command) {
        if (command.districtCode() == null || districts.find(command.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_DISTRICT", "请选择本市的区县。");
        }
        requireMaintainer(actor, command.districtCode());
        if (command.validFrom() == null) {
            throw ProblemException.badRequest("VALID_FROM_REQUIRED", "请填写服务开始日期。");
        }
        Organisation operator = organisations.findById(command.operatorId() == null ? -1 : command.operatorId())
                .orElseThrow(() -> ProblemException.badRequest("OPERATOR_NOT_FOUND", "所选承接主体不存在。"));
        OperatorCoverage saved = coverages.save(OperatorCoverage.grant(operator, command.districtCode(),
                command.projectId(), command.validFrom(), command.validTo(), command.note(), actor.id(), clock.instant()));
        audit.record(IdentityAudit.COVERAGE_GRANT, "operator_coverage", saved.id(), AuditOutcome.SUCCESS, Map.of(
                "operatorId", operator.id(), "district", saved.districtCode(), "from", saved.validFrom().toString(),
                "to", saved.validTo() == null ? "" : saved.validTo().toString()));
        return saved;
    }

    @Transactional
    public OperatorCoverage end(CurrentUser actor, Long coverageId, LocalDate lastDay) {
        OperatorCoverage coverage = coverages.findById(coverageId)
                .orElseThrow(() -> ProblemException.notFound("COVERAGE_NOT_FOUND", "服务范围记录不存在。"));
        requireMaintainer(actor, coverage.districtCode());
        coverage.endOn(lastDay == null ? LocalDate.now(clock) : lastDay, actor.id(), clock.instant());
        audit.record(IdentityAudit.COVERAGE_END, "operator_coverage", coverageId, AuditOutcome.SUCCESS, Map.of(
                "lastDay", coverage.validTo().toString()));
        return coverages.save(coverage);
    }

    private static void requireMaintainer(CurrentUser actor, String districtCode) {
        if (!DistrictOfficers.mayMaintain(actor, districtCode)) {
            throw ProblemException.forbidden("COVERAGE_NOT_YOURS",
                    "只有该区县住房保障部门的工作人员或市住建局管理员可以维护承接主体服务范围。");
        }
    }
}
