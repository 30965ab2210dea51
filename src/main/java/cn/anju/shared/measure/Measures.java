package cn.anju.shared.measure;

import cn.anju.shared.web.ProblemException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every {@link Measure} bean of every module: the list of definitions readers are offered, and
 * computing one by its code with the period checked against its definition. Two measures with one code stop the
 * start, so a code always means one figure.
 */
@Component
public class Measures {

    private final Map<String, Measure> byCode = new LinkedHashMap<>();
    private final Clock clock;

    Measures(List<Measure> measures, Clock clock) {
        this.clock = clock;
        measures.stream().sorted(Comparator.comparing(Measure::module).thenComparing(m -> m.definition().code())).forEach(m -> {
            Measure before = byCode.putIfAbsent(m.definition().code(), m);
            if (before != null) {
                throw new IllegalStateException("measure code " + m.definition().code() + " declared twice: "
                        + before.getClass().getName() + " and " + m.getClass().getName());
            }
        });
    }

    /** Every measure, by owning module then code. */
    public List<Measure> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Measure> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Computes a measure by code; refuses a period of the other kind, a day after today, or a past day it cannot know. */
    public MeasureValue compute(String code, MeasureScope scope, MeasurePeriod period) {
        Measure m = find(code).orElseThrow(() -> ProblemException.notFound("MEASURE_NOT_FOUND", "没有该指标：" + code + "。"));
        check(m.definition(), period, LocalDate.now(clock));
        return m.compute(scope, period);
    }

    static void check(MeasureDefinition d, MeasurePeriod period, LocalDate today) {
        if (period.kind() != d.period()) {
            throw ProblemException.badRequest("MEASURE_PERIOD_KIND", d.period() == MeasurePeriod.Kind.AS_OF
                    ? "指标「" + d.name() + "」按时点统计，请填写统计日 asOf。"
                    : "指标「" + d.name() + "」按期间统计，请填写起止日期 from 和 to。");
        }
        if (period instanceof MeasurePeriod.AsOf(LocalDate day)) {
            if (day.isAfter(today)) {
                throw ProblemException.badRequest("MEASURE_DAY_FUTURE", "统计日不能晚于今天。");
            }
            if (!d.backfillable() && day.isBefore(today)) {
                throw ProblemException.badRequest("MEASURE_NOT_BACKFILLABLE",
                        "指标「" + d.name() + "」只能按当前状态统计，无法回溯到过去某日，请以今天为统计日。");
            }
        }
    }
}
