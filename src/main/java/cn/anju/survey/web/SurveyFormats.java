package cn.anju.survey.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the survey pages show their figures ({@code ${@svFmt.share(x)}}): shares (0-1) as percentages with one decimal
 * (UI.md), means with two decimals, a margin of error in percentage points; a missing figure as a dash.
 */
@Component("svFmt")
public class SurveyFormats {

    static final String NONE = "—";

    public String share(Double ratio) {
        return ratio == null ? NONE : BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    public String mean(Double mean) {
        return mean == null ? NONE : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public String interval(Double low, Double high) {
        return low == null || high == null ? NONE : share(low) + " – " + share(high);
    }

    public String points(Double margin) {
        return margin == null ? NONE : "±" + BigDecimal.valueOf(margin * 100).setScale(1, RoundingMode.HALF_UP);
    }

    /** part ÷ whole as a percentage (answered of sent, one option of all), or a dash when the whole is nothing. */
    public String rate(Number part, Number whole) {
        return part == null || whole == null || whole.doubleValue() == 0 ? NONE : share(part.doubleValue() / whole.doubleValue());
    }
}
