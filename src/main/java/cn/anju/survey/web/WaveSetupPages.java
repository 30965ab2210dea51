package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import cn.anju.survey.QuestionnaireAuthoring;
import cn.anju.survey.SurveyWaves;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 新建调查: a published questionnaire of the organiser's organisation, a title, the district (the user's own, or a
 * choice for the city and the evaluator), the projects it may survey there, and the window. Changing the district
 * reloads the projects' checkboxes (htmx).
 */
@Controller
@PreAuthorize("@surveyAccess.organisers(authentication)")
class WaveSetupPages {

    private final SurveyWaves waves;
    private final QuestionnaireAuthoring authoring;
    private final Districts districts;
    private final Clock clock;

    WaveSetupPages(SurveyWaves waves, QuestionnaireAuthoring authoring, Districts districts, Clock clock) {
        this.waves = waves;
        this.authoring = authoring;
        this.districts = districts;
        this.clock = clock;
    }

    record WaveForm(Long questionnaireId, String title, String districtCode, List<Long> projectIds,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

        List<Long> chosen() {
            return projectIds == null ? List.of() : projectIds;
        }
    }

    record DistrictOption(String code, String name) {
    }

    @GetMapping("/surveys/waves/new")
    String blank(CurrentUser user, @RequestParam(required = false) Long questionnaireId, Model model) {
        LocalDate today = LocalDate.now(clock);
        return form(user, new WaveForm(questionnaireId, "", null, List.of(), today, today.plusDays(14)), model);
    }

    /** The district's projects as checkboxes, when the district select changes. */
    @GetMapping("/surveys/waves/new/projects")
    String projects(CurrentUser user, @RequestParam(required = false) String districtCode, Model model) {
        String district = district(districtCode, waves.districtsToSurvey(user));
        model.addAttribute("projects", district == null ? Map.of() : waves.projectsToSurvey(user, district));
        model.addAttribute("chosen", List.of());
        return "survey/wave-new :: projects";
    }

    @PostMapping("/surveys/waves")
    String create(CurrentUser user, @ModelAttribute WaveForm f, Model model, RedirectAttributes redirect) {
        try {
            long id = waves.create(user, new SurveyWaves.NewWave(f.questionnaireId(), f.title(), f.districtCode(), f.chosen(),
                    f.startsOn(), f.endsOn()));
            redirect.addFlashAttribute("notice", "调查已建立。调查期内点击“开始调查”，系统即向各户发送问卷链接。");
            return "redirect:/surveys/waves/" + id;
        } catch (ProblemException e) {
            return FormRefusals.shownOn(e, model, () -> form(user, f, model));
        }
    }

    private String form(CurrentUser user, WaveForm f, Model model) {
        List<String> codes = waves.districtsToSurvey(user);
        String district = district(f.districtCode(), codes);
        model.addAttribute("form", f);
        model.addAttribute("questionnaires", SurveyPages.published(authoring.mine(user)));
        model.addAttribute("districts", codes.stream().map(c -> new DistrictOption(c, districts.nameOf(c))).toList());
        model.addAttribute("district", district);
        model.addAttribute("projects", district == null ? Map.of() : waves.projectsToSurvey(user, district));
        model.addAttribute("chosen", f.chosen());
        return "survey/wave-new";
    }

    /** The district asked for when the user may survey it, else the first the user may. */
    private static String district(String asked, List<String> codes) {
        if (asked != null && codes.contains(asked)) {
            return asked;
        }
        return codes.isEmpty() ? null : codes.getFirst();
    }
}
