package cn.anju.demo;

import cn.anju.survey.Question;
import cn.anju.survey.QuestionKind;
import cn.anju.survey.QuestionnaireAuthoring;
import cn.anju.survey.SatisfactionIndicator;
import cn.anju.survey.SurveyAnswering;
import cn.anju.survey.SurveyInvitations;
import cn.anju.survey.SurveyWaves;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Satisfaction surveys through the real steps: 榆阳区's own survey of last summer, each district's (榆阳, 神木) quarterly
 * survey in the two quarters the demo evaluates, and the engaged evaluator's survey of 神木市 this autumn, all closed with
 * answers given through each household's link; and the evaluator's survey of
 * 榆阳区 open now, half answered (the demo tenant's household has not answered yet, so its home offers the link).
 */
@Component
@Profile("demo")
class DemoSurveys {

    private static final List<Question> QUESTIONS = List.of(
            rating("总体而言，您对公租房运营服务满意吗？", SatisfactionIndicator.SAT_OVERALL),
            rating("您对报修和维修服务满意吗？", SatisfactionIndicator.SAT_REPAIRS),
            rating("您对租金缴纳和收费服务满意吗？", SatisfactionIndicator.SAT_RENT_SERVICE),
            rating("您对投诉建议的处理满意吗？", SatisfactionIndicator.SAT_COMPLAINTS),
            rating("您对小区环境、卫生和安全满意吗？", SatisfactionIndicator.SAT_ENVIRONMENT),
            rating("您对工作人员的服务态度满意吗？", SatisfactionIndicator.SAT_STAFF),
            new Question(null, QuestionKind.CHOICE, "您通常如何缴纳租金？", List.of("线上缴费", "服务窗口", "银行代扣"), null),
            new Question(null, QuestionKind.TEXT, "您对我们还有什么意见或建议？", List.of(), null));

    private static final String[] COMMENTS = {"希望电梯维修更及时", "小区绿化不错，继续保持", "建议增加电动车充电桩", "服务窗口周末也能办理就好了",
            "楼道照明有时不亮", "工作人员很耐心"};

    private final DemoActs acts;
    private final QuestionnaireAuthoring authoring;
    private final SurveyWaves waves;
    private final SurveyInvitations invitations;
    private final SurveyAnswering answering;

    DemoSurveys(DemoActs acts, QuestionnaireAuthoring authoring, SurveyWaves waves, SurveyInvitations invitations, SurveyAnswering answering) {
        this.acts = acts;
        this.authoring = authoring;
        this.waves = waves;
        this.invitations = invitations;
        this.answering = answering;
    }

    private static Question rating(String text, SatisfactionIndicator indicator) {
        return new Question(null, QuestionKind.RATING, text, List.of(), indicator);
    }

    /** Makes the demo's waves (a mid-year one, one per evaluated quarter and district, the evaluator's); answers how many answers were given. */
    int make(List<DemoLeases.Let> lets, long tenantHousehold) {
        LocalDate today = acts.today();
        LocalDate yearStart = today.withDayOfYear(1);
        int answers = 0;
        LocalDate summer = today.minusDays(150);
        answers += wave("yuyang.gov", "610802", "榆阳区公租房住户满意度调查（年中）", summer, summer.plusDays(20), lets, 0.7, true, -1);
        // the evaluator is engaged for this calendar year only: its waves fall within it
        LocalDate autumn = today.minusDays(60).isBefore(yearStart) ? yearStart : today.minusDays(60);
        if (autumn.plusDays(20).isBefore(today)) {
            answers += wave("evaluator", "610881", "神木市公租房群众满意度第三方测评", autumn, autumn.plusDays(20), lets, 0.65, true, -1);
        }
        // each district asks its residents once a quarter: the quarters the demo evaluates have their satisfaction to count
        for (LocalDate end : DemoEvaluations.quarterEnds(today)) {
            String quarter = end.getYear() + "年第" + ((end.getMonthValue() + 2) / 3) + "季度";
            answers += wave("yuyang.gov", "610802", "榆阳区公租房住户满意度调查（" + quarter + "）", end.minusDays(30), end.minusDays(10), lets,
                    0.3, true, -1);
            answers += wave("shenmu.gov", "610881", "神木市公租房住户满意度调查（" + quarter + "）", end.minusDays(30), end.minusDays(10), lets,
                    0.3, true, -1);
        }
        LocalDate now = today.minusDays(3).isBefore(yearStart) ? yearStart : today.minusDays(3);
        answers += wave("evaluator", "610802", "榆阳区公租房群众满意度第三方测评", now, today.plusDays(11), lets, 0.5, false, tenantHousehold);
        return answers;
    }

    private int wave(String organiser, String district, String title, LocalDate from, LocalDate to, List<DemoLeases.Let> lets,
                     double share, boolean close, long skip) {
        List<Long> projects = lets.stream().filter(l -> l.district().equals(district)).map(DemoLeases.Let::project).distinct().sorted().toList();
        long questionnaire = acts.at(acts.at(from.minusDays(7), 10), organiser, u -> {
            long id = authoring.create(u, new QuestionnaireAuthoring.Draft(title.replace("调查", "问卷").replace("测评", "问卷"), QUESTIONS));
            authoring.publish(u, id, null);
            return id;
        });
        long wave = acts.at(acts.at(from, 9), organiser, u -> waves.create(u, new SurveyWaves.NewWave(questionnaire, title, district, projects, from, to)));
        acts.run(acts.at(from, 9), organiser, u -> waves.open(u, wave, null));
        List<Long> households = lets.stream().filter(l -> l.district().equals(district) && !l.movingOut()).map(DemoLeases.Let::household)
                .distinct().sorted().toList();
        int given = 0;
        long span = Math.max(1, Math.min(to.toEpochDay(), acts.today().toEpochDay()) - from.toEpochDay());
        for (int i = 0; i < households.size(); i++) {
            long household = households.get(i);
            if (household == skip || (i * 37 % 100) >= share * 100) {
                continue;
            }
            LocalDate day = from.plusDays(i % (span + 1));
            int n = i;
            String link = invitations.pendingFor(household).stream().filter(p -> p.title().equals(title)).map(SurveyInvitations.Pending::link)
                    .findFirst().orElse(null);
            if (link == null) {
                continue; // not a household of the wave's start date
            }
            acts.run(acts.at(day, 19), organiser, u -> answering.submit(link.substring(link.lastIndexOf('/') + 1), answers(n)));
            given++;
        }
        if (close) {
            acts.run(acts.at(to, 18), organiser, u -> waves.close(u, wave, null));
        }
        return given;
    }

    /** A household's answers: mostly satisfied, repairs and environment a little less, a few comments. */
    private static Map<String, String> answers(int n) {
        Map<String, String> a = new LinkedHashMap<>();
        int[] base = {5, 4, 5, 4, 4, 5, 3, 4, 5, 2, 4, 5, 1, 4, 3};
        a.put("SAT_OVERALL", String.valueOf(base[n % base.length]));
        a.put("SAT_REPAIRS", String.valueOf(base[(n + 3) % base.length] == 5 ? 4 : base[(n + 3) % base.length]));
        a.put("SAT_RENT_SERVICE", String.valueOf(base[(n + 5) % base.length]));
        if (n % 3 != 0) {
            a.put("SAT_COMPLAINTS", String.valueOf(base[(n + 7) % base.length]));
        }
        a.put("SAT_ENVIRONMENT", String.valueOf(Math.max(1, base[(n + 2) % base.length] - (n % 4 == 0 ? 1 : 0))));
        a.put("SAT_STAFF", String.valueOf(base[(n + 11) % base.length]));
        a.put("Q7", List.of("线上缴费", "服务窗口", "银行代扣").get(n % 3));
        if (n % 4 == 1) {
            a.put("Q8", COMMENTS[n % COMMENTS.length]);
        }
        return a;
    }
}
