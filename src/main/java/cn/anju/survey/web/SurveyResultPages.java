package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.survey.SatisfactionIndicator;
import cn.anju.survey.SurveyResults;
import cn.anju.survey.WaveResults;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A wave's results: the response rate, per rating question its figures and a chart of the 1-5 distribution, per
 * project, the choices and the comments; figures only once the wave is closed, and "不足5份，不予显示" wherever the
 * service suppresses them. 导出Excel gives the anonymised answers, one row each, with no project.
 */
@Controller
@PreAuthorize("@surveyAccess.readers(authentication)")
class SurveyResultPages {

    private final SurveyResults results;
    private final Districts districts;

    SurveyResultPages(SurveyResults results, Districts districts) {
        this.results = results;
        this.districts = districts;
    }

    @GetMapping("/surveys/waves/{id}/results")
    String results(CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        WaveResults r = results.of(user, id);
        Map<String, String> indicators = new LinkedHashMap<>();
        for (SatisfactionIndicator i : SatisfactionIndicator.values()) {
            indicators.put(i.name(), "en".equals(locale.getLanguage()) ? i.labelEn() : i.label());
        }
        model.addAttribute("r", r);
        model.addAttribute("indicators", indicators);
        model.addAttribute("districtName", districts.nameOf(r.districtCode()));
        return "survey/results";
    }

    @GetMapping("/surveys/waves/{id}/results.xlsx")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable long id) {
        SurveyResults.AnswerRows answers = results.answers(user, id);
        return Downloads.xlsx(Sheets.write("作答", answers.headers(), answers.rows()), "调查作答-" + id + ".xlsx");
    }
}
