package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.BankStatements;
import cn.anju.rent.BillRuns;
import cn.anju.rent.CashierReports;
import cn.anju.rent.Deposits;
import cn.anju.rent.DunningLetter;
import cn.anju.rent.Payments;
import cn.anju.rent.Receipts;
import cn.anju.rent.RentLedger;
import cn.anju.rent.RentQueries;
import cn.anju.rent.RentStandards;
import cn.anju.shared.web.PageResponse;
import cn.anju.shared.web.Paged;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "租金 Rent")
class RentApi {

    private final RentStandards standards;
    private final BillRuns runs;
    private final RentQueries queries;
    private final Payments payments;
    private final Deposits deposits;
    private final Receipts receipts;
    private final CashierReports reports;
    private final BankStatements bankStatements;
    private final DunningLetter dunningLetter;
    private final Clock clock;

    RentApi(RentStandards standards, BillRuns runs, RentQueries queries, Payments payments, Deposits deposits, Receipts receipts,
            CashierReports reports, BankStatements bankStatements, DunningLetter dunningLetter, Clock clock) {
        this.clock = clock;
        this.dunningLetter = dunningLetter;
        this.bankStatements = bankStatements;
        this.reports = reports;
        this.standards = standards;
        this.runs = runs;
        this.queries = queries;
        this.payments = payments;
        this.deposits = deposits;
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/rent-standards")
    @Operation(summary = "租金标准（按项目、类型、生效日期）")
    List<RentStandards.Standard> standards(CurrentUser user) {
        return standards.list(user);
    }

    @PostMapping("/api/v1/rent-standards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "核定租金标准（项目所在区县住房保障部门；新标准自生效日起适用，旧标准不改）")
    Map<String, Long> approve(CurrentUser user, @RequestBody RentStandards.NewStandard standard) {
        return Map.of("id", standards.approve(user, standard));
    }

    record RunRequest(String period) {
    }

    @PostMapping("/api/v1/bill-runs")
    @Operation(summary = "手动出账：与每日定时出账同一入口；每份合同、费用类型和账期只出一张账单")
    BillRuns.Result run(CurrentUser user, @RequestBody RunRequest request) {
        YearMonth period;
        try {
            period = YearMonth.parse(request.period());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("PERIOD_INVALID", "请按 yyyy-MM 填写账期月份，例如 2026-12。");
        }
        return runs.run(BillRuns.Trigger.MANUAL, user.id(), period);
    }

    @GetMapping("/api/v1/bill-runs")
    @Operation(summary = "出账记录（每次出账一条：账期、张数、金额、摘要）")
    List<RentQueries.RunRow> runs(CurrentUser user) {
        return queries.runs(user);
    }

    /** The bills of one lease or all in scope, overdue ones only or all, and the page. */
    record BillFilter(Long leaseId, @Schema(defaultValue = "false") Boolean overdue, Integer page, Integer size) implements Paged {

        BillFilter {
            overdue = Boolean.TRUE.equals(overdue);
        }
    }

    @GetMapping("/api/v1/bills")
    @Operation(summary = "账单（按数据范围；可按合同、逾期筛选），含已收与未收金额")
    PageResponse<RentLedger.BillRow> bills(CurrentUser user, @ParameterObject @ModelAttribute BillFilter filter) {
        return queries.bills(user, filter.leaseId(), filter.overdue(), filter.pageQuery());
    }

    @GetMapping("/api/v1/rent-accounts/{leaseId}")
    @Operation(summary = "合同租金账户：欠费、未缴、预存余额、押金、账单与收款")
    RentQueries.Account account(CurrentUser user, @PathVariable long leaseId) {
        return queries.account(user, leaseId);
    }

    record DepositRequest(BigDecimal amount) {
    }

    @PostMapping("/api/v1/rent-accounts/{leaseId}/deposit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "收取押金（押金单独记账，不计入租金）")
    void deposit(CurrentUser user, @PathVariable long leaseId, @RequestBody DepositRequest request) {
        deposits.receive(user, leaseId, request.amount());
    }

    @PostMapping("/api/v1/payments")
    @Operation(summary = "收款（须带请求头 Idempotency-Key；同键重试返回首次结果，不重复入账）；按账单先到期先冲抵，多余转预存")
    ResponseEntity<Payments.Result> pay(CurrentUser user, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @RequestBody Payments.NewPayment payment) {
        Payments.Result result = payments.post(user, key, payment);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    record ReversalRequest(String reason) {
    }

    @PostMapping("/api/v1/payments/{id}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "冲正收款（承接主体负责人，须填原因；生成反向收款，不修改原记录）")
    Payments.Result reverse(CurrentUser user, @PathVariable long id, @RequestBody ReversalRequest request) {
        return payments.reverse(user, id, request.reason());
    }

    @PostMapping(path = "/api/v1/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入银行流水（CSV 或 Excel：交易日期,金额,付款人,摘要,银行流水号）；摘要含合同编号且金额相符的自动入账，其余待人工匹配；重复导入的流水自动跳过")
    BankStatements.Result importStatement(CurrentUser user,
                                                       @RequestParam MultipartFile file) throws IOException {
        return bankStatements.importFile(user, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/api/v1/bank-lines")
    @Operation(summary = "待匹配的银行流水（本单位导入的）")
    List<BankStatements.Line> bankLines(CurrentUser user) {
        return bankStatements.queue(user);
    }

    record MatchRequest(Long leaseId) {
    }

    @PostMapping("/api/v1/bank-lines/{id}/match")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "人工匹配一笔银行流水到合同，记为银行转账收款")
    Map<String, Long> match(CurrentUser user, @PathVariable long id, @RequestBody MatchRequest request) {
        return Map.of("paymentId", bankStatements.match(user, id, request.leaseId()));
    }

    @GetMapping("/api/v1/rent-accounts/{leaseId}/dunning-letter")
    @Operation(summary = "催缴通知书（PDF，中文）")
    ResponseEntity<byte[]> dunningLetter(CurrentUser user, @PathVariable long leaseId) {
        DunningLetter.Printed printed = dunningLetter.print(user, leaseId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("催缴通知书-" + printed.leaseNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(printed.pdf());
    }

    /** The day a cashier closes; today when none is given. */
    record ClosingDay(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    }

    @GetMapping("/api/v1/cashier-closing")
    @Operation(summary = "收银日结：按收银员、收款方式汇总当日收款与冲正（收银员看本人，负责人看全部）")
    List<CashierReports.ClosingLine> closing(CurrentUser user, @ParameterObject @ModelAttribute ClosingDay day) {
        return reports.closing(user, day.date() == null ? LocalDate.now(clock) : day.date());
    }

    @GetMapping("/api/v1/collection-rate")
    @Operation(summary = "收缴率：当月账单已收 ÷ 应收，附未收账单明细")
    CashierReports.Rate collectionRate(CurrentUser user, @ParameterObject @ModelAttribute DistrictMonth filter) {
        return reports.collectionRate(user, filter.districtCode(), filter.period(clock));
    }

    @GetMapping("/api/v1/payments/{id}/receipt")
    @Operation(summary = "收款收据（PDF，中文，含财政电子票据号）")
    ResponseEntity<byte[]> receipt(CurrentUser user, @PathVariable long id) {
        Receipts.Printed printed = receipts.print(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("收据-" + printed.receiptNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(printed.pdf());
    }
}
