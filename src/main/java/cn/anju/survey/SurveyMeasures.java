package cn.anju.survey;

import cn.anju.housing.HousingStock;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureRecord;
import cn.anju.shared.measure.MeasureScope;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.RecordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The survey figures, by the sources a caller names: the evaluation asks for the government's and the evaluator's
 * waves ({@link RunBy#OFFICIAL}), an operator may look at its own. Each record is a group (one wave's answers in one
 * project), never an answer; a group with fewer than five ratings is in no figure at all, whatever the scope, so no
 * difference of two figures can reveal it. The shared measure beans ({@code SAT_*}, {@code SURVEY_RESPONSE_RATE})
 * read the official sources.
 */
@NamedInterface("api")
@Service
public class SurveyMeasures {

    private final JdbcClient jdbc;
    private final HousingStock housing;

    SurveyMeasures(JdbcClient jdbc, HousingStock housing) {
        this.jdbc = jdbc;
        this.housing = housing;
    }

    static MeasureDefinition satisfactionDefinition(SatisfactionIndicator i) {
        return MeasureDefinition.ratio(i.name(), i.label(), i.labelEn(), MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
                "结束日期在统计期内、已结束的政府及第三方评估机构满意度调查中，对应“" + i.label() + "”的评分题打4分或5分的份数 ÷ 作答该题的份数；"
                        + "调查结果中不予显示的项目组（作答不足5份及其互补组）不计入，以防识别作答住户。");
    }

    static final MeasureDefinition RESPONSE_RATE = MeasureDefinition.ratio("SURVEY_RESPONSE_RATE", "满意度调查应答率",
            "Survey response rate", MeasureUnit.COUNT, MeasureUnit.COUNT, MeasurePeriod.Kind.RANGE, true,
            "结束日期在统计期内、已结束的政府及第三方评估机构满意度调查中，已作答的户数 ÷ 发送的户数（每户一个一次性链接）。");

    /**
     * The share of 4-5 ratings of one indicator over the sources' waves closed with a window ending in the range: whole
     * waves only, so no two periods differ by a few answers, and without the groups the wave's results hide.
     */
    public MeasureValue satisfaction(SatisfactionIndicator indicator, MeasureScope scope, MeasurePeriod period, Set<RunBy> sources) {
        MeasurePeriod.Range range = (MeasurePeriod.Range) period;
        List<long[]> waves = jdbc.sql("""
                        select w.id, p.project_id, (w.district_code = any(?))::int from survey_wave w
                          join survey_wave_project p on p.wave_id = w.id
                         where w.status = ? and w.run_by = any(?) and w.ends_on between ? and ?
                         order by w.id, p.project_id""")
                .params(scope.params().getFirst(), WaveStatus.CLOSED.name(), sources(sources), range.from(), range.to())
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        List<long[]> groups = new ArrayList<>();
        Map<Long, WaveTally> tallies = new HashMap<>();
        Map<Long, Set<Long>> hidden = new HashMap<>();
        for (long[] w : waves) {
            if (w[2] == 0 && !scope.projectIds().contains(w[1])) {
                continue; // neither its district nor its project is in scope
            }
            WaveTally tally = tallies.computeIfAbsent(w[0], id -> WaveTally.load(jdbc, id));
            int[] counts = tally.ratings(indicator.name()).get(w[1]);
            if (counts != null && !hidden.computeIfAbsent(w[0], id -> tally.hidden(indicator.name())).contains(w[1])) {
                groups.add(new long[]{w[0], w[1], WaveTally.total(counts), SurveyStatistics.satisfied(counts)});
            }
        }
        return MeasureValue.ratio(satisfactionDefinition(indicator), period, records(groups));
    }

    /**
     * Households that answered ÷ households sent, over the sources' closed waves whose window ends in the range (a
     * running wave's progress is its organiser's to watch, not the operator's).
     */
    public MeasureValue responseRate(MeasureScope scope, MeasurePeriod period, Set<RunBy> sources) {
        MeasurePeriod.Range range = (MeasurePeriod.Range) period;
        List<Object> params = new ArrayList<>(scope.params());
        params.addAll(List.of(sources(sources), WaveStatus.CLOSED.name(), range.from(), range.to()));
        List<long[]> groups = jdbc.sql("""
                        select p.wave_id, p.project_id, coalesce(p.households, 0),
                               (select count(*) from survey_token t where t.wave_id = p.wave_id and t.project_id = p.project_id and t.answered)
                          from survey_wave_project p join survey_wave w on w.id = p.wave_id
                         where (w.district_code = any(?) or p.project_id = any(?)) and w.run_by = any(?) and w.status = ?
                           and w.ends_on between ? and ?
                         order by p.wave_id, p.project_id""")
                .params(params)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
        return MeasureValue.ratio(RESPONSE_RATE, period, records(groups));
    }

    /** One record per (wave, project): of = [2], counted = [3]; labelled by the wave's title and the project's name. */
    private List<MeasureRecord> records(List<long[]> groups) {
        Set<Long> waves = new HashSet<>();
        Set<Long> projects = new HashSet<>();
        groups.forEach(g -> {
            waves.add(g[0]);
            projects.add(g[1]);
        });
        Map<Long, String> titles = new HashMap<>();
        if (!waves.isEmpty()) {
            jdbc.sql("select id, title from survey_wave where id = any(?)").param(waves.toArray(Long[]::new))
                    .query((rs, n) -> titles.put(rs.getLong(1), rs.getString(2))).list();
        }
        Map<Long, String> names = projects.isEmpty() ? Map.of() : housing.projectNames(projects);
        return groups.stream().map(g -> MeasureRecord.group(RecordKind.SURVEY_GROUP, g[0],
                titles.getOrDefault(g[0], "调查" + g[0]) + " · " + names.getOrDefault(g[1], "项目" + g[1]), g[2], g[3])).toList();
    }

    private static String[] sources(Set<RunBy> sources) {
        return sources.stream().map(Enum::name).toArray(String[]::new);
    }

    /** The evaluation's satisfaction figures: one bean per indicator, over the official sources. */
    record Satisfaction(SurveyMeasures measures, SatisfactionIndicator indicator) implements Measure {
        public MeasureDefinition definition() {
            return satisfactionDefinition(indicator);
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            return measures.satisfaction(indicator, scope, period, RunBy.OFFICIAL);
        }

        @Override
        public String module() {
            return "survey";
        }
    }

    record ResponseRate(SurveyMeasures measures) implements Measure {
        public MeasureDefinition definition() {
            return RESPONSE_RATE;
        }

        public MeasureValue compute(MeasureScope scope, MeasurePeriod period) {
            return measures.responseRate(scope, period, RunBy.OFFICIAL);
        }

        @Override
        public String module() {
            return "survey";
        }
    }
}
