package cn.anju.rent;

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

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rent module's figures about what households owe and pay: the collection rate and the arrears by age. */
final class RentMeasures {

    private RentMeasures() {
    }

    /** 收缴率 (DOMAIN.md 3: collected ÷ due for the period, target ≥ 95 %); the bills page and its API show it. */
    @Component
    static class CollectionRate implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.ratio("RENT_COLLECTION_RATE", "租金收缴率", "Rent collection rate",
                MeasureUnit.YUAN, MeasureUnit.YUAN, MeasurePeriod.Kind.RANGE, false,
                "统计期内账期开始的租金账单（含市场租金，不含物业费、水电等其他费用）已收金额 ÷ 应收金额。应收为账单金额加减调整（滞纳金、减免）；"
                        + "已收为截至计算时冲抵到这些账单的缴款，因此过去月份的收缴率会随补缴上升，不能回溯到当时。应收为0时不适用。");

        private final JdbcClient jdbc;

        CollectionRate(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        /** The period's bills, each with what it asks (amount and notes) and what was paid on it. */
        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            List<Object> params = new ArrayList<>(scope.params());
            params.addAll(List.of(Date.valueOf(range.from()), Date.valueOf(range.to())));
            List<MeasureRecord> bills = jdbc.sql("""
                            select b.id, coalesce(v.lease_number, '合同' || b.lease_id) || ' ' || to_char(b.period_start, 'YYYY-MM')
                                   || case when b.charge_type = 'RENT_MARKET' then ' 市场租金' else ' 租金' end,
                                   b.amount + b.adjustments, b.paid
                              from bill_balance b left join lease_billing_basis v on v.lease_id = b.lease_id
                             where (b.district_code = any(?) or b.project_id = any(?)) and b.period_start between ? and ?
                               and b.charge_type in ('RENT', 'RENT_MARKET')
                             order by b.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.amounts(RecordKind.BILL, rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                    .list();
            return MeasureValue.ratio(DEFINITION, period, bills);
        }
    }

    /**
     * 欠租账龄: households still living there by how many months of rent they owe, reckoned as the six-months arrears
     * report reckons ({@link ArrearsReports}): overdue principal ÷ the monthly rent as last billed for a whole month.
     */
    @Component
    static class ArrearsByAge implements Measure {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.BREAKDOWN, "ARREARS_BY_AGE", "欠租账龄分布",
                "Arrears by age", MeasureUnit.COUNT, MeasurePeriod.Kind.AS_OF, false,
                "统计日仍在住（未退房）且有逾期租金的合同户数，按累计欠租月数分段：不足1个月、1至3个月、3至6个月、6个月及以上。"
                        + "逾期租金为应缴日早于统计日、尚未缴清的租金和市场租金账单本金（不含滞纳金）；累计欠租月数 = 逾期租金 ÷ 月租金"
                        + "（最近一期整月租金账单的月租金），月份不必连续，与累计欠租6个月的报告同一算法。只能按当前缴费情况统计。");

        /** The bands in order: a lower bound in months of rent (inclusive) and the label. */
        enum Band {
            UNDER_1(0, "不足1个月"), FROM_1_TO_3(1, "1至3个月"), FROM_3_TO_6(3, "3至6个月"), FROM_6(6, "6个月及以上");

            final int fromMonths;
            final String label;

            Band(int fromMonths, String label) {
                this.fromMonths = fromMonths;
                this.label = label;
            }
        }

        private final JdbcClient jdbc;

        ArrearsByAge(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            List<Object> params = new ArrayList<>(scope.params());
            params.add(Date.valueOf(period.lastDay()));
            List<Owed> owed = jdbc.sql("""
                            select sum(greatest(b.amount - b.paid, 0)), m.monthly
                              from bill_balance b
                              join lease_billing_basis l on l.lease_id = b.lease_id
                              cross join lateral (select round(r.amount / r.months, 2) as monthly from bill r
                                                   where r.lease_id = b.lease_id and r.charge_type = 'RENT' and r.months > 0
                                                   order by (r.months >= 1) desc, r.period_start desc limit 1) m
                             where (b.district_code = any(?) or b.project_id = any(?)) and b.due_date < ?
                               and b.charge_type in ('RENT', 'RENT_MARKET') and l.moved_out_on is null
                             group by b.lease_id, m.monthly
                            having m.monthly > 0 and sum(greatest(b.amount - b.paid, 0)) > 0""")
                    .params(params).query((rs, n) -> new Owed(rs.getBigDecimal(1), rs.getBigDecimal(2))).list();
            Map<Band, Long> counts = owed.stream().collect(Collectors.groupingBy(Owed::band, Collectors.counting()));
            return MeasureValue.breakdown(DEFINITION, period, Arrays.stream(Band.values())
                    .map(b -> new MeasureValue.Share(b.name(), b.label, counts.getOrDefault(b, 0L))).toList());
        }

        /** A lease's overdue principal and monthly rent; compared as the report compares, overdue ≥ months × monthly. */
        record Owed(BigDecimal overdue, BigDecimal monthly) {
            Band band() {
                Band found = Band.UNDER_1;
                for (Band b : Band.values()) {
                    if (overdue.compareTo(monthly.multiply(BigDecimal.valueOf(b.fromMonths))) >= 0) {
                        found = b;
                    }
                }
                return found;
            }
        }
    }
}
