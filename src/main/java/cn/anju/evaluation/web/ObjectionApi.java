package cn.anju.evaluation.web;

import cn.anju.evaluation.EvaluationReview;
import cn.anju.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** The purchaser's answer to an objection: accepted (a new frozen version, or the corrected manual score) or rejected. */
@RestController
@Tag(name = "绩效评价与结算 Evaluation and settlement")
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class ObjectionApi {

    private final EvaluationReview review;

    ObjectionApi(EvaluationReview review) {
        this.review = review;
    }

    record Decision(String decision, BigDecimal percent) {
    }

    @PostMapping("/api/v1/objections/{id}/acceptance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "采纳异议：计算类指标按当前记录重新冻结为新版本（旧版本保留）；人工指标须填更正后的得分率")
    void accept(CurrentUser user, @PathVariable long id, @RequestBody Decision body) {
        review.accept(user, id, body == null ? null : body.decision(), body == null ? null : body.percent());
    }

    @PostMapping("/api/v1/objections/{id}/rejection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "驳回异议，写明理由")
    void reject(CurrentUser user, @PathVariable long id, @RequestBody Decision body) {
        review.reject(user, id, body == null ? null : body.decision());
    }
}
