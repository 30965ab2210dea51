package cn.anju.rent;

import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rent module's figures about the treasury (收支两条线): rent money the operator holds, and what reached the
 * treasury. Both are read from dated records — when a payment was received, when finance confirmed its batch — so
 * they can be computed for any past day: held on the last day of a period = held the day before it + received in
 * it − remitted in it.
 */
final class TreasuryMeasures {

    private TreasuryMeasures() {
    }

    /** The start of the day after, in the platform's zone: "up to and including the day" for timestamps. */
    private static Timestamp endOf(LocalDate day, Clock clock) {
        return Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** 已收未缴: the treasury page's "held" column per district. */
    @Component
    static class Held implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.AMOUNT, "RENT_HELD", "已收未缴租金", "Rent held",
                MeasureUnit.YUAN, MeasurePeriod.Kind.AS_OF, true,
                "截至统计日（含当日）收取的租金（租金账户的缴款，冲正抵减，不含押金和其他费用）中，尚未经财政部门确认上缴国库的金额。"
                        + "已提交上缴批次但财政未确认的仍计为未缴。");

        private final JdbcClient jdbc;
        private final Clock clock;

        Held(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            Timestamp end = endOf(period.lastDay(), clock);
            List<Object> params = new ArrayList<>(scope.params());
            params.addAll(List.of(end, end));
            BigDecimal held = jdbc.sql("""
                            select coalesce(sum(p.amount), 0) from payment p
                             where (p.district_code = any(?) or p.project_id = any(?)) and p.account = 'RENT' and p.received_at < ?
                               and not exists (select 1 from remittance_item i join remittance_batch b on b.id = i.batch_id
                                                where i.payment_id = p.id and b.status = 'CONFIRMED' and b.confirmed_at < ?)""")
                    .params(params).query(BigDecimal.class).single();
            return MeasureValue.amount(DEFINITION, period, held);
        }
    }

    /** 上缴国库: rent finance confirmed at the treasury in a period. */
    @Component
    static class Remitted implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.AMOUNT, "RENT_REMITTED", "上缴国库租金", "Rent remitted",
                MeasureUnit.YUAN, MeasurePeriod.Kind.RANGE, true,
                "统计期内经财政部门确认上缴国库（按财政确认日期）的上缴批次所含租金缴款金额（冲正抵减）；"
                        + "承接主体只覆盖部分项目时按缴款所属项目计。");

        private final JdbcClient jdbc;
        private final Clock clock;

        Remitted(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            List<Object> params = new ArrayList<>(scope.params());
            params.addAll(List.of(endOf(range.from().minusDays(1), clock), endOf(range.to(), clock)));
            BigDecimal remitted = jdbc.sql("""
                            select coalesce(sum(p.amount), 0) from payment p
                              join remittance_item i on i.payment_id = p.id join remittance_batch b on b.id = i.batch_id
                             where (p.district_code = any(?) or p.project_id = any(?)) and p.account = 'RENT'
                               and b.status = 'CONFIRMED' and b.confirmed_at >= ? and b.confirmed_at < ?""")
                    .params(params).query(BigDecimal.class).single();
            return MeasureValue.amount(DEFINITION, period, remitted);
        }
    }
}
