package cn.anju.lease;

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

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease module's figures: leases that took effect and leases that ended in a period, from the dated events of
 * the lease's own history. A lease takes effect at move-in or when a renewal takes over (the rule of the views
 * {@code lease_billing_basis} and {@code lease_occupancy}); a draft or signed lease cancelled before that never started.
 */
final class LeaseMeasures {

    private LeaseMeasures() {
    }

    /** The history events that make a lease take effect. */
    static final String[] STARTS = {"MOVED_IN", "RENEWAL_STARTED"};
    /** The history events that end a lease. */
    static final String[] ENDS = {"EXPIRED", "TERMINATED"};

    /** Leases with one of the events in the period that had taken effect (or took effect then). */
    abstract static class LeasesWith implements Measure {

        private final JdbcClient jdbc;
        private final Clock clock;
        private final String[] events;

        LeasesWith(JdbcClient jdbc, Clock clock, String[] events) {
            this.jdbc = jdbc;
            this.clock = clock;
            this.events = events;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            MeasurePeriod.Range range = (MeasurePeriod.Range) period;
            List<Object> params = new ArrayList<>(scope.params());
            params.addAll(List.of(events, Timestamp.from(range.from().atStartOfDay(clock.getZone()).toInstant()),
                    Timestamp.from(range.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()), STARTS));
            List<MeasureRecord> leases = jdbc.sql("""
                            select l.id, l.lease_number from lease l
                             where (l.district_code = any(?) or l.project_id = any(?))
                               and exists (select 1 from lease_event e where e.lease_id = l.id and e.kind = any(?) and e.at >= ? and e.at < ?)
                               and exists (select 1 from lease_event s where s.lease_id = l.id and s.kind = any(?))
                             order by l.id""")
                    .params(params)
                    .query((rs, n) -> MeasureRecord.counted(RecordKind.LEASE, rs.getLong(1), rs.getString(2), true))
                    .list();
            return MeasureValue.count(definition(), period, leases);
        }
    }

    /** 新生效合同. */
    @Component
    static class LeasesStarted extends LeasesWith {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.COUNT, "LEASES_STARTED", "生效租赁合同数", "Leases started",
                MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内生效的租赁合同份数（按办理日期）：新签合同办理入住，或续签合同在原合同期满时接续生效。"
                        + "签订后未入住即终止的合同不计。");

        LeasesStarted(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, STARTS);
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }
    }

    /** 终止合同. */
    @Component
    static class LeasesEnded extends LeasesWith {

        static final MeasureDefinition DEFINITION = MeasureDefinition.of(MeasureKind.COUNT, "LEASES_ENDED", "结束租赁合同数", "Leases ended",
                MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "统计期内结束的已生效租赁合同份数（按办理日期）：租期届满（含由续签合同接续的）或提前终止。"
                        + "未生效即终止的合同草稿或已签合同不计。");

        LeasesEnded(JdbcClient jdbc, Clock clock) {
            super(jdbc, clock, ENDS);
        }

        public MeasureDefinition definition() {
            return DEFINITION;
        }
    }
}
