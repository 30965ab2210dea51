package cn.anju.rent.web;

import cn.anju.housing.HousingQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.lease.LeaseQueries;
import cn.anju.rent.BankStatements;
import cn.anju.rent.BillAccount;
import cn.anju.rent.BillRuns;
import cn.anju.rent.CashierReports;
import cn.anju.rent.OtherCharges;
import cn.anju.rent.Payments;
import cn.anju.rent.RentAccess;
import cn.anju.rent.RentQueries;
import cn.anju.rent.RentStandards;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.Paged;
import cn.anju.shared.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** 收费台 (the counter), 账单 (bills and bill runs), 租金标准 (standards). */
@Controller
@PreAuthorize("@rentAccess.staff(authentication)")
class RentPages {

    private final LeaseQueries leases;
    private final RentQueries queries;
    private final Payments payments;
    private final BillRuns runs;
    private final RentStandards standards;
    private final HousingQueries housing;
    private final CashierReports reports;
    private final BankStatements bank;
    private final OtherCharges otherCharges;
    private final Clock clock;

    /** A lease picked at the counter or for a bank line: by its number, or by id from a link. */
    record LeaseChoice(String leaseNumber, Long leaseId) {
    }

    /** A payment at the counter; a fresh idempotency key per form makes a second press record nothing more. */
    record PaymentForm(@NotNull String idempotencyKey, Payments.Channel channel, BigDecimal amount, String reference,
                       BillAccount account) {

        PaymentForm {
            account = account == null ? BillAccount.RENT : account;
        }

        Payments.NewPayment payment(long leaseId) {
            return new Payments.NewPayment(leaseId, channel, amount, reference, account);
        }
    }

    /** A charge besides rent (parking, management fee) and the day it starts. */
    record ChargeForm(OtherCharges.Type type, OtherCharges.Basis basis, BigDecimal amount,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom, String note) {

        OtherCharges.NewCharge charge() {
            return new OtherCharges.NewCharge(type, basis, amount, effectiveFrom, note);
        }
    }

    /** The last day a charge is billed. */
    record ChargeEnd(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay) {
    }

    /** A bank's statement file. */
    record StatementUpload(MultipartFile file) {
    }

    /** The reversal of a payment, back to its lease's counter page. */
    record ReversalForm(@NotNull Long leaseId, String reason) {
    }

    /** The bills list: overdue ones only or all, and the page, of 20 rows. */
    record BillFilter(Boolean overdue, Integer page) implements Paged {

        BillFilter {
            overdue = Boolean.TRUE.equals(overdue);
        }
    }

    /** A rent standard for a project, from the day it applies. */
    record StandardForm(Long projectId, RentStandards.Kind kind, BigDecimal yuanPerSqm,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom, String reason) {

        RentStandards.NewStandard standard() {
            return new RentStandards.NewStandard(projectId, kind, yuanPerSqm, effectiveFrom, reason);
        }
    }

    RentPages(LeaseQueries leases, RentQueries queries, Payments payments, BillRuns runs, RentStandards standards,
              HousingQueries housing, CashierReports reports, BankStatements bank,
              OtherCharges otherCharges, Clock clock) {
        this.clock = clock;
        this.otherCharges = otherCharges;
        this.bank = bank;
        this.reports = reports;
        this.leases = leases;
        this.queries = queries;
        this.payments = payments;
        this.runs = runs;
        this.standards = standards;
        this.housing = housing;
    }

    @GetMapping("/rent/counter")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String counter(CurrentUser user, @ModelAttribute LeaseChoice choice, Model model) {
        String leaseNumber = choice.leaseNumber();
        Long leaseId = choice.leaseId();
        var lease = leaseId != null ? Optional.of(leases.get(user, leaseId)) : leases.byNumber(user, leaseNumber);
        model.addAttribute("leaseNumber", leaseNumber);
        model.addAttribute("notFound", leaseNumber != null && !leaseNumber.isBlank() && lease.isEmpty());
        lease.ifPresent(l -> {
            model.addAttribute("account", queries.account(user, l.id()));
            model.addAttribute("otherCharges", otherCharges.list(user, l.id()));
        });
        model.addAttribute("chargeTypes", OtherCharges.Type.values());
        model.addAttribute("chargeBases", OtherCharges.Basis.values());
        // a fresh key per form: pressing "收款" twice (or the browser resubmitting) records one payment
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("channels", new Payments.Channel[]{Payments.Channel.CASH, Payments.Channel.POS, Payments.Channel.BANK_TRANSFER});
        boolean cashier = RentAccess.isCashier(user);
        model.addAttribute("cashier", cashier);
        model.addAttribute("closing", reports.closing(user, LocalDate.now(clock)));
        model.addAttribute("bankLines", cashier ? bank.queue(user) : List.of());
        model.addAttribute("manager", user.has(Role.OPERATOR_MANAGER));
        return "rent/counter";
    }

    @PostMapping("/rent/counter/{leaseId}/payments")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String pay(CurrentUser user, @PathVariable long leaseId, @Valid @ModelAttribute PaymentForm form, RedirectAttributes redirect) {
        String target = "/rent/counter?leaseId=" + leaseId;
        return PageActions.attempt(redirect, target, () -> {
            Payments.Result r = payments.post(user, form.idempotencyKey(), form.payment(leaseId));
            // flash attributes live in the JDBC session: plain values only
            redirect.addFlashAttribute("paidPaymentId", r.paymentId());
            redirect.addFlashAttribute("paidReceipt", r.receiptNumber());
            return (r.replayed() ? "该笔收款已入账（重复提交未重复收款）：" : "已收款：") + "收据 " + r.receiptNumber();
        });
    }

    @PostMapping("/rent/counter/{leaseId}/other-charges")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String setCharge(CurrentUser user, @PathVariable long leaseId, @ModelAttribute ChargeForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/counter?leaseId=" + leaseId, "收费项目已设置，下次出账起按新标准计费。",
                () -> otherCharges.set(user, leaseId, form.charge()));
    }

    @PostMapping("/rent/counter/{leaseId}/other-charges/{chargeId}/end")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String endCharge(CurrentUser user, @PathVariable long leaseId, @PathVariable long chargeId, @ModelAttribute ChargeEnd end,
                     RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/counter?leaseId=" + leaseId, "已停收。",
                () -> otherCharges.end(user, leaseId, chargeId, end.lastDay()));
    }

    @PostMapping("/rent/bank-statements")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String importStatement(CurrentUser user, @ModelAttribute StatementUpload upload, RedirectAttributes redirect) throws IOException {
        MultipartFile file = upload.file();
        byte[] content = file == null ? null : file.getBytes();
        return PageActions.attempt(redirect, "/rent/counter", () -> {
            BankStatements.Result r = bank.importFile(user, file == null ? "" : file.getOriginalFilename(), content);
            return "流水导入完成：共 " + r.lines() + " 笔，自动入账 " + r.matched() + " 笔，待匹配 " + r.unmatched() + " 笔，重复跳过 "
                    + r.duplicates() + " 笔。";
        });
    }

    @PostMapping("/rent/bank-lines/{id}/match")
    @PreAuthorize("@rentAccess.operator(authentication)")
    String matchLine(CurrentUser user, @PathVariable long id, @ModelAttribute LeaseChoice choice, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/counter", "已匹配并入账。", () -> bank.match(user, id,
                leases.byNumber(user, choice.leaseNumber()).map(LeaseQueries.LeaseRow::id).orElseThrow(() ->
                        ProblemException.badRequest("LEASE_NUMBER_UNKNOWN", "没有该合同编号，或不在您的服务范围内。"))));
    }

    @PostMapping("/rent/payments/{id}/reversal")
    @PreAuthorize("@rentAccess.manager(authentication)")
    String reverse(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute ReversalForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/counter?leaseId=" + form.leaseId(), "已冲正。",
                () -> payments.reverse(user, id, form.reason()));
    }

    @GetMapping("/rent/bills")
    String bills(CurrentUser user, @ModelAttribute BillFilter filter, Model model) {
        model.addAttribute("result", queries.bills(user, null, filter.overdue(), filter.pageQuery()));
        model.addAttribute("overdue", filter.overdue());
        model.addAttribute("counterLinks", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        model.addAttribute("rate", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER)
                ? reports.collectionRate(user, null, YearMonth.now(clock)) : null);
        boolean runner = user.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER);
        model.addAttribute("runner", runner);
        model.addAttribute("runs", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER)
                ? queries.runs(user) : List.of());
        model.addAttribute("thisMonth", YearMonth.now(clock).toString());
        return "rent/bills";
    }

    @PostMapping("/rent/bill-runs")
    @PreAuthorize("@rentAccess.billRunners(authentication)")
    String run(CurrentUser user, @RequestParam String period, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/bills", () -> {
            BillRuns.Result r = runs.run(BillRuns.Trigger.MANUAL, user.id(), YearMonth.parse(period));
            return "出账完成：新增账单 " + r.bills() + " 张，金额 ¥" + r.total().toPlainString()
                    + (r.withoutStandard() > 0 ? "；另有 " + r.withoutStandard() + " 份合同所在项目尚无租金标准，未出账" : "") + "。";
        });
    }

    @GetMapping("/rent/standards")
    @PreAuthorize("@rentAccess.overseers(authentication)")
    String standards(CurrentUser user, Model model) {
        var projects = housing.projects(user);
        model.addAttribute("standards", standards.list(user));
        model.addAttribute("projects", projects);
        model.addAttribute("projectNames", projects.stream().collect(Collectors.toMap(p -> p.id(), p -> p.name())));
        model.addAttribute("officer", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                && user.organisationType() == OrganisationType.DISTRICT_HOUSING);
        return "rent/standards";
    }

    @PostMapping("/rent/standards")
    @PreAuthorize("@rentAccess.government(authentication)")
    String approve(CurrentUser user, @ModelAttribute StandardForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/rent/standards", "租金标准已核定。", () -> standards.approve(user, form.standard()));
    }
}
