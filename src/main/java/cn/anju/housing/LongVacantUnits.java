package cn.anju.housing;

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
 * 空置超过6个月的房源: vacant units whose last status change (or, never changed, their project's registration) is more
 * than six months before the day. A unit's status is today's only, so the figure is taken as of today, like the
 * other stock figures.
 */
@Component
class LongVacantUnits extends SqlCount {

    static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.COUNT, "UNITS_VACANT_OVER_6_MONTHS", "空置超6个月房源数",
            "Units vacant over 6 months", MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, false,
            "统计日处于空置（可配租）状态、且自最近一次状态变更（从未变更的，自项目登记）起已超过6个月的房源套数。只能按当前状态统计。");

    private final Clock clock;

    LongVacantUnits(JdbcClient jdbc, Clock clock) {
        super(jdbc, DEFINITION, RecordKind.UNIT, """
                select u.id, p.name || b.number || '栋' || u.number || '室' from unit u
                  join building b on b.id = u.building_id join project p on p.id = u.project_id
                 where (u.district_code = any(?) or u.project_id = any(?)) and u.status = 'VACANT'
                   and coalesce((select max(c.changed_at) from unit_status_change c where c.unit_id = u.id), p.created_at) < ?
                 order by u.project_id, u.id""");
        this.clock = clock;
    }

    @Override
    protected List<Object> dayParameters(LocalDate day) {
        return List.of(Timestamp.from(day.minusMonths(6).plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
    }
}
