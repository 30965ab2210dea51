package cn.anju.feedback;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureSql;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.RecordKind;
import cn.anju.shared.measure.SqlRatio;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The feedback module's figures, over a date range, each case counted where it belongs (its project, else its
 * district; the city's queue is in no district's figure) and a duplicate joined to its parent counted once. The
 * satisfaction rate counts only what the tenant said (link or page) and the district's sample, never an answer the
 * operator entered itself.
 */
final class FeedbackMeasures {

    private FeedbackMeasures() {
    }

    /** A ratio whose records are cases (id, case number, in the numerator), or another kind's (the satisfaction's answers). */
    abstract static class CaseRatio extends SqlRatio {

        CaseRatio(JdbcClient jdbc, Clock clock, MeasureDefinition definition, String sql) {
            this(jdbc, clock, definition, RecordKind.FEEDBACK_CASE, sql);
        }

        /** @param sql selects (id, label, in numerator) with the scope's two and the range's two parameters, in that order */
        CaseRatio(JdbcClient jdbc, Clock clock, MeasureDefinition definition, RecordKind kind, String sql) {
            super(jdbc, clock, definition, sql, counted(kind));
        }
    }

    static MeasureDefinition ratio(String code, String name, String nameEn, String definition) {
        return MeasureDefinition.ratio(code, name, nameEn, MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true, definition);
    }

    /** Cases received in the range by one column's values, every value shown (0 where none). */
    abstract static class CaseBreakdown<E extends Enum<E>> implements Measure {

        private final JdbcClient jdbc;
        private final Clock clock;
        private final MeasureDefinition definition;
        private final String column;
        private final E[] values;
        private final Function<E, String> label;

        CaseBreakdown(JdbcClient jdbc, Clock clock, MeasureDefinition definition, String column, E[] values, Function<E, String> label) {
            this.jdbc = jdbc;
            this.clock = clock;
            this.definition = definition;
            this.column = column;
            this.values = values;
            this.label = label;
        }

        public MeasureDefinition definition() {
            return definition;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            Map<String, Long> counts = jdbc.sql(("select f.%s, count(*) from feedback_case f where (f.district_code = any(?) or f.project_id = any(?))"
                            + " and f.received_at >= ? and f.received_at < ? and f.parent_id is null group by f.%s").formatted(column, column))
                    .params(MeasureSql.scopeAndRange(scope, period, clock))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return MeasureValue.breakdown(definition, period, Arrays.stream(values)
                    .map(v -> new MeasureValue.Share(v.name(), label.apply(v), counts.getOrDefault(v.name(), 0L))).toList());
        }
    }

    @Component
    static class ByChannel extends CaseBreakdown<Channel> {
        ByChannel(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, MeasureDefinition.of(MeasureKind.BREAKDOWN, "COMPLAINTS_BY_CHANNEL", "投诉建议渠道分布",
                    "Complaints by channel", MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                    "统计期内收到的投诉建议案件数（按收到时间），按来件渠道分列；并入主案件的重复件不计。"), "channel", Channel.values(), Channel::label);
        }
    }

    @Component
    static class ByCategory extends CaseBreakdown<FeedbackCategory> {
        ByCategory(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, MeasureDefinition.of(MeasureKind.BREAKDOWN, "COMPLAINTS_BY_CATEGORY", "投诉建议业务类别分布",
                    "Complaints by category", MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                    "统计期内收到的投诉建议案件数（按收到时间），按业务类别分列；并入主案件的重复件不计。"), "category", FeedbackCategory.values(),
                    FeedbackCategory::label);
        }
    }
}
