package cn.anju.monitoring;

import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a figure counted: a problem list of any day lists exactly the records its snapshot kept; another measure lists
 * today's records live (its past days open the projects' figures instead, on the dashboard).
 */
@Service
public class Drilldowns {

    private final Dashboards dashboards;
    private final SnapshotRecords records;
    private final Measures measures;
    private final HousingStock housing;
    private final Clock clock;

    Drilldowns(Dashboards dashboards, SnapshotRecords records, Measures measures, HousingStock housing, Clock clock) {
        this.dashboards = dashboards;
        this.records = records;
        this.measures = measures;
        this.housing = housing;
        this.clock = clock;
    }

    public record Item(long id, String label, boolean inNumerator) {
    }

    /** The records behind a figure of a place (a district when {@code project} is null) on a day; {@code fromSnapshot} says whence. */
    public record Drilldown(MeasureDefinition measure, SnapshotPeriod period, String districtCode, Long projectId, LocalDate day,
                            boolean fromSnapshot, List<Item> items) {
    }

    public Drilldown of(CurrentUser user, String code, SnapshotPeriod period, String district, Long project, LocalDate date) {
        MeasureDefinition d = measures.find(code).map(m -> m.definition())
                .orElseThrow(() -> ProblemException.notFound("MEASURE_NOT_FOUND", "没有该指标：" + code + "。"));
        MonitoringScope scope = dashboards.scope(user);
        String placeDistrict = project == null ? district : housing.projectDistrict(project).orElseThrow(Dashboards::notFound);
        boolean covered = project == null ? placeDistrict != null && scope.coversDistrict(placeDistrict) : scope.coversProject(placeDistrict, project);
        if (!covered) {
            throw Dashboards.notFound();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : date;
        SnapshotPeriod p = period == null ? SnapshotPeriod.of(d.period())[0] : period;
        long place = project == null ? SnapshotRow.WHOLE_DISTRICT : project;
        if (Snapshots.PROBLEM_LISTS.contains(code)) {
            var row = records.one(day, placeDistrict, place, code, p);
            if (row.isPresent() && row.get().recordIds() != null) {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < row.get().recordIds().size(); i++) {
                    items.add(new Item(row.get().recordIds().get(i), row.get().recordLabels().get(i), true));
                }
                return new Drilldown(d, p, placeDistrict, project, day, true, items);
            }
        }
        if (!day.equals(today)) {
            throw ProblemException.badRequest("MONITORING_PAST_RECORDS", "「" + d.name() + "」过去某日的数值可按项目查看，逐条记录只能查看今天的。");
        }
        MeasureScope measureScope = project == null ? MeasureScope.districts(placeDistrict) : MeasureScope.projects(project);
        MeasureValue v = measures.compute(code, measureScope, p.on(day));
        return new Drilldown(d, p, placeDistrict, project, day, false, v.records().stream()
                .map((MeasureRecord r) -> new Item(r.id(), r.label(), r.inNumerator())).toList());
    }
}
