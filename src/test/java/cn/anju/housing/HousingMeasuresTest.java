package cn.anju.housing;

import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.support.MeasureChecks;
import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Units by status, occupancy and vacancy on the demo stock, recounted by the test. */
@PlatformTest
class HousingMeasuresTest {

    static final MeasureScope SCOPE = MeasureScope.districts("610802", "610881");

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    final MeasurePeriod today = new MeasurePeriod.AsOf(TestClock.today());

    Map<Long, String> statuses() {
        Map<Long, String> units = new HashMap<>();
        jdbc.sql("select id, status from unit where district_code in ('610802', '610881')").query(rs -> {
            units.put(rs.getLong(1), rs.getString(2));
        });
        return units;
    }

    @Test
    void unitsByStatusCountsEveryUnitOnceUnderItsStatusInTheStateTablesOrder() {
        MeasureValue v = measures.compute("UNITS_BY_STATUS", SCOPE, today);
        Map<Long, String> units = statuses();
        assertThat(v.breakdown()).extracting(MeasureValue.Share::category)
                .containsExactly(Arrays.stream(UnitStatus.values()).map(Enum::name).toArray(String[]::new));
        for (UnitStatus s : UnitStatus.values()) {
            assertThat(v.countOf(s.name())).as(s.name()).isEqualTo(units.values().stream().filter(s.name()::equals).count());
        }
        assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(units.size()));
        assertThat(v.countOf("OCCUPIED")).isPositive();
        assertThat(v.countOf("VACANT")).isPositive();
    }

    @Test
    void occupancyIsOccupiedOverLettableUnits() {
        MeasureChecks.countRatio(measures.compute("OCCUPANCY_RATE", SCOPE, today), lettableFlagged("OCCUPIED"));
    }

    @Test
    void vacancyIsVacantOverLettableUnits() {
        MeasureChecks.countRatio(measures.compute("VACANCY_RATE", SCOPE, today), lettableFlagged("VACANT"));
    }

    /** Every unit not taken offline, flagged when it is in the status counted. */
    Map<Long, Boolean> lettableFlagged(String counted) {
        Map<Long, Boolean> lettable = new HashMap<>();
        statuses().forEach((id, status) -> {
            if (!status.equals("OFFLINE")) {
                lettable.put(id, status.equals(counted));
            }
        });
        return lettable;
    }
}
