package cn.anju.evaluation.web;

import cn.anju.evaluation.Band;
import cn.anju.evaluation.EvaluationPeriod;
import cn.anju.evaluation.EvaluationViews;
import cn.anju.shared.measure.MeasureUnit;
import cn.anju.shared.measure.Measures;
import cn.anju.shared.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the evaluation pages show their figures ({@code ${@evFmt.value(leaf)}}): a period, a band and a unit in the
 * user's language, a rate as a percentage with one decimal, the days to re-let as days, money as ¥1,234.56, counts as
 * whole numbers; the same on the page, the PDF and the Excel statement.
 */
@Component("evFmt")
class EvaluationFormats {

    private final MessageSource messages;
    private final Formats fmt;
    private final Measures measures;

    EvaluationFormats(MessageSource messages, Formats fmt, Measures measures) {
        this.messages = messages;
        this.fmt = fmt;
        this.measures = measures;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** 2026年第3季度 / Q3 2026; 2026年度 / Year 2026. */
    public String period(String code) {
        EvaluationPeriod p = EvaluationPeriod.parse(code);
        return p.kind() == EvaluationPeriod.Kind.YEAR ? text("ev.period.year", String.valueOf(p.year()))
                : text("ev.period.quarter", String.valueOf(p.year()), code.substring(5));
    }

    /** The band as stored (优/良/中/差), in the user's language; blank when there is none yet. */
    public String band(String label) {
        return label == null ? "" : text("ev.band." + Band.ofLabel(label).name());
    }

    /** A total or a score with two decimals, as signed (92.80). */
    public String points(BigDecimal points) {
        return points == null ? "—" : points.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A weight or an effective weight: as many decimals as it carries, no trailing zeros (30, 4.2857). */
    public String weight(BigDecimal weight) {
        return weight == null ? "—" : weight.stripTrailingZeros().toPlainString();
    }

    /** A manual score's percentage of the leaf (92%). */
    public String share(BigDecimal percent) {
        return percent == null ? "—" : percent.stripTrailingZeros().toPlainString() + "%";
    }

    private boolean days(String measureCode) {
        return measureCode != null && measures.find(measureCode).map(m -> m.definition().unit() == MeasureUnit.DAY).orElse(false);
    }

    /** A computed leaf's value, target or floor: days for an average of days, else a ratio as a percentage. */
    public String figure(String measureCode, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return days(measureCode) ? text("ev.days", value.setScale(1, RoundingMode.HALF_UP).toPlainString()) : fmt.percent(value);
    }

    public String value(EvaluationViews.Leaf l) {
        return l.applicable() ? figure(l.measureCode(), l.value()) : text("ev.notApplicable");
    }

    /** The numerator in its own unit: yuan for a yuan ratio, days for the days to re-let, else a count. */
    public String numerator(EvaluationViews.Leaf l) {
        if (l.numerator() == null) {
            return "—";
        }
        return days(l.measureCode()) ? text("ev.days", l.numerator().toString()) : amount(l.unit(), l.numerator());
    }

    /** A denominator or a record's share of one: ¥ for yuan, a whole number for counts. */
    public String amount(String unit, Number n) {
        if (n == null) {
            return "—";
        }
        BigDecimal v = new BigDecimal(n.toString());
        return MeasureUnit.YUAN.name().equals(unit) ? fmt.yuan(v) : String.format("%,d", v.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The unit named in words (条记录 / 元). */
    public String unit(String unit) {
        return unit == null ? "" : text("ev.unit." + unit);
    }
}
