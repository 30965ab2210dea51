package cn.anju.survey.web;

import cn.anju.identity.CurrentUser;
import cn.anju.survey.SurveyResults;
import cn.anju.survey.SurveyWave;
import cn.anju.survey.SurveyWaves;
import cn.anju.survey.WaveResults;
import cn.anju.survey.WaveStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Survey waves (调查): set up, opened (one token per household, invitations sent), closed; their progress and results.
 * The district's government users read every wave of their district, the engaged evaluator its own, an operator its
 * own and, once closed, the others in its projects.
 */
@RestController
@Tag(name = "满意度调查 Surveys")
class SurveyWaveApi {

    private final SurveyWaves waves;
    private final SurveyResults results;

    SurveyWaveApi(SurveyWaves waves, SurveyResults results) {
        this.waves = waves;
        this.results = results;
    }

    record WaveView(long id, String title, String districtCode, long questionnaireId, String runBy, LocalDate startsOn,
                    LocalDate endsOn, WaveStatus status, List<Long> projectIds, int version) {
        static WaveView of(SurveyWave w) {
            return new WaveView(w.id(), w.title(), w.districtCode(), w.questionnaireId(), w.runBy().name(), w.startsOn(),
                    w.endsOn(), w.status(), w.projectIds(), w.version());
        }
    }

    @GetMapping("/api/v1/survey-waves")
    @PreAuthorize("@surveyAccess.readers(authentication)")
    @Operation(summary = "调查波次列表（可按状态 DRAFT、OPEN、CLOSED 筛选）")
    List<WaveView> list(CurrentUser user, @RequestParam(required = false) WaveStatus status) {
        return waves.list(user, status).stream().map(WaveView::of).toList();
    }

    @GetMapping("/api/v1/survey-waves/{id}")
    @PreAuthorize("@surveyAccess.readers(authentication)")
    @Operation(summary = "一次调查")
    WaveView show(CurrentUser user, @PathVariable long id) {
        return WaveView.of(waves.visible(user, id));
    }

    @GetMapping("/api/v1/survey-waves/{id}/results")
    @PreAuthorize("@surveyAccess.readers(authentication)")
    @Operation(summary = "调查结果：应答率（0-1）；评分题的均值、满意率（4-5分）及95%置信区间（Wilson，含有限总体校正）；不足5份的组不显示")
    WaveResults results(CurrentUser user, @PathVariable long id) {
        return results.of(user, id);
    }

    @PostMapping("/api/v1/survey-waves")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "新建调查：本单位已发布的问卷、区县、项目、起止日期")
    Map<String, Object> create(CurrentUser user, @RequestBody SurveyWaves.NewWave body) {
        SurveyApi.requireBody(body);
        return Map.of("id", waves.create(user, body));
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/survey-waves/{id}/opening")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "开始调查：向开始日持有有效租赁合同的每户发放一次性链接（短信、微信、电子邮件）")
    Map<String, Object> open(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        int sent = waves.open(user, id, body == null ? null : body.version());
        return Map.of("id", id, "sent", sent);
    }

    @PostMapping("/api/v1/survey-waves/{id}/closing")
    @PreAuthorize("@surveyAccess.organisers(authentication)")
    @Operation(summary = "结束调查：写入全部待入库的作答后结束")
    Map<String, Object> close(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        waves.close(user, id, body == null ? null : body.version());
        return Map.of("id", id);
    }
}
