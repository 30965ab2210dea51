package cn.anju.evaluation.web;

import cn.anju.evaluation.Settlement;
import cn.anju.evaluation.Settlements;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 结算: what the operator is paid for a period and why. {@code lines[]} are signed addends (fees positive; the score's
 * reduction, deductions and the holdback negative; no subtotals) whose {@code amount}s add up to {@code total}.
 */
@RestController
@Tag(name = "绩效评价与结算 Evaluation and settlement")
@PreAuthorize("@evaluationAccess.settlements(authentication)")
class SettlementApi {

    private final Settlements settlements;

    SettlementApi(Settlements settlements) {
        this.settlements = settlements;
    }

    record Line(String kind, String label, String basis, BigDecimal amount, long amountFen) {
    }

    record View(long id, long evaluationId, long contractId, String districtCode, String period, String status, String statusLabel,
                BigDecimal total, long totalFen, BigDecimal payableRatio, List<Line> lines, String voucherNo, LocalDate paidOn, int version) {
    }

    static View view(Settlement s) {
        return new View(s.id(), s.evaluationId(), s.contractId(), s.districtCode(), s.period(), s.status().name(), s.status().label(),
                BigDecimal.valueOf(s.totalFen(), 2), s.totalFen(), s.payableRatio(),
                s.lines().stream().map(l -> new Line(l.kind().name(), l.label(), l.basis(), BigDecimal.valueOf(l.amountFen(), 2), l.amountFen()))
                        .toList(), s.voucherNo(), s.paidOn(), s.version());
    }

    @GetMapping("/api/v1/settlements")
    @Operation(summary = "结算单列表（本人数据范围内的合同）：status、total、lines[].amount")
    List<View> list(CurrentUser user) {
        return settlements.list(user).stream().map(SettlementApi::view).toList();
    }

    @GetMapping("/api/v1/settlements/{id}")
    @Operation(summary = "一份结算单及其各行（带符号的加数，合计为 total）")
    View show(CurrentUser user, @PathVariable long id) {
        return view(settlements.visible(user, id));
    }

    record DraftForm(Long evaluationId) {
    }

    @PostMapping("/api/v1/settlements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "按定稿的绩效评价生成结算单草稿（区县住房保障部门）")
    View draft(CurrentUser user, @RequestBody DraftForm body) {
        if (body == null || body.evaluationId() == null) {
            throw ProblemException.badRequest("EVALUATION_REQUIRED", "请选择已定稿的绩效评价。");
        }
        return view(settlements.visible(user, settlements.draft(user, body.evaluationId())));
    }

    record DeductionForm(String item, Long amountFen) {
    }

    @PostMapping(path = "/api/v1/evaluations/{id}/deductions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记本期固定扣款（合同约定事项、金额（分）、证据文件），须在生成结算单之前")
    Map<String, Object> deduct(CurrentUser user, @PathVariable long id, @ModelAttribute DeductionForm form,
                               @RequestParam(required = false) MultipartFile file) {
        return Map.of("id", settlements.deduct(user, id, form.item(), form.amountFen(), EvaluationApi.upload(file)));
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/settlements/{id}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "作废结算单草稿")
    void discard(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        settlements.discard(user, id, seen == null ? null : seen.version());
    }

    @PostMapping("/api/v1/settlements/{id}/approval")
    @Operation(summary = "审批结算单（四眼原则：本区县未经办的分管领导）；记入合同结算台账")
    View approve(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen seen) {
        settlements.approve(user, id, seen == null ? null : seen.version());
        return view(settlements.visible(user, id));
    }

    record PaymentForm(String voucherNo, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn, Integer version) {
    }

    @PostMapping("/api/v1/settlements/{id}/payment")
    @Operation(summary = "登记支付（本区县财政局）：支付凭证号与支付日期；记入合同支付台账")
    View pay(CurrentUser user, @PathVariable long id, @RequestBody PaymentForm body) {
        if (body == null) {
            throw ProblemException.badRequest("PAYMENT_INCOMPLETE", "请填写支付凭证号和支付日期。");
        }
        settlements.pay(user, id, body.voucherNo(), body.paidOn(), body.version());
        return view(settlements.visible(user, id));
    }
}
