package cn.anju.rent.web;

import cn.anju.shared.web.ProblemException;

import java.time.Clock;
import java.time.YearMonth;

/**
 * The district and month a reconciliation or a collection rate is about: {@code ?districtCode=&month=yyyy-MM}, this
 * month when none is given. The month stays text so that a malformed one keeps its own refusal, which says the format.
 */
record DistrictMonth(String districtCode, String month) {

    YearMonth period(Clock clock) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("PERIOD_INVALID", "请按 yyyy-MM 填写月份，例如 2026-11。");
        }
    }
}
