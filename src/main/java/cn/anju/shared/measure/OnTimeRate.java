package cn.anju.shared.measure;

import cn.anju.shared.policy.PolicySettings;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An on-time rate whose clock starts on a day (signing, the day to leave by, finding a violation) and runs for a
 * number of days that is policy per district: its records are the owning module's rows the measure places in the
 * period (by the day the clock starts, as a rule), each counted by {@link MeasureRecord#byDeadline}, so every such rate
 * decides "done in time", "late" and "not decided yet" alike. The days are calendar days unless the measure counts its
 * deadline otherwise.
 */
public abstract class OnTimeRate implements Measure {

    private final JdbcClient jdbc;
    private final PolicySettings settings;
    private final Clock clock;
    private final MeasureDefinition definition;
    private final RecordKind kind;
    private final String policyKey;
    private final String sql;

    /**
     * @param sql selects (id, label, district, the day the clock starts, the day it was done or null, the day it was
     *            withdrawn undone or null) with the scope's two parameters, then the first and the last day of the range
     *            ({@link MeasureSql#scopeAndDays}) for the day that places a row in the period
     */
    protected OnTimeRate(JdbcClient jdbc, PolicySettings settings, Clock clock, MeasureDefinition definition, RecordKind kind,
                         String policyKey, String sql) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.definition = definition;
        this.kind = kind;
        this.policyKey = policyKey;
        this.sql = sql;
    }

    /** A ratio of counts over a range, backfillable: every fact it reads is dated. */
    protected static MeasureDefinition ratio(String code, String name, String nameEn, String definition) {
        return MeasureDefinition.ratio(code, name, nameEn, MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true, definition);
    }

    public MeasureDefinition definition() {
        return definition;
    }

    /** The last day that counts as in time, {@code days} after the day the clock started. */
    protected LocalDate deadline(LocalDate start, int days) {
        return start.plusDays(days);
    }

    public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> days = new HashMap<>(); // the policy read once per district
        List<MeasureRecord> records = jdbc.sql(sql).params(MeasureSql.scopeAndDays(scope, period))
                .query((rs, n) -> {
                    int allowed = days.computeIfAbsent(rs.getString(3), d -> settings.integer(policyKey, d));
                    return MeasureRecord.byDeadline(kind, rs.getLong(1), rs.getString(2), deadline(rs.getObject(4, LocalDate.class), allowed),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), today);
                })
                .list().stream().flatMap(Optional::stream).toList();
        return MeasureValue.ratio(definition, period, records);
    }
}
