package cn.anju.evaluation.web;

import cn.anju.evaluation.EvaluationReview;
import cn.anju.evaluation.EvaluationScoring;
import cn.anju.evaluation.EvaluationViews;
import cn.anju.evaluation.Evaluations;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Role;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.Uploads;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 绩效评价: each contract's quarter and year, its leaves computed from the records (frozen with their inputs' SHA-256)
 * or scored by the purchaser and the evaluator, the operator's objections, and the leader's signature (four eyes).
 */
@RestController
@Tag(name = "绩效评价与结算 Evaluation and settlement")
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class EvaluationApi {

    private final Evaluations evaluations;
    private final EvaluationScoring scoring;
    private final EvaluationReview review;
    private final EvaluationViews views;

    EvaluationApi(Evaluations evaluations, EvaluationScoring scoring, EvaluationReview review, EvaluationViews views) {
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.review = review;
        this.views = views;
    }

    @GetMapping("/api/v1/evaluations")
    @Operation(summary = "绩效评价列表：政府与财政为本人区县的，承接主体负责人为本单位合同的，第三方为受托区县（项目）的")
    List<EvaluationViews.Summary> list(CurrentUser user) {
        return evaluations.list(user).stream().map(views::summary).toList();
    }

    @GetMapping("/api/v1/evaluations/{id}")
    @Operation(summary = "一期绩效评价：total、band、status，及每项指标的 weight、effectiveWeight、applicable、value、score、numerator、denominator、unit、inputsDigest")
    EvaluationViews.Detail show(CurrentUser user, @PathVariable long id) {
        return views.detail(evaluations.visible(user, id));
    }

    @GetMapping("/api/v1/evaluations/{id}/leaves/{code}/records")
    @Operation(summary = "指标的计算依据：分母所含记录（分页），每条标明是否计入分子；金额类附 amount；total 为记录数")
    EvaluationViews.RecordPage records(CurrentUser user, @PathVariable long id, @PathVariable String code,
                                       @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        if (user.has(Role.EVALUATOR)) { // an evaluation firm reads figures, never the operational records behind them
            throw ProblemException.forbidden("RECORDS_NOT_FOR_EVALUATOR", "第三方评估机构可查看指标数值，不查看其所依据的业务记录明细。");
        }
        return views.records(evaluations.visible(user, id), code, version, page, size);
    }

    record OpenForm(Long contractId, String period) {
    }

    @PostMapping("/api/v1/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "建立一期绩效评价（区县住房保障部门）：合同与期间（如 2026Q3 或 2026）")
    Map<String, Object> open(CurrentUser user, @RequestBody OpenForm body) {
        if (body == null || body.contractId() == null) {
            throw ProblemException.badRequest("CONTRACT_REQUIRED", "请选择服务合同。");
        }
        return Map.of("id", evaluations.open(user, body.contractId(), body.period()));
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/evaluations/{id}/computation")
    @Operation(summary = "期满后计算并冻结各计算类指标（分子、分母、所计记录及其 SHA-256）")
    EvaluationViews.Detail compute(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        evaluations.compute(user, id, seen == null ? null : seen.version());
        return views.detail(evaluations.visible(user, id));
    }

    record ScoreForm(BigDecimal percent, String basis, Integer version) {
    }

    @PostMapping(path = "/api/v1/evaluations/{id}/leaves/{code}/score", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @Operation(summary = "人工评分指标评分（采购人或受托第三方）：得分率 0-100、评分依据、证据文件")
    EvaluationViews.Detail score(CurrentUser user, @PathVariable long id, @PathVariable String code, @ModelAttribute ScoreForm form,
                                 @RequestParam(required = false) MultipartFile file) {
        scoring.score(user, id, code, form.percent(), form.basis(), upload(file), form.version());
        return views.detail(evaluations.visible(user, id));
    }

    @PostMapping("/api/v1/evaluations/{id}/submission")
    @Operation(summary = "提交评分（全部人工指标已评分）")
    EvaluationViews.Detail submit(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        scoring.submit(user, id, seen == null ? null : seen.version());
        return views.detail(evaluations.visible(user, id));
    }

    @PostMapping("/api/v1/evaluations/{id}/reopening")
    @Operation(summary = "送复核前退回评分")
    EvaluationViews.Detail reopen(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        scoring.reopen(user, id, seen == null ? null : seen.version());
        return views.detail(evaluations.visible(user, id));
    }

    @PostMapping("/api/v1/evaluations/{id}/review")
    @Operation(summary = "送承接主体复核：异议期为配置的工作日数（默认5个工作日）")
    EvaluationViews.Detail sendForReview(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        scoring.sendForReview(user, id, seen == null ? null : seen.version());
        return views.detail(evaluations.visible(user, id));
    }

    record ObjectionForm(String leafCode, String reasons) {
    }

    @PostMapping(path = "/api/v1/evaluations/{id}/objections", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "承接主体对某项指标提出异议（异议期内）：理由与证据文件")
    Map<String, Object> object(CurrentUser user, @PathVariable long id, @ModelAttribute ObjectionForm form,
                               @RequestParam(required = false) MultipartFile file) {
        return Map.of("id", review.object(user, id, form.leafCode(), form.reasons(), upload(file)));
    }

    @PostMapping("/api/v1/evaluations/{id}/operator-acceptance")
    @Operation(summary = "承接主体确认评价结果（不再提出异议）")
    EvaluationViews.Detail acceptResult(CurrentUser user, @PathVariable long id) {
        review.acceptResult(user, id);
        return views.detail(evaluations.visible(user, id));
    }

    @PostMapping("/api/v1/evaluations/{id}/signature")
    @Operation(summary = "定稿（四眼原则：本区县未参与评分的分管领导）：固定总分与等次；连续两季度“差”标记终止审查")
    EvaluationViews.Detail sign(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        review.sign(user, id, seen == null ? null : seen.version());
        return views.detail(evaluations.visible(user, id));
    }

    static Upload upload(MultipartFile file) {
        return Uploads.of(file);
    }
}
