package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.Reconciliation;
import cn.anju.rent.Treasury;
import cn.anju.shared.Role;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.PageActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** 上缴与对账: remittance batches, the money held, the monthly reconciliation (page, API, Excel). */
class TreasuryWeb {

    private TreasuryWeb() {
    }

    static YearMonth month(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now() : YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw cn.anju.shared.web.ProblemException.badRequest("PERIOD_INVALID", "请按 yyyy-MM 填写月份，例如 2026-11。");
        }
    }

    @RestController
    @Tag(name = "上缴国库 Treasury")
    static class Api {

        private final Treasury treasury;
        private final Reconciliation reconciliation;

        Api(Treasury treasury, Reconciliation reconciliation) {
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
        List<Reconciliation.Row> statement(CurrentUser user, @RequestParam(required = false) String districtCode,
                                           @RequestParam(required = false) String month) {
            return reconciliation.statement(user, districtCode, month(month));
        }
    }

    @Controller
    @PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','FINANCE','OPERATOR_MANAGER')")
    static class Pages {

        private final Treasury treasury;
        private final Reconciliation reconciliation;

        Pages(Treasury treasury, Reconciliation reconciliation) {
            this.treasury = treasury;
            this.reconciliation = reconciliation;
        }

        @GetMapping("/rent/treasury")
        String page(CurrentUser user, @RequestParam(required = false) String districtCode, @RequestParam(required = false) String month,
                    Model model) {
            List<Treasury.Held> held = treasury.held(user);
            String district = districtCode != null ? districtCode : held.isEmpty() ? null : held.getFirst().districtCode();
            model.addAttribute("held", held);
            model.addAttribute("batches", treasury.batches(user));
            model.addAttribute("district", district);
            model.addAttribute("month", month(month).toString());
            model.addAttribute("rows", district == null ? List.of() : reconciliation.statement(user, district, month(month)));
            model.addAttribute("operator", user.has(Role.OPERATOR_MANAGER));
            model.addAttribute("finance", user.has(Role.FINANCE));
            model.addAttribute("today", LocalDate.now());
            return "rent/treasury";
        }

        @GetMapping("/rent/treasury/reconciliation.xlsx")
        ResponseEntity<byte[]> export(CurrentUser user, @RequestParam String districtCode, @RequestParam(required = false) String month) {
            List<Reconciliation.Row> rows = reconciliation.statement(user, districtCode, month(month));
            List<List<String>> cells = rows.stream().map(r -> List.of(r.projectName(), r.billed().toPlainString(), r.collected().toPlainString(),
                    r.arrears().toPlainString(), r.received().toPlainString(), r.remitted().toPlainString(), r.held().toPlainString(),
                    r.credit().toPlainString(), r.deposits().toPlainString(), r.billsBalance() && r.cashBalances() ? "平衡" : "不平衡")).toList();
            byte[] xlsx = Sheets.write("月度对账单", List.of("项目", "应收租金", "实收（冲抵账单）", "欠费", "本月收款", "已上缴国库", "在途未缴",
                    "预存余额", "押金余额", "核对"), cells);
            return Downloads.xlsx(xlsx, "对账单-" + districtCode + "-" + month(month) + ".xlsx");
        }

        @PostMapping("/rent/treasury/batches")
        @PreAuthorize("hasRole('OPERATOR_MANAGER')")
        String submit(CurrentUser user, @RequestParam String districtCode,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate upTo, RedirectAttributes redirect) {
            return PageActions.attempt(redirect, "/rent/treasury?districtCode=" + districtCode, "上缴批次已提交，待财政确认。",
                    () -> treasury.submit(user, new Treasury.NewBatch(districtCode, upTo)));
        }

        @PostMapping("/rent/treasury/batches/{id}/confirmation")
        @PreAuthorize("hasRole('FINANCE')")
        String confirm(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String treasuryReceiptNo,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate treasuryDate,
                       RedirectAttributes redirect) {
            return PageActions.attempt(redirect, "/rent/treasury", "已确认入库。",
                    () -> treasury.confirm(user, id, new Treasury.Confirmation(treasuryReceiptNo, treasuryDate)));
        }
    }
}
