package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation placed in a whole district ({@code projectId} empty) or one project of it, from one date to another
 * (open-ended while {@code validTo} is empty): an operator's coverage, an evaluation firm's engagement. Rows are never
 * deleted: ending one records who ended it and when, so the scope the organisation had on any past date can be answered.
 * Each kind names its errors by its own prefix ({@code COVERAGE_…}, {@code ENGAGEMENT_…}).
 */
public abstract class Assignment {

    @Id
    private Long id;
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

    /** {@code COVERAGE} or {@code ENGAGEMENT}: the first word of this kind's error codes. */
    abstract String codePrefix();

    /** This kind in a sentence, e.g. 该服务范围. */
    abstract String described();

    /** Places it, refusing a last day before the first (400 {@code <prefix>_DATES_INVERTED}). */
    void place(String districtCode, Long projectId, LocalDate from, LocalDate to, String note, Long createdBy, Instant now) {
        if (to != null && to.isBefore(from)) {
            throw ProblemException.badRequest(codePrefix() + "_DATES_INVERTED", "结束日期不能早于开始日期。");
        }
        this.districtCode = districtCode;
        this.projectId = projectId;
        this.validFrom = from;
        this.validTo = to;
        this.note = note;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Ends it on the given day (inclusive); it cannot end before it began, nor end again once it ends by then. */
    void endOn(LocalDate lastDay, Long endedBy, Instant now) {
        if (lastDay.isBefore(validFrom)) {
            throw ProblemException.badRequest(codePrefix() + "_DATES_INVERTED", "结束日期不能早于开始日期 " + validFrom + "。");
        }
        if (validTo != null && !lastDay.isBefore(validTo)) {
            throw ProblemException.conflict(codePrefix() + "_ALREADY_ENDS", described() + "已于 " + validTo + " 结束，无需再次结束。");
        }
        this.validTo = lastDay;
        this.endedBy = endedBy;
        this.endedAt = now;
    }

    public boolean activeOn(LocalDate day) {
        return activeOn(validFrom, validTo, day);
    }

    static boolean activeOn(LocalDate from, LocalDate to, LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public Long id() {
        return id;
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
