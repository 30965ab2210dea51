package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.calendar.WorkingDays;
import cn.anju.shared.web.PageActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The working-day calendar page (工作日历); the changes go through {@link WorkingDayApi}.
 */
@Controller
class WorkingDayCalendar {

    private final WorkingDays days;
    private final WorkingDayApi api;
    private final Clock clock;

    WorkingDayCalendar(WorkingDays days, WorkingDayApi api, Clock clock) {
        this.days = days;
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String page(CurrentUser user, @ModelAttribute WorkingDayApi.YearQuery query, Model model) {
        int y = query.year() == null ? LocalDate.now(clock).getYear() : query.year();
        model.addAttribute("year", y);
        model.addAttribute("days", days.year(y));
        model.addAttribute("kinds", WorkingDays.Kind.values());
        model.addAttribute("keeper", user.hasAny(Role.SYSTEM_ADMIN, Role.GOV_ADMIN));
        // deadlines reaching into a year nobody has kept yet would count its holidays as working days
        model.addAttribute("nextYearMissing", days.year(y + 1).isEmpty() ? String.valueOf(y + 1) : null);
        return "identity/calendar";
    }

    /** One day set as a holiday or a make-up working day, or ({@code remove=true}) taken off the calendar. */
    record DayForm(WorkingDays.Kind kind, String name, Boolean remove) {
    }

    @PostMapping("/admin/calendar")
    String save(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @ModelAttribute DayForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/admin/calendar?year=" + day.getYear(), "已保存。", () -> {
            if (Boolean.TRUE.equals(form.remove())) {
                api.remove(user, day);
            } else {
                api.set(user, day, new WorkingDayApi.Day(form.kind(), form.name()));
            }
        });
    }
}
