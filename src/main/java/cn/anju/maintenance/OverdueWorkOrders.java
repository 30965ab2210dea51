package cn.anju.maintenance;

import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.RecordKind;
import cn.anju.shared.measure.SqlCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * 超期工单 as of the end of a day: work orders whose completion deadline had passed by then and that were not completed
 * by then. From the orders' own dates, so any past day can be counted again (an order reopened and not yet completed
 * again counts by its last completion, as the on-time rate does).
 */
@Component
class OverdueWorkOrders extends SqlCount {

    static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.COUNT, "WORK_ORDERS_OVERDUE", "超期未完工工单数",
            "Overdue work orders", MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, true,
            "统计日结束时已超过完工时限、仍未完工的维修工单数（不含拒绝受理和转交的工单）。");

    private final Clock clock;

    OverdueWorkOrders(JdbcClient jdbc, Clock clock) {
        super(jdbc, DEFINITION, RecordKind.WORK_ORDER, """
                select w.id, w.order_number from work_order w
                 where (w.district_code = any(?) or w.project_id = any(?)) and w.state not in ('REFUSED', 'REFERRED')
                   and w.submitted_at < ? and w.done_due_at < ? and (w.completed_at is null or w.completed_at >= ?)
                 order by w.done_due_at, w.id""");
        this.clock = clock;
    }

    @Override
    protected List<Object> dayParameters(LocalDate day) {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return List.of(end, end, end);
    }
}
