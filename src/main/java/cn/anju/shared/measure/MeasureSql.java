package cn.anju.shared.measure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces every measure's SQL needs the same way: the parameters of the scope predicate followed by a range's
 * bounds, and the day a timestamp falls on in the city's zone. Written once so that no module cuts a day at another
 * midnight than the others.
 */
public final class MeasureSql {

    private MeasureSql() {
    }

    /**
     * The scope's two parameters, then the range's first instant and the instant after its last day, both in the
     * clock's zone (the city's), for {@code … and x.at >= ? and x.at < ?}.
     */
    public static List<Object> scopeAndRange(MeasureScope scope, MeasurePeriod period, Clock clock) {
        MeasurePeriod.Range range = (MeasurePeriod.Range) period;
        List<Object> params = new ArrayList<>(scope.params());
        params.add(Timestamp.from(range.from().atStartOfDay(clock.getZone()).toInstant()));
        params.add(Timestamp.from(range.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        return params;
    }

    /** The scope's two parameters, then the range's first and last day, for {@code … and x.day between ? and ?}. */
    public static List<Object> scopeAndDays(MeasureScope scope, MeasurePeriod period) {
        MeasurePeriod.Range range = (MeasurePeriod.Range) period;
        List<Object> params = new ArrayList<>(scope.params());
        params.add(Date.valueOf(range.from()));
        params.add(Date.valueOf(range.to()));
        return params;
    }

    /**
     * The day a timestamp expression falls on in the city's zone (the clock's), whatever zone the database session
     * runs in: a deadline is a day there, so comparing a timestamp with {@code date + 1} would end it at the session's
     * midnight.
     */
    public static String cityDay(String timestamp, Clock clock) {
        return "(" + timestamp + " at time zone '" + clock.getZone().getId() + "')::date"; // a region id: letters, '/', '_'
    }
}
