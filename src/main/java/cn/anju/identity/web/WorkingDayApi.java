package cn.anju.identity.web;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityAudit;
import cn.anju.shared.Role;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar (工作日历): everyone signed in reads it; the system administrator and the housing
 * bureau's administrator keep the holidays and make-up working days, each change audited.
 */
@RestController
@Tag(name = "工作日历 Working-day calendar")
class WorkingDayApi {

    private final WorkingDays days;
    private final AuditLog audit;
    private final Clock clock;

    WorkingDayApi(WorkingDays days, AuditLog audit, Clock clock) {
        this.days = days;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param year omitted, this year */
    record YearQuery(Integer year) {
    }

    @GetMapping("/api/v1/working-days")
    @Operation(summary = "某年的节假日和调休上班日（其余周一至周五为工作日）")
    List<WorkingDays.Exception> year(@ParameterObject @ModelAttribute YearQuery query) {
        return days.year(query.year() == null ? LocalDate.now(clock).getYear() : query.year());
    }

    record Day(WorkingDays.Kind kind, String name) {
    }

    @PutMapping("/api/v1/working-days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "设置节假日或调休上班日（系统管理员、住房保障部门管理员）")
    void set(CurrentUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestBody Day d) {
        requireKeeper(user);
        days.set(user.id(), day, d.kind(), d.name());
        audit.record(IdentityAudit.CALENDAR_SET, "working_day_calendar", day.toString(), AuditOutcome.SUCCESS,
                Map.of("day", day.toString(), "kind", String.valueOf(d.kind())));
    }

    @DeleteMapping("/api/v1/working-days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "删除某日的设置（恢复按星期计算）")
    void remove(CurrentUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        requireKeeper(user);
        days.remove(day);
        audit.record(IdentityAudit.CALENDAR_REMOVE, "working_day_calendar", day.toString(), AuditOutcome.SUCCESS, Map.of("day", day.toString()));
    }

    private static void requireKeeper(CurrentUser user) {
        if (!user.hasAny(Role.SYSTEM_ADMIN, Role.GOV_ADMIN)) {
            throw ProblemException.forbidden("CALENDAR_FORBIDDEN", "工作日历由系统管理员或住房保障部门管理员维护。");
        }
    }
}
