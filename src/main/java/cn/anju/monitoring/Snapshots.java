package cn.anju.monitoring;

import cn.anju.housing.HousingStock;
import cn.anju.shared.AsOfClock;
import cn.anju.shared.Districts;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes a day's snapshot: every measure of the shared interface, for every district of the city as a whole and for
 * each of its projects, written once. A past day (a backfill) gets only the measures that can be computed as of a past
 * day from dated records; the others are not written for it, and the dashboards say so.
 */
@Service
public class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    /** The problem lists: their snapshot keeps the ids it counted, so a past day lists exactly those records. */
    static final Set<String> PROBLEM_LISTS = Set.of("WORK_ORDERS_OVERDUE", "UNITS_VACANT_OVER_6_MONTHS");

    private final Measures measures;
    private final SnapshotRecords records;
    private final HousingStock housing;
    private final Districts districts;
    private final TransactionTemplate tx;
    private final Clock clock;

    Snapshots(Measures measures, SnapshotRecords records, HousingStock housing, Districts districts, TransactionTemplate tx, Clock clock) {
        this.measures = measures;
        this.records = records;
        this.housing = housing;
        this.districts = districts;
        this.tx = tx;
        this.clock = clock;
    }

    /** A place a snapshot covers: a whole district (project 0) or one of its projects. */
    record Place(String districtCode, long projectId) {
        MeasureScope scope() {
            return projectId == SnapshotRow.WHOLE_DISTRICT ? MeasureScope.districts(districtCode) : MeasureScope.projects(projectId);
        }
    }

    List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (Districts.District d : districts.ofCity(districts.cityCode())) {
            places.add(new Place(d.code(), SnapshotRow.WHOLE_DISTRICT));
            housing.projectsIn(d.code()).keySet().stream().sorted().forEach(p -> places.add(new Place(d.code(), p)));
        }
        return places;
    }

    /** Today's snapshot, if not taken yet; returns the rows written. */
    public int today() {
        return take(LocalDate.now(clock), SnapshotRecords.TABLE);
    }

    /** The day's snapshot into {@code table} (the snapshot table, or a test's scratch copy); rows already there stay. */
    int take(LocalDate day, String table) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("no snapshot of a day to come: " + day);
        }
        boolean past = day.isBefore(today);
        // a past day is computed as that day saw it: its last moment is "now" for every measure's clock
        java.time.Instant end = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
        List<SnapshotRow> rows = past ? AsOfClock.asOf(end, () -> rows(day, true)) : rows(day, false);
        Integer written = tx.execute(status -> records.write(table, rows, clock.instant()));
        return written == null ? 0 : written;
    }

    private List<SnapshotRow> rows(LocalDate day, boolean past) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (Place place : places()) {
            for (Measure m : measures.all()) {
                MeasureDefinition d = m.definition();
                if (past && !d.backfillable()) {
                    continue;
                }
                for (SnapshotPeriod period : SnapshotPeriod.of(d.period())) {
                    try {
                        rows.add(row(day, place, d, period, measures.compute(d.code(), place.scope(), period.on(day)), past));
                    } catch (RuntimeException e) {
                        log.warn("snapshot of {} for {} on {} failed: {}", d.code(), place, day, e.getClass().getSimpleName());
                    }
                }
            }
        }
        return rows;
    }

    private static SnapshotRow row(LocalDate day, Place place, MeasureDefinition d, SnapshotPeriod period, MeasureValue v, boolean past) {
        List<MeasureRecord> counted = PROBLEM_LISTS.contains(d.code()) ? v.records().stream().filter(MeasureRecord::inNumerator).toList() : null;
        return new SnapshotRow(day, place.districtCode(), place.projectId(), d.code(), period, v.value(), v.numerator(), v.denominator(),
                d.kind() == MeasureKind.BREAKDOWN ? v.breakdown() : null, counted == null ? null : counted.stream().map(MeasureRecord::id).toList(),
                counted == null ? null : counted.stream().map(MeasureRecord::label).toList(), past);
    }
}
