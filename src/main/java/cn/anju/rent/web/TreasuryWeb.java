package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.GatewayExceptions;
import cn.anju.rent.Reconciliation;
import cn.anju.rent.Treasury;
import cn.anju.shared.Role;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** 上缴与对账: remittance batches, the money held, the monthly reconciliation (page, API, Excel). */
class TreasuryWeb {

    private TreasuryWeb() {
    }

    @RestController
    @Tag(name = "上缴国库 Treasury")
    static class Api {

        private final Treasury treasury;
        private final Reconciliation reconciliation;
        private final GatewayExceptions exceptions;
        private final Clock clock;

        Api(Treasury treasury, Reconciliation reconciliation, GatewayExceptions exceptions, Clock clock) {
            this.exceptions = exceptions;
            this.clock = clock;
            this.treasury = treasury;
            this.reconciliation = reconciliation;
        }

        @GetMapping("/api/v1/remittances")
        @Operation(summary = "上缴批次（按数据范围；承接主体只见本单位的）")
        List<Treasury.Batch> batches(CurrentUser user) {
            return treasury.batches(user);
        }

        @PostMapping("/api/v1/remittances")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "提交上缴批次：区县截止某日未上缴的全部租金收款（含冲正）")
        Map<String, Long> submit(CurrentUser user, @RequestBody Treasury.NewBatch batch) {
            return Map.of("id", treasury.submit(user, batch));
        }

        @PostMapping("/api/v1/remittances/{id}/confirmation")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "财政确认上缴：国库缴款书号和入库日期")
        void confirm(CurrentUser user, @PathVariable long id, @RequestBody Treasury.Confirmation confirmation) {
            treasury.confirm(user, id, confirmation);
        }

        @GetMapping("/api/v1/treasury/held")
        @Operation(summary = "已收未缴：按区县的收取、已上缴、在途金额及账龄、逾期未缴")
        List<Treasury.Held> held(CurrentUser user) {
            return treasury.held(user);
        }

        @GetMapping("/api/v1/reconciliation")
        @Operation(summary = "月度对账单（按项目）：应收、实收、欠费；收款、上缴、在途；预存、押金；两个恒等式逐行核对")
        List<Reconciliation.Row> statement(CurrentUser user, @ParameterObject @ModelAttribute DistrictMonth filter) {
            return reconciliation.statement(user, filter.districtCode(), filter.period(clock));
        }

        record RefundRequest(String note) {
        }

        record RefundRecord(String reference) {
        }

        @GetMapping("/api/v1/gateway-exceptions")
        @Operation(summary = "重复支付（同一订单第二笔网关交易）：未入账，待退款；按数据范围")
        List<GatewayExceptions.GatewayException> exceptions(CurrentUser user) {
            return exceptions.list(user);
        }

        @PostMapping("/api/v1/gateway-exceptions/{id}/refund-request")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "申请退款（承接主体负责人）")
        void requestRefund(CurrentUser user, @PathVariable long id, @RequestBody(required = false) RefundRequest body) {
            exceptions.requestRefund(user, id, body == null ? null : body.note());
        }

        @PostMapping("/api/v1/gateway-exceptions/{id}/refund-approval")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "批准退款（区县财政）")
        void approveRefund(CurrentUser user, @PathVariable long id) {
            exceptions.approveRefund(user, id);
        }

        @PostMapping("/api/v1/gateway-exceptions/{id}/refund")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "登记已退款：支付平台或银行的退款流水号（承接主体负责人）")
        void recordRefund(CurrentUser user, @PathVariable long id, @RequestBody(required = false) RefundRecord body) {
            exceptions.recordRefund(user, id, body == null ? null : body.reference());
        }
    }

    @Controller
    @PreAuthorize("@rentAccess.overseers(authentication)")
    static class Pages {

        private final Treasury treasury;
        private final Reconciliation reconciliation;
        private final GatewayExceptions exceptions;
        private final Clock clock;

        Pages(Treasury treasury, Reconciliation reconciliation, GatewayExceptions exceptions, Clock clock) {
            this.exceptions = exceptions;
            this.clock = clock;
            this.treasury = treasury;
            this.reconciliation = reconciliation;
        }

        /** The treasury's receipt for a remittance batch: its number and the day the money arrived. */
        record ConfirmationForm(String treasuryReceiptNo, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate treasuryDate) {

            Treasury.Confirmation confirmation() {
                return new Treasury.Confirmation(treasuryReceiptNo, treasuryDate);
            }
        }

        /** One step of a duplicate payment's refund: the request's note, or the refund's reference. */
        record RefundForm(String note, String reference) {
        }

        @GetMapping("/rent/treasury")
        String page(CurrentUser user, @ModelAttribute DistrictMonth filter, Model model) {
            List<Treasury.Held> held = treasury.held(user);
            YearMonth month = filter.period(clock);
            String district = filter.districtCode() != null ? filter.districtCode() : held.isEmpty() ? null : held.getFirst().districtCode();
            model.addAttribute("held", held);
            model.addAttribute("batches", treasury.batches(user));
            model.addAttribute("district", district);
            model.addAttribute("month", month.toString());
            model.addAttribute("rows", district == null ? List.of() : reconciliation.statement(user, district, month));
            model.addAttribute("operator", user.has(Role.OPERATOR_MANAGER));
            model.addAttribute("finance", user.has(Role.FINANCE));
            model.addAttribute("today", LocalDate.now(clock));
            model.addAttribute("exceptions", exceptions.list(user));
            return "rent/treasury";
        }

        @GetMapping("/rent/treasury/reconciliation.xlsx")
        ResponseEntity<byte[]> export(CurrentUser user, @RequestParam String districtCode, @ModelAttribute DistrictMonth filter) {
            YearMonth month = filter.period(clock);
            List<Reconciliation.Row> rows = reconciliation.statement(user, districtCode, month);
            // amounts as numbers, so the bureau's accountants can sum and check them in the sheet
            List<List<Object>> cells = rows.stream().map(r -> List.<Object>of(r.projectName(), r.billed(), r.collected(),
                    r.arrears(), r.received(), r.remitted(), r.held(), r.credit(), r.deposits(), r.toRefund(),
                    r.billsBalance() && r.cashBalances() ? "平衡" : "不平衡")).toList();
            byte[] xlsx = Sheets.write("月度对账单", List.of("项目", "应收租金", "实收（冲抵账单）", "欠费", "本月收款", "已上缴国库", "在途未缴",
                    "预存余额", "押金余额", "重复支付待退款", "核对"), cells);
            return Downloads.xlsx(xlsx, "对账单-" + districtCode + "-" + month + ".xlsx");
        }

        @PostMapping("/rent/treasury/batches")
        @PreAuthorize("@rentAccess.manager(authentication)")
        String submit(CurrentUser user, @RequestParam String districtCode,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate upTo, RedirectAttributes redirect) {
            return PageActions.attempt(redirect, "/rent/treasury?districtCode=" + districtCode, "上缴批次已提交，待财政确认。",
                    () -> treasury.submit(user, new Treasury.NewBatch(districtCode, upTo)));
        }

        @PostMapping("/rent/treasury/batches/{id}/confirmation")
        @PreAuthorize("@rentAccess.finance(authentication)")
        String confirm(CurrentUser user, @PathVariable long id, @ModelAttribute ConfirmationForm form, RedirectAttributes redirect) {
            return PageActions.attempt(redirect, "/rent/treasury", "已确认入库。", () -> treasury.confirm(user, id, form.confirmation()));
        }

        /** The refund of a duplicate online payment, one step per button: request, approve, record. */
        @PostMapping("/rent/treasury/exceptions/{id}/{step}")
        String refundStep(CurrentUser user, @PathVariable long id, @PathVariable String step, @ModelAttribute RefundForm form,
                          RedirectAttributes redirect) {
            return switch (step) {
                case "request" -> PageActions.attempt(redirect, "/rent/treasury", "已申请退款，待财政批准。",
                        () -> exceptions.requestRefund(user, id, form.note()));
                case "approve" -> PageActions.attempt(redirect, "/rent/treasury", "已批准退款。", () -> exceptions.approveRefund(user, id));
                case "refund" -> PageActions.attempt(redirect, "/rent/treasury", "已登记退款。",
                        () -> exceptions.recordRefund(user, id, form.reference()));
                default -> throw ProblemException.notFound("REFUND_STEP_UNKNOWN", "没有该退款操作。");
            };
        }
    }
}
