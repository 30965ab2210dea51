package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That an operator serves a whole district, or one project in it, from one date to another (open-ended while
 * {@code validTo} is empty). Rows are never deleted: ending one records who ended it and when, so the scope an
 * operator had on any past date can be answered.
 */
@Table("operator_coverage")
public class OperatorCoverage {

    @Id
    private Long id;
    private Long operatorId;
    private String districtCode;
    private Long projectId;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String note;
    private Long createdBy;
    private Instant createdAt;
    private Long endedBy;
    private Instant endedAt;
    @Version
    private Integer version;

    OperatorCoverage() {
    }

    static OperatorCoverage grant(Organisation operator, String districtCode, Long projectId, LocalDate from,
                                  LocalDate to, String note, Long createdBy, Instant now) {
        if (operator.type() != OrganisationType.OPERATOR) {
            throw ProblemException.badRequest("NOT_AN_OPERATOR", "服务范围只能授予承接主体。");
        }
        if (to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("COVERAGE_DATES_INVERTED", "结束日期不能早于开始日期。");
        }
        OperatorCoverage c = new OperatorCoverage();
        c.operatorId = operator.id();
        c.districtCode = districtCode;
        c.projectId = projectId;
        c.validFrom = from;
        c.validTo = to;
        c.note = note;
        c.createdBy = createdBy;
        c.createdAt = now;
        return c;
    }

    /** Ends the coverage on the given day (inclusive); it cannot end before it began. */
    void endOn(LocalDate lastDay, Long endedBy, Instant now) {
        if (lastDay.isBefore(validFrom)) {
            throw ProblemException.badRequest("COVERAGE_DATES_INVERTED", "结束日期不能早于开始日期 " + validFrom + "。");
        }
        if (validTo != null && !lastDay.isBefore(validTo)) {
            throw ProblemException.conflict("COVERAGE_ALREADY_ENDS", "该服务范围已于 " + validTo + " 结束，无需再次结束。");
        }
        this.validTo = lastDay;
        this.endedBy = endedBy;
        this.endedAt = now;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public Long id() {
        return id;
    }

    public Long operatorId() {
        return operatorId;
    }

    public String districtCode() {
        return districtCode;
    }

    public Long projectId() {
        return projectId;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
