package cn.anju.maintenance;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The maintenance module's figures: the repair on-time rate (维修及时率). */
final class MaintenanceMeasures {

    private MaintenanceMeasures() {
    }

    /** The work orders page and its API show it for the month; the evaluation reads it for any period. */
    @Component
    static class OnTimeRate implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("WORK_ORDER_ON_TIME_RATE", "维修及时率", "Repair on-time rate",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内完工（按完工时间）且定有完工时限的维修工单中，在完工时限内完工的工单数 ÷ 完工工单数。"
                        + "返修后再次完工的按最后一次完工时间计。无完工工单时不适用。");

        private final JdbcClient jdbc;
        private final Clock clock;

        OnTimeRate(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            List<Object> params = new ArrayList<>(scope.params());
            params.add(Timestamp.from(range.from().atStartOfDay(clock.getZone()).toInstant()));
            params.add(Timestamp.from(range.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            List<MeasureRecord> orders = jdbc.sql("""
                            select w.id, w.order_number, w.completed_at <= w.done_due_at from work_order w
                             where (w.district_code = any(?) or w.project_id = any(?))
                               and w.completed_at >= ? and w.completed_at < ? and w.done_due_at is not null
                             order by w.completed_at, w.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.counted(RecordKind.WORK_ORDER, rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                    .list();
            return MeasureValue.ratio(DEFINITION, period, orders);
        }
    }
}
