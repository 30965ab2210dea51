package cn.anju.monitoring;

import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.DataScopes;
import cn.anju.shared.Districts;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dashboards of the city, a district, a project and an operator's places, read from the snapshots only: a past
 * day shows what was written that day (or backfilled for it), never a recomputation with today's records.
 */
@Service
public class Dashboards {

    /** The side-by-side table's columns. */
    static final List<Dashboard.Column> COLUMNS = List.of(new Dashboard.Column("OCCUPANCY_RATE", "入住率", SnapshotPeriod.DAY),
            new Dashboard.Column("RENT_COLLECTION_RATE", "本年收缴率", SnapshotPeriod.YEAR),
            new Dashboard.Column("RENT_HELD", "已收未缴租金", SnapshotPeriod.DAY),
            new Dashboard.Column("WORK_ORDER_ON_TIME_RATE", "本月维修及时率", SnapshotPeriod.MONTH),
            new Dashboard.Column("WORK_ORDERS_OVERDUE", "超期工单", SnapshotPeriod.DAY),
            new Dashboard.Column("UNITS_VACANT_OVER_6_MONTHS", "空置超6个月", SnapshotPeriod.DAY));
    /** The month-end trends. */
    static final List<Dashboard.Column> TRENDS = List.of(new Dashboard.Column("OCCUPANCY_RATE", "入住率", SnapshotPeriod.DAY),
            new Dashboard.Column("WORK_ORDER_ON_TIME_RATE", "维修及时率（当月）", SnapshotPeriod.MONTH),
            new Dashboard.Column("LEASES_STARTED", "新生效合同（当月）", SnapshotPeriod.MONTH),
            new Dashboard.Column("RENT_REMITTED", "上缴国库租金（当月）", SnapshotPeriod.MONTH));
    static final int TREND_MONTHS = 24;

    private final SnapshotRecords records;
    private final Measures measures;
    private final Alerts alerts;
    private final Backfill backfill;
    private final DataScopes scopes;
    private final HousingStock housing;
    private final Districts districts;
    private final Clock clock;

    Dashboards(SnapshotRecords records, Measures measures, Alerts alerts, Backfill backfill, DataScopes scopes, HousingStock housing,
               Districts districts, Clock clock) {
        this.records = records;
        this.measures = measures;
        this.alerts = alerts;
        this.backfill = backfill;
        this.scopes = scopes;
        this.housing = housing;
        this.districts = districts;
        this.clock = clock;
    }

    MonitoringScope scope(CurrentUser user) {
        return MonitoringScope.of(user, scopes.of(user));
    }

    /** The user's own level: the city, their district, or their contracts' places. */
    public Dashboard mine(CurrentUser user, LocalDate date) {
        MonitoringScope s = scope(user);
        return switch (s.level()) {
            case CITY -> city(user, date);
            case DISTRICT -> district(user, s.districts().getFirst(), date);
            case OPERATOR, PROJECT -> operator(user, s, date);
        };
    }

    public Dashboard city(CurrentUser user, LocalDate date) {
        MonitoringScope s = scope(user);
        if (s.level() != MonitoringScope.Level.CITY) {
            throw ProblemException.forbidden("MONITORING_CITY_ONLY", "全市监测仅供市级用户查看，请查看本区县的监测。");
        }
        return cityBoard(date);
    }

    /** The city's dashboard without a reader (the monthly report). */
    Dashboard cityBoard(LocalDate date) {
        List<Snapshots.Place> whole = districts.ofCity(districts.cityCode()).stream().map(Districts.District::code).sorted()
                .map(d -> new Snapshots.Place(d, SnapshotRow.WHOLE_DISTRICT)).toList();
        return build(MonitoringScope.Level.CITY, districts.nameOf(districts.cityCode()) + "公租房运行监测", null, null, date, whole, whole);
    }

    public Dashboard district(CurrentUser user, String code, LocalDate date) {
        if (!scope(user).coversDistrict(code)) {
            throw notFound();
        }
        return districtBoard(code, date);
    }

    /** A district's dashboard without a reader (the monthly report). */
    Dashboard districtBoard(String code, LocalDate date) {
        List<Snapshots.Place> self = List.of(new Snapshots.Place(code, SnapshotRow.WHOLE_DISTRICT));
        return build(MonitoringScope.Level.DISTRICT, districts.nameOf(code) + "公租房运行监测", code, null, date, self, projects(code));
    }

    public Dashboard project(CurrentUser user, long id, LocalDate date) {
        String district = housing.projectDistrict(id).filter(d -> scope(user).coversProject(d, id)).orElseThrow(Dashboards::notFound);
        List<Snapshots.Place> self = List.of(new Snapshots.Place(district, id));
        String name = housing.projectNames(List.of(id)).getOrDefault(id, "");
        return build(MonitoringScope.Level.PROJECT, name + "运行监测", district, id, date, self, List.of());
    }

    private Dashboard operator(CurrentUser user, MonitoringScope s, LocalDate date) {
        List<Snapshots.Place> places = new ArrayList<>();
        s.districts().stream().sorted().forEach(d -> places.add(new Snapshots.Place(d, SnapshotRow.WHOLE_DISTRICT)));
        Map<Long, String> single = housing.projectNames(s.projects());
        single.keySet().stream().sorted().forEach(p -> places.add(new Snapshots.Place(housing.projectDistrict(p).orElseThrow(), p)));
        List<Snapshots.Place> below = new ArrayList<>();
        s.districts().stream().sorted().forEach(d -> below.addAll(projects(d)));
        places.stream().filter(p -> p.projectId() != SnapshotRow.WHOLE_DISTRICT).forEach(below::add);
        return build(MonitoringScope.Level.OPERATOR, user.organisationName() + "服务项目运行监测", null, null, date, places, below);
    }

    /** A district's alerts on its latest snapshot, for the morning notice (no reader: the district is the scope). */
    List<Dashboard.Alert> alertsOf(String district) {
        LocalDate asOf = records.latestOnOrBefore(LocalDate.now(clock)).orElse(null);
        if (asOf == null) {
            return List.of();
        }
        List<Snapshots.Place> places = new ArrayList<>(projects(district));
        places.add(new Snapshots.Place(district, SnapshotRow.WHOLE_DISTRICT));
        Map<Snapshots.Place, String> names = names(places, List.of());
        Map<Snapshots.Place, String> links = new LinkedHashMap<>();
        names.keySet().forEach(p -> links.put(p, link(p)));
        return alerts.of(rowsOf(asOf, places), names, links);
    }

    private List<Snapshots.Place> projects(String district) {
        return housing.projectsIn(district).keySet().stream().sorted().map(p -> new Snapshots.Place(district, p)).toList();
    }

    private Dashboard build(MonitoringScope.Level level, String title, String district, Long project, LocalDate date,
                            List<Snapshots.Place> self, List<Snapshots.Place> below) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asked = date == null ? today : date;
        if (asked.isAfter(today)) {
            throw ProblemException.badRequest("MONITORING_DATE_FUTURE", "监测日期不能晚于今天。");
        }
        LocalDate asOf = records.latestOnOrBefore(asked).orElse(asked);
        Map<Snapshots.Place, String> names = names(self, below);
        List<SnapshotRow> own = rowsOf(asOf, self);
        List<Figure> figures = new ArrayList<>();
        for (Measure m : measures.all()) {
            for (SnapshotPeriod p : SnapshotPeriod.of(m.definition().period())) {
                figures.add(Figure.of(m.definition(), p, own.stream().filter(r -> r.measureCode().equals(m.definition().code())
                        && r.period() == p).toList()));
            }
        }
        List<SnapshotRow> under = rowsOf(asOf, below);
        List<Dashboard.Row> rows = below.stream().map(place -> new Dashboard.Row(place.districtCode(), place.projectId(), names.get(place),
                link(place), COLUMNS.stream().map(c -> figure(c, under.stream().filter(r -> r.districtCode().equals(place.districtCode())
                        && r.projectId() == place.projectId()).toList())).toList())).toList();
        java.util.Set<SnapshotRow> alertRows = new java.util.LinkedHashSet<>(own); // the city's places are its own and those below
        alertRows.addAll(under);
        Map<Snapshots.Place, String> links = new LinkedHashMap<>();
        names.keySet().forEach(p -> links.put(p, link(p)));
        return new Dashboard(level, title, district, project, asked, asOf, backfill.progress(), figures, COLUMNS, rows,
                trends(asOf, self), alerts.of(List.copyOf(alertRows), names, links));
    }

    private Figure figure(Dashboard.Column c, List<SnapshotRow> rows) {
        MeasureDefinition d = measures.find(c.code()).orElseThrow().definition();
        return Figure.of(d, c.period(), rows.stream().filter(r -> r.measureCode().equals(c.code()) && r.period() == c.period()).toList());
    }

    private List<Dashboard.Trend> trends(LocalDate asOf, List<Snapshots.Place> self) {
        List<LocalDate> days = new ArrayList<>();
        for (int back = TREND_MONTHS - 1; back >= 1; back--) {
            LocalDate month = asOf.minusMonths(back);
            days.add(month.withDayOfMonth(month.lengthOfMonth()));
        }
        days.add(asOf);
        Set<String> ds = self.stream().map(Snapshots.Place::districtCode).collect(Collectors.toSet());
        Set<Long> ps = self.stream().map(Snapshots.Place::projectId).collect(Collectors.toSet());
        List<Dashboard.Trend> trends = new ArrayList<>();
        for (Dashboard.Column c : TRENDS) {
            if (measures.find(c.code()).isEmpty()) {
                continue;
            }
            List<SnapshotRow> series = records.series(c.code(), c.period(), ds, ps, days).stream()
                    .filter(r -> self.contains(new Snapshots.Place(r.districtCode(), r.projectId()))).toList();
            List<BigDecimal> values = days.stream().map(day -> {
                Figure f = figure(c, series.stream().filter(r -> r.day().equals(day)).toList());
                return f.ratio() != null ? f.ratio() : f.value();
            }).toList();
            trends.add(new Dashboard.Trend(c.code(), c.name(), c.period(), days, values));
        }
        return trends;
    }

    private List<SnapshotRow> rowsOf(LocalDate day, Collection<Snapshots.Place> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        Set<String> ds = places.stream().map(Snapshots.Place::districtCode).collect(Collectors.toSet());
        Set<Long> ps = places.stream().map(Snapshots.Place::projectId).collect(Collectors.toSet());
        return records.day(day, ds, ps).stream().filter(r -> places.contains(new Snapshots.Place(r.districtCode(), r.projectId()))).toList();
    }

    private Map<Snapshots.Place, String> names(List<Snapshots.Place> self, List<Snapshots.Place> below) {
        Map<Snapshots.Place, String> names = new LinkedHashMap<>();
        List<Snapshots.Place> all = new ArrayList<>(self);
        all.addAll(below);
        Map<Long, String> projects = housing.projectNames(all.stream().map(Snapshots.Place::projectId)
                .filter(p -> p != SnapshotRow.WHOLE_DISTRICT).toList());
        all.forEach(p -> names.put(p, p.projectId() == SnapshotRow.WHOLE_DISTRICT ? districts.nameOf(p.districtCode())
                : projects.getOrDefault(p.projectId(), "")));
        return names;
    }

    static String link(Snapshots.Place p) {
        return p.projectId() == SnapshotRow.WHOLE_DISTRICT ? "/monitoring/districts/" + p.districtCode() : "/monitoring/projects/" + p.projectId();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("MONITORING_NOT_FOUND", "该区县或项目不存在，或不在您的数据范围内。");
    }
}
