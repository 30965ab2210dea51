package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.web.PageActions;
import cn.anju.survey.Questionnaire;
import cn.anju.survey.QuestionnaireAuthoring;
import cn.anju.survey.QuestionnaireStatus;
import cn.anju.survey.SurveyInvitations;
import cn.anju.survey.SurveyWave;
import cn.anju.survey.SurveyWaves;
import cn.anju.survey.WaveStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 满意度调查: the list of waves the user may read (and, for an organiser, its organisation's questionnaires), one
 * wave with its progress by project and the organiser's 开始调查 / 结束调查, and the printable door-to-door sheets.
 */
@Controller
@PreAuthorize("@surveyAccess.readers(authentication)")
class SurveyPages {

    private final SurveyWaves waves;
    private final QuestionnaireAuthoring authoring;
    private final SurveyInvitations invitations;
    private final Districts districts;

    SurveyPages(SurveyWaves waves, QuestionnaireAuthoring authoring, SurveyInvitations invitations, Districts districts) {
        this.waves = waves;
        this.authoring = authoring;
        this.invitations = invitations;
        this.districts = districts;
    }

    record Filter(WaveStatus status) {
    }

    /** A wave as the list shows it: where, and how many households answered of those it was sent to. */
    record WaveRow(SurveyWave wave, String districtName, int sent, int answered) {
    }

    /** Progress summed over the wave's projects. */
    record Totals(int sent, int answered) {
        static Totals of(List<SurveyInvitations.Progress> progress) {
            return new Totals(progress.stream().mapToInt(SurveyInvitations.Progress::sent).sum(),
                    progress.stream().mapToInt(SurveyInvitations.Progress::answered).sum());
        }
    }

    @GetMapping("/surveys")
    String list(CurrentUser user, @ModelAttribute Filter f, Model model) {
        List<WaveRow> rows = waves.list(user, f.status()).stream().map(w -> {
            Totals t = Totals.of(invitations.progress(user, w.id()));
            return new WaveRow(w, districts.nameOf(w.districtCode()), t.sent(), t.answered());
        }).toList();
        boolean organiser = authoring.authors(user);
        model.addAttribute("f", f);
        model.addAttribute("statuses", WaveStatus.values());
        model.addAttribute("waves", rows);
        model.addAttribute("organiser", organiser);
        model.addAttribute("questionnaires", organiser ? authoring.mine(user) : List.<Questionnaire>of());
        return "survey/list";
    }

    @GetMapping("/surveys/waves/{id}")
    String wave(CurrentUser user, @PathVariable long id, Model model) {
        SurveyWave wave = waves.visible(user, id);
        boolean runs = waves.runs(user, wave);
        List<SurveyInvitations.Progress> progress = invitations.progress(user, id);
        model.addAttribute("w", wave);
        model.addAttribute("districtName", districts.nameOf(wave.districtCode()));
        model.addAttribute("runs", runs);
        model.addAttribute("progress", progress);
        model.addAttribute("totals", Totals.of(progress));
        model.addAttribute("questionnaire", runs ? authoring.show(user, wave.questionnaireId()) : null);
        return "survey/wave";
    }

    @PostMapping("/surveys/waves/{id}/{step:opening|closing}")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String step, @RequestParam(required = false) Integer version,
                RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/surveys/waves/" + id, () -> {
            if (step.equals("opening")) {
                return "调查已开始，已向 " + waves.open(user, id, version) + " 户发送问卷链接（短信、微信、电子邮件）。";
            }
            waves.close(user, id, version);
            return "调查已结束，全部作答已入库，可以查看结果。";
        });
    }

    /** The sheets to print for door-to-door visits: one card per household not yet answered, with its QR code. */
    @GetMapping("/surveys/waves/{id}/sheets")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    String sheets(CurrentUser user, @PathVariable long id, Model model) {
        SurveyWave wave = waves.visible(user, id);
        model.addAttribute("w", wave);
        model.addAttribute("sheets", invitations.sheets(user, id).stream()
                .sorted(Comparator.comparing(SurveyInvitations.Sheet::projectName).thenComparing(SurveyInvitations.Sheet::place, SurveyPages::doorOrder))
                .map(s -> new Card(s.projectName(), s.place(), s.link(), QrSvg.of(s.link()))).toList());
        return "survey/sheets";
    }

    /** One printed card: where to take it, the link, and its QR code as SVG markup. */
    record Card(String projectName, String place, String link, String qr) {
    }

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    /** Places in the order a visitor walks the doors: numbers compared as numbers (1栋102 before 1栋1001). */
    static int doorOrder(String a, String b) {
        Matcher x = CHUNK.matcher(a);
        Matcher y = CHUNK.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int c = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    /** The published questionnaires a wave may ask (each version its own choice). */
    static List<Questionnaire> published(List<Questionnaire> mine) {
        return mine.stream().filter(q -> q.status() == QuestionnaireStatus.PUBLISHED).toList();
    }
}
