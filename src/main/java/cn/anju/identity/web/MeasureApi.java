package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.MeasureScopes;
import cn.anju.shared.measure.Measure;
import cn.anju.shared.measure.MeasureDefinition;
import cn.anju.shared.measure.MeasureKind;
import cn.anju.shared.measure.MeasurePeriod;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.MeasureValue;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The figures the government judges the operator by, one interface for every reader: the definitions, and a value
 * computed within the caller's data scope (a scope that sees nothing gets "not applicable" and no records).
 */
@RestController
@Tag(name = "指标 Measures")
class MeasureApi {

    private final Measures measures;
    private final MeasureScopes scopes;
    private final Clock clock;

    MeasureApi(Measures measures, MeasureScopes scopes, Clock clock) {
        this.measures = measures;
        this.scopes = scopes;
        this.clock = clock;
    }

    record MeasureInfo(String code, String name, String nameEn, String definition, MeasureKind kind, MeasureUnit unit,
                       MeasureUnit denominatorUnit, MeasurePeriod.Kind period, boolean backfillable, String module) {

        static MeasureInfo of(Measure m) {
            MeasureDefinition d = m.definition();
            return new MeasureInfo(d.code(), d.name(), d.nameEn(), d.definition(), d.kind(), d.unit(), d.denominatorUnit(), d.period(),
                    d.backfillable(), m.module());
        }
    }

    /**
     * A state on one day ({@code asOf}) or what happened from {@code from} to {@code to}, both included; without
     * either, today or this month, as the measure takes. {@code districtCode} narrows the caller's scope.
     */
    record MeasureQuery(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String districtCode) {

        MeasurePeriod period(MeasurePeriod.Kind kind, LocalDate today) {
            if (asOf != null && (from != null || to != null)) {
                throw ProblemException.badRequest("MEASURE_PERIOD_INVALID", "统计日（asOf）与起止日期（from、to）只能填写其一。");
            }
            if (asOf != null) {
                return new MeasurePeriod.AsOf(asOf);
            }
            if (from != null || to != null) {
                return new MeasurePeriod.Range(from, to);
            }
            YearMonth month = YearMonth.from(today);
            return kind == MeasurePeriod.Kind.AS_OF ? new MeasurePeriod.AsOf(today) : new MeasurePeriod.Range(month.atDay(1), month.atEndOfMonth());
        }
    }

    @GetMapping("/api/v1/measures")
    @Operation(summary = "指标定义：编码、名称、口径、类型、单位、统计期类型、能否回溯、所属模块")
    List<MeasureInfo> definitions() {
        return measures.all().stream().map(MeasureInfo::of).toList();
    }

    @GetMapping("/api/v1/measures/{code}")
    @Operation(summary = "按数据范围计算指标：asOf 统计日，或 from/to 统计期；比率附分母明细（标明是否计入分子），计数附所计记录")
    MeasureValue value(CurrentUser user, @PathVariable String code, @ParameterObject @ModelAttribute MeasureQuery query) {
        MeasureScopes.requireReader(user);
        Measure m = measures.find(code).orElseThrow(() -> ProblemException.notFound("MEASURE_NOT_FOUND", "没有该指标：" + code + "。"));
        return measures.compute(code, scopes.of(user, blankToNull(query.districtCode())),
                query.period(m.definition().period(), LocalDate.now(clock)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
