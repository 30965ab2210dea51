package cn.anju.shared.measure;

import cn.anju.shared.web.ProblemException;

import java.time.LocalDate;

/**
 * When a figure is taken: a state on one day ({@link AsOf}, e.g. units by status) or what happened over days, both
 * ends included ({@link Range}, e.g. leases started in a month). A measure declares which of the two it takes.
 */
public sealed interface MeasurePeriod {

    enum Kind { AS_OF, RANGE }

    Kind kind();

    /** The last day the period covers. */
    LocalDate lastDay();

    record AsOf(LocalDate day) implements MeasurePeriod {
        public AsOf {
            if (day == null) {
                throw ProblemException.badRequest("MEASURE_PERIOD_INVALID", "请填写统计日（asOf）。");
            }
        }

        public Kind kind() {
            return Kind.AS_OF;
        }

        public LocalDate lastDay() {
            return day;
        }
    }

    record Range(LocalDate from, LocalDate to) implements MeasurePeriod {
        public Range {
            if (from == null || to == null || to.isBefore(from)) {
                throw ProblemException.badRequest("MEASURE_PERIOD_INVALID", "请填写统计期的起止日期（from、to），结束不早于开始。");
            }
        }

        public Kind kind() {
            return Kind.RANGE;
        }

        public LocalDate lastDay() {
            return to;
        }
    }
}
