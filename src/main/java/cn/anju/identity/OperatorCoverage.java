package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/** That an operator serves a whole district, or one project in it, for a period ({@link Assignment}). */
@Table("operator_coverage")
public class OperatorCoverage extends Assignment {

    private Long operatorId;

    OperatorCoverage() {
    }

    static OperatorCoverage grant(Organisation operator, String districtCode, Long projectId, LocalDate from,
                                  LocalDate to, String note, Long createdBy, Instant now) {
        if (operator.type() != OrganisationType.OPERATOR) {
            throw ProblemException.badRequest("NOT_AN_OPERATOR", "服务范围只能授予承接主体。");
        }
        OperatorCoverage c = new OperatorCoverage();
        c.operatorId = operator.id();
        c.place(districtCode, projectId, from, to, note, createdBy, now);
        return c;
    }

    @Override
    String codePrefix() {
        return "COVERAGE";
    }

    @Override
    String described() {
        return "该服务范围";
    }

    public Long operatorId() {
        return operatorId;
    }
}
