package cn.anju.maintenance;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair on-time rate on the demo data, recomputed from the work orders by the test. */
@PlatformTest
class MaintenanceMeasuresTest {

    @Autowired
    Measures measures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onTimeRateIsOrdersCompletedWithinTheirDeadlineOverOrdersCompletedInThePeriod() {
        YearMonth month = YearMonth.from(TestClock.today()).minusMonths(1);
        MeasureValue v = measures.compute("WORK_ORDER_ON_TIME_RATE", MeasureScope.districts("610802", "610803"),
                new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth()));
        Map<Long, Boolean> completed = new HashMap<>();
        jdbc.sql("select id, completed_at, done_due_at from work_order where district_code in ('610802', '610803') and completed_at is not null")
                .query(rs -> {
                    OffsetDateTime done = rs.getObject(2, OffsetDateTime.class);
                    OffsetDateTime due = rs.getObject(3, OffsetDateTime.class);
                    LocalDate day = done.atZoneSameInstant(TestClock.ZONE).toLocalDate();
                    if (due != null && YearMonth.from(day).equals(month)) {
                        completed.put(rs.getLong(1), !done.isAfter(due));
                    }
                });
        MeasureChecks.countRatio(v, completed);
        assertThat(v.ratio()).as("most on time, not all").isStrictlyBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }
}
