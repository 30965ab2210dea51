package cn.anju.evaluation;

import cn.anju.shared.web.ProblemException;

import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period evaluated: a quarter ({@code 2026Q3}) or a year ({@code 2026}), as the settlement and the ledger name it.
 * Only the days a contract was in force within it count.
 */
public record EvaluationPeriod(String code, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { QUARTER, YEAR }

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:Q([1-4]))?");

    public static EvaluationPeriod parse(String code) {
        Matcher m = code == null ? null : CODE.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw ProblemException.badRequest("EVALUATION_PERIOD_INVALID", "评价期间须写作年份加季度（如 2026Q3）或年份（如 2026）。");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new EvaluationPeriod(String.valueOf(year), Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        int q = Integer.parseInt(m.group(2));
        LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
        return new EvaluationPeriod(year + "Q" + q, Kind.QUARTER, from, from.plusMonths(3).minusDays(1));
    }

    /** The quarter a day falls in. */
    public static EvaluationPeriod quarterOf(LocalDate day) {
        return parse(day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    public int year() {
        return from.getYear();
    }

    /** The quarter before (for a year: the year before). */
    public EvaluationPeriod previous() {
        return kind == Kind.YEAR ? parse(String.valueOf(year() - 1)) : quarterOf(from.minusDays(1));
    }

    /** The quarter after (for a year: the year after). */
    public EvaluationPeriod next() {
        return kind == Kind.YEAR ? parse(String.valueOf(year() + 1)) : quarterOf(to.plusDays(1));
    }

    public int days() {
        return kind == Kind.YEAR ? Year.of(year()).length() : (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    /** 2026年第3季度 / 2026年度. */
    public String label() {
        return kind == Kind.YEAR ? year() + "年度" : year() + "年第" + code.charAt(5) + "季度";
    }
}
