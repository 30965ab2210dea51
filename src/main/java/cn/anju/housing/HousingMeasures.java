package cn.anju.housing;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The housing module's figures about the stock: units by status, occupancy and vacancy. A unit's status is its state
 * today (the change log does not go back to every unit's first state), so they are taken as of today only.
 */
final class HousingMeasures {

    private HousingMeasures() {
    }

    private static final Map<UnitStatus, String> LABELS = Map.of(UnitStatus.VACANT, "空置", UnitStatus.RESERVED, "已预留",
            UnitStatus.OCCUPIED, "已入住", UnitStatus.UNDER_REPAIR, "维修中", UnitStatus.OFFLINE, "停用");

    /** 房源状态分布. */
    @Component
    static class UnitsByStatus implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.BREAKDOWN, "UNITS_BY_STATUS", "房源状态分布",
                "Units by status", MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, false,
                "统计日各状态的房源套数：空置（可配租）、已预留（选房或直接配租后待入住）、已入住、维修中、停用。只能按当前状态统计。");

        private final JdbcClient jdbc;

        UnitsByStatus(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            record Count(String status, long units) {
            }
            List<Count> counts = jdbc.sql("""
                            select u.status, count(*) from unit u
                             where (u.district_code = any(?) or u.project_id = any(?)) group by u.status""")
                    .params(scope.params()).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
            return MeasureValue.breakdown(DEFINITION, period, Arrays.stream(UnitStatus.values())
                    .map(s -> new MeasureValue.Share(s.name(), LABELS.get(s), counts.stream().filter(c -> c.status().equals(s.name()))
                            .mapToLong(Count::units).sum()))
                    .toList());
        }
    }

    /** A share of the lettable units (every unit not taken offline) that are in one status today. */
    abstract static class LettableShare implements Measure {

        private final JdbcClient jdbc;
        private final UnitStatus counted;

        LettableShare(JdbcClient jdbc, UnitStatus counted) {
            this.jdbc = jdbc;
            this.counted = counted;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            List<Object> params = new ArrayList<>(List.of(counted.name()));
            params.addAll(scope.params());
            params.add(UnitStatus.OFFLINE.name());
            List<MeasureRecord> units = jdbc.sql("""
                            select u.id, l.label, u.status = ? from unit u join unit_label l on l.unit_id = u.id
                             where (u.district_code = any(?) or u.project_id = any(?)) and u.status <> ?
                             order by u.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.counted(RecordKind.UNIT, rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                    .list();
            return MeasureValue.ratio(definition(), period, units);
        }
    }

    /** 入住率. */
    @Component
    static class OccupancyRate extends LettableShare {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("OCCUPANCY_RATE", "入住率", "Occupancy rate",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, false,
                "统计日已入住的房源套数 ÷ 可出租房源套数（全部房源减去停用的）。已预留、维修中的房源计入分母不计入分子。"
                        + "无可出租房源时不适用。只能按当前状态统计。");

        OccupancyRate(JdbcClient jdbc) {
            super(jdbc, UnitStatus.OCCUPIED);
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }
    }

    /** 空置率 (DOMAIN.md 3: vacant ÷ lettable units). */
    @Component
    static class VacancyRate extends LettableShare {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("VACANCY_RATE", "空置率", "Vacancy rate",
                MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, false,
                "统计日空置（可配租而未配租）的房源套数 ÷ 可出租房源套数（全部房源减去停用的）。无可出租房源时不适用。只能按当前状态统计。");

        VacancyRate(JdbcClient jdbc) {
            super(jdbc, UnitStatus.VACANT);
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }
    }
}
