package cn.anju.evaluation.web;

import cn.anju.evaluation.IndicatorLeaf;
import cn.anju.evaluation.IndicatorTree;
import cn.anju.evaluation.IndicatorTrees;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A contract's indicator trees (评价指标体系), version by version; a revision is a new version, weights adding up to 100. */
@RestController
@Tag(name = "绩效评价与结算 Evaluation and settlement")
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class IndicatorApi {

    private final IndicatorTrees trees;

    IndicatorApi(IndicatorTrees trees) {
        this.trees = trees;
    }

    @GetMapping("/api/v1/indicator-trees")
    @Operation(summary = "合同的评价指标体系各版本（首次读取时以平台默认体系为第1版）；不指定合同时为平台默认体系（第0版）")
    List<IndicatorTree> list(CurrentUser user, @RequestParam(required = false) Long contractId) {
        return contractId == null ? List.of(trees.platformDefault()) : trees.history(user, contractId);
    }

    record Revision(Long contractId, String note, List<IndicatorLeaf> leaves) {
    }

    @PostMapping("/api/v1/indicator-trees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "修订合同的评价指标体系（新版本）：决策、过程、产出、效益各叶指标，权重合计100")
    IndicatorTree revise(CurrentUser user, @RequestBody Revision body) {
        if (body == null || body.contractId() == null) {
            throw ProblemException.badRequest("CONTRACT_REQUIRED", "请选择服务合同。");
        }
        return trees.revise(user, body.contractId(), body.leaves(), body.note());
    }
}
