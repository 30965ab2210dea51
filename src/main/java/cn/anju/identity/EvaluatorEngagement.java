package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That an evaluation firm is engaged (测评委托) for a whole district, or one project in it, for a period
 * ({@link Assignment}): its EVALUATOR users then have that scope for surveys and evaluations ({@link DataScope.Evaluator}).
 */
@Table("evaluator_engagement")
public class EvaluatorEngagement extends Assignment {

    private Long evaluatorId;

    EvaluatorEngagement() {
    }

    static EvaluatorEngagement engage(Organisation evaluator, String districtCode, Long projectId, LocalDate from,
                                      LocalDate to, String note, Long createdBy, Instant now) {
        if (evaluator.type() != OrganisationType.EVALUATOR) {
            throw ProblemException.badRequest("NOT_AN_EVALUATOR", "测评委托只能授予第三方评估机构。");
        }
        EvaluatorEngagement e = new EvaluatorEngagement();
        e.evaluatorId = evaluator.id();
        e.place(districtCode, projectId, from, to, note, createdBy, now);
        return e;
    }

    @Override
    String codePrefix() {
        return "ENGAGEMENT";
    }

    @Override
    String described() {
        return "该测评委托";
    }

    public Long evaluatorId() {
        return evaluatorId;
    }
}
