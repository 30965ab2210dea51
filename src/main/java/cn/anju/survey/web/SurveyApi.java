package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.survey.Question;
import cn.anju.survey.Questionnaire;
import cn.anju.survey.QuestionnaireAuthoring;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Questionnaires (问卷): an organisation's own, drafted, edited and published; a published version is frozen. */
@RestController
@Tag(name = "满意度调查 Surveys")
class SurveyApi {

    private final QuestionnaireAuthoring authoring;

    SurveyApi(QuestionnaireAuthoring authoring) {
        this.authoring = authoring;
    }

    record QuestionnaireView(long id, String title, String runBy, int versionNo, Long previousId, String status,
                             List<Question> questions, int version) {
        static QuestionnaireView of(Questionnaire q) {
            return new QuestionnaireView(q.id(), q.title(), q.runBy().name(), q.versionNo(), q.previousId(), q.status().name(),
                    q.questions(), q.version());
        }
    }

    @GetMapping("/api/v1/surveys")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "本单位的问卷（各版本）")
    List<QuestionnaireView> list(CurrentUser user) {
        return authoring.mine(user).stream().map(QuestionnaireView::of).toList();
    }

    @GetMapping("/api/v1/surveys/{id}")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "一份问卷（某一版本）及其题目")
    QuestionnaireView show(CurrentUser user, @PathVariable long id) {
        return QuestionnaireView.of(authoring.show(user, id));
    }

    @PostMapping("/api/v1/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "新建问卷草稿：题型 RATING（1-5分，可对应满意度指标 SAT_*）、CHOICE（单选）、TEXT（文字）")
    Map<String, Object> create(CurrentUser user, @RequestBody QuestionnaireAuthoring.Draft body) {
        requireBody(body);
        return Map.of("id", authoring.create(user, body));
    }

    @PostMapping("/api/v1/surveys/{id}/revision")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "修改问卷：草稿原地修改；已发布的版本不变，修改生成下一版本草稿（返回所保存版本的 id）")
    Map<String, Object> revise(CurrentUser user, @PathVariable long id, @RequestBody QuestionnaireAuthoring.Draft body) {
        requireBody(body);
        return Map.of("id", authoring.revise(user, id, body));
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/surveys/{id}/publication")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "发布问卷：发布后冻结，方可用于调查")
    Map<String, Object> publish(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        authoring.publish(user, id, body == null ? null : body.version());
        return Map.of("id", id);
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("SURVEY_BODY", "请求体应为 JSON。");
        }
    }
}
