package cn.anju.shared.calendar;

import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * China's working-day calendar: Monday to Friday are working days, except the public holidays the State Council
 * announces each year, and some weekend days are working days to make up for a long holiday (调休上班). Only those
 * exceptions are stored; an administrator keeps them (the calendar page) when the yearly notice is published.
 */
@Service
public class WorkingDays {

    public enum Kind { HOLIDAY, WORKDAY }

    public record Exception(LocalDate day, Kind kind, String name) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkingDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, exceptions(day, day));
    }

    /** The day that is {@code n} working days after {@code from} (from itself not counted): a deadline "within n working days". */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        // a long holiday never adds more than a couple of weeks, so this window always holds the answer
        Map<LocalDate, Kind> known = exceptions(from, from.plusDays(n * 2L + 30));
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day, known)) {
                counted++;
            }
        }
        return day;
    }

    public List<Exception> year(int year) {
        // the calendar is kept for the years a lease or a deadline can reach; beyond PostgreSQL's dates the query fails
        if (year < 1900 || year > 2999) {
            throw ProblemException.badRequest("CALENDAR_YEAR_INVALID", "请填写四位数的年份（1900–2999），例如 2026。");
        }
        return jdbc.sql("select day, kind, name from working_day_calendar where day between ? and ? order by day")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Exception(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** Records a holiday or make-up working day (replacing what the day had). Only administrators call this. */
    @Transactional
    public void set(long actorId, LocalDate day, Kind kind, String name) {
        if (day == null || kind == null || name == null || name.isBlank()) {
            throw ProblemException.badRequest("CALENDAR_DAY_INVALID", "请填写日期、类型（节假日或调休上班）和名称。");
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == Kind.WORKDAY && !weekend) {
            throw ProblemException.badRequest("CALENDAR_WORKDAY_ON_WEEKDAY", "调休上班只能设在周六或周日；周一至周五本来就是工作日。");
        }
        jdbc.sql("""
                        insert into working_day_calendar (day, kind, name, updated_by, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                               updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(Date.valueOf(day), kind.name(), name.trim(), actorId, Timestamp.from(clock.instant())).update();
    }

    @Transactional
    public void remove(LocalDate day) {
        jdbc.sql("delete from working_day_calendar where day = ?").param(Date.valueOf(day)).update();
    }

    private Map<LocalDate, Kind> exceptions(LocalDate from, LocalDate to) {
        return jdbc.sql("select day, kind from working_day_calendar where day between ? and ?")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean isWorkingDay(LocalDate day, Map<LocalDate, Kind> known) {
        Kind k = known.get(day);
        if (k != null) {
            return k == Kind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
