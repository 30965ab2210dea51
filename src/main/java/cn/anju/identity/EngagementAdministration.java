package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Government officers record that an evaluation firm is engaged (测评委托) for a district, or projects of it, and for
 * how long; its EVALUATOR users then have that scope for surveys and evaluations. The same officers as for operator
 * coverage ({@link DistrictOfficers}); the firm only reads. Project ids are not checked against the housing module
 * (identity uses no business module), only against the database's reference.
 */
@NamedInterface("actions")
@Service
public class EngagementAdministration {

    private final EvaluatorEngagements engagements;
    private final Organisations organisations;
    private final Districts districts;
    private final AuditLog audit;
    private final Clock clock;
    private final ProjectDistricts projectDistricts;

    EngagementAdministration(EvaluatorEngagements engagements, Organisations organisations, Districts districts,
                             AuditLog audit, Clock clock, ProjectDistricts projectDistricts) {
        this.projectDistricts = projectDistricts;
        this.engagements = engagements;
        this.organisations = organisations;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    /** An engagement of a firm for a whole district ({@code projectIds} empty) or for some of its projects, one row each. */
    public record NewEngagement(Long evaluatorId, String districtCode, List<Long> projectIds, LocalDate validFrom,
                                LocalDate validTo, String note) {
    }

    @Transactional
    public List<EvaluatorEngagement> engage(CurrentUser actor, NewEngagement command) {
        if (command.districtCode() == null || districts.find(command.districtCode()).isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_DISTRICT", "请选择本市的区县。");
        }
        requireMaintainer(actor, command.districtCode());
        if (command.validFrom() == null) {
            throw ProblemException.badRequest("VALID_FROM_REQUIRED", "请填写委托开始日期。");
        }
        Organisation evaluator = organisations.findById(command.evaluatorId() == null ? -1 : command.evaluatorId())
                .orElseThrow(() -> ProblemException.badRequest("EVALUATOR_NOT_FOUND", "所选评估机构不存在。"));
        List<Long> projects = command.projectIds() == null ? List.of()
                : command.projectIds().stream().filter(Objects::nonNull).distinct().toList();
        for (Long project : projects) {
            String district = projectDistricts.districtOf(project)
                    .orElseThrow(() -> ProblemException.badRequest("PROJECT_NOT_FOUND", "所选项目不存在。"));
            if (!district.equals(command.districtCode())) {
                throw ProblemException.badRequest("PROJECT_NOT_IN_DISTRICT", "所选项目 " + project + " 不在该区县，只能委托本区县的项目。");
            }
        }
        List<EvaluatorEngagement> saved = new ArrayList<>();
        for (Long project : projects.isEmpty() ? Collections.<Long>singletonList(null) : projects) {
            EvaluatorEngagement e = save(EvaluatorEngagement.engage(evaluator, command.districtCode(), project,
                    command.validFrom(), command.validTo(), command.note(), actor.id(), clock.instant()));
            audit.record(IdentityAudit.ENGAGEMENT_GRANT, "evaluator_engagement", e.id(), AuditOutcome.SUCCESS, Map.of(
                    "evaluatorId", evaluator.id(), "district", e.districtCode(),
                    "project", e.projectId() == null ? "" : e.projectId().toString(), "from", e.validFrom().toString(),
                    "to", e.validTo() == null ? "" : e.validTo().toString()));
            saved.add(e);
        }
        return List.copyOf(saved);
    }

    @Transactional
    public EvaluatorEngagement end(CurrentUser actor, Long engagementId, LocalDate lastDay) {
        EvaluatorEngagement engagement = engagements.findById(engagementId)
                .orElseThrow(() -> ProblemException.notFound("ENGAGEMENT_NOT_FOUND", "测评委托记录不存在。"));
        requireMaintainer(actor, engagement.districtCode());
        engagement.endOn(lastDay == null ? LocalDate.now(clock) : lastDay, actor.id(), clock.instant());
        audit.record(IdentityAudit.ENGAGEMENT_END, "evaluator_engagement", engagementId, AuditOutcome.SUCCESS, Map.of(
                "lastDay", engagement.validTo().toString()));
        return engagements.save(engagement);
    }

    /** An unknown project id breaks the row's reference to the project: told as such, not as a server failure. */
    private EvaluatorEngagement save(EvaluatorEngagement engagement) {
        try {
            return engagements.save(engagement);
        } catch (DataAccessException e) {
            if (e instanceof DataIntegrityViolationException || e.getCause() instanceof DataIntegrityViolationException) {
                throw ProblemException.badRequest("PROJECT_NOT_FOUND", "所选项目不存在。");
            }
            throw e;
        }
    }

    private static void requireMaintainer(CurrentUser actor, String districtCode) {
        if (!DistrictOfficers.mayMaintain(actor, districtCode)) {
            throw ProblemException.forbidden("ENGAGEMENT_NOT_YOURS",
                    "只有该区县住房保障部门的工作人员或市住建局管理员可以维护测评委托。");
        }
    }
}
