package cn.anju.lease.web;

import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.Amendments;
import cn.anju.lease.Filings;
import cn.anju.lease.Handovers;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.LeaseStatus;
import cn.anju.lease.Leases;
import cn.anju.lease.Renewals;
import cn.anju.lease.ResidentDocuments;
import cn.anju.lease.TerminationKind;
import cn.anju.shared.Role;
import cn.anju.shared.web.Paged;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.anju.shared.web.PageActions.attempt;

/**
 * 租赁合同: the list (with the work lists: renewals due, filings, move-outs, lapsed eligibility) and one page per lease
 * with every action its state allows: sign, move-in checklist, renewal, amendment, filing, termination, move-out.
 */
@Controller
@RequestMapping("/leases")
@PreAuthorize("@leaseAccess.readers(authentication)")
class LeasePages {

    /** The fixtures every handover checks, in the order a clerk walks the flat. */
    static final List<String> FIXTURES = List.of("入户门及门锁", "窗户及纱窗", "水龙头及洁具", "灯具、开关及插座", "燃气灶及热水器", "厨房橱柜");

    private final Leases leases;
    private final LeaseQueries queries;
    private final Handovers handovers;
    private final Renewals renewals;
    private final Amendments amendments;
    private final Filings filings;
    private final ResidentDocuments documents;
    private final Clock clock;

    LeasePages(Leases leases, LeaseQueries queries, Handovers handovers, Renewals renewals, Amendments amendments,
               Filings filings, ResidentDocuments documents, Clock clock) {
        this.clock = clock;
        this.leases = leases;
        this.queries = queries;
        this.handovers = handovers;
        this.renewals = renewals;
        this.amendments = amendments;
        this.filings = filings;
        this.documents = documents;
    }

    /** The list's filters: a state, a work list and the page, of 20 rows. */
    record Filter(LeaseStatus status, LeaseQueries.View view, Integer page) implements Paged {
    }

    /** A lease drafted from a selection result or a direct allocation. */
    record DraftForm(Long selectionApplicantId, Long directAllocationId,
                     @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate, @NotNull Integer termMonths,
                     BigDecimal monthlyRent) {

        Leases.Draft draft() {
            return new Leases.Draft(selectionApplicantId, directAllocationId, startDate, termMonths, monthlyRent);
        }
    }

    /** Sign, terminate or submit for filing, from the list or from the lease's page ({@code back=detail}). */
    record ActionForm(String reason, TerminationKind kind, String back) {
    }

    /** The handover checklist: one {@code condition} (and {@code note}) per fixture in {@link #FIXTURES} order. */
    record MoveInForm(Integer keys, BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading,
                      @NotNull List<Handovers.Condition> condition, List<String> note, List<Long> photo,
                      Boolean householdInfoConfirmed) {

        Handovers.MoveIn moveIn() {
            return new Handovers.MoveIn(keys, waterReading, electricityReading, gasReading, fixtures(condition, note),
                    photo == null ? List.of() : photo, Boolean.TRUE.equals(householdInfoConfirmed));
        }
    }

    /** The move-out inspection: the handover checklist, damages and what the unit returns as. */
    record MoveOutForm(Integer keys, BigDecimal waterReading, BigDecimal electricityReading, BigDecimal gasReading,
                       @NotNull List<Handovers.Condition> condition, List<String> note, List<Long> photo,
                       String damages, BigDecimal damageAmount, UnitStatus unitReturnedAs) {

        Handovers.MoveOut moveOut() {
            return new Handovers.MoveOut(keys, waterReading, electricityReading, gasReading, fixtures(condition, note),
                    photo == null ? List.of() : photo, damages, damageAmount, unitReturnedAs);
        }
    }

    /** A renewal: the new term, and the reason when it is applied for late. */
    record RenewalForm(@NotNull Integer termMonths, BigDecimal monthlyRent, String lateReason) {

        Renewals.Application application() {
            return new Renewals.Application(termMonths, monthlyRent, lateReason);
        }
    }

    @GetMapping
    String list(CurrentUser user, @ModelAttribute Filter filter, Model model) {
        model.addAttribute("result", queries.list(user, filter.status(), filter.view(), filter.pageQuery()));
        model.addAttribute("statuses", LeaseStatus.values());
        model.addAttribute("views", LeaseQueries.View.values());
        model.addAttribute("status", filter.status());
        model.addAttribute("view", filter.view());
        model.addAttribute("acts", !user.has(Role.TENANT));
        return "lease/leases";
    }

    @GetMapping("/{id}")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        LeaseQueries.LeaseRow lease = queries.get(user, id);
        boolean acts = !user.has(Role.TENANT);
        model.addAttribute("lease", lease);
        model.addAttribute("acts", acts);
        model.addAttribute("government", user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("filingOverdue", lease.filedOn() == null && lease.filingDueOn() != null
                && lease.status() != LeaseStatus.TERMINATED && lease.filingDueOn().isBefore(LocalDate.now(clock)));
        model.addAttribute("events", queries.events(id));
        model.addAttribute("versions", amendments.versions(id));
        model.addAttribute("handovers", handovers.handovers(id));
        model.addAttribute("settlement", handovers.settlement(id).orElse(null));
        model.addAttribute("fixtures", FIXTURES);
        model.addAttribute("conditions", Handovers.Condition.values());
        model.addAttribute("terminationKinds", TerminationKind.values());
        model.addAttribute("amendmentKinds", Amendments.Kind.values());
        if (acts) {
            model.addAttribute("photos", documents.list(user, lease.householdId()));
            model.addAttribute("exchangeUnits", lease.status() == LeaseStatus.ACTIVE || lease.status() == LeaseStatus.SIGNED
                    ? queries.exchangeCandidates(user, id) : Map.of());
        }
        return "lease/lease";
    }

    @PostMapping
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String draft(CurrentUser user, @Valid @ModelAttribute DraftForm form, RedirectAttributes redirect) {
        return attempt(redirect, "/leases", "合同草稿已生成，请核对后签约。", () -> leases.draft(user, form.draft()));
    }

    @PostMapping("/{id}/{action:sign|terminate|filing}")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String act(CurrentUser user, @PathVariable long id, @PathVariable String action, @ModelAttribute ActionForm form,
               RedirectAttributes redirect) {
        String target = "detail".equals(form.back()) ? "/leases/" + id : "/leases";
        return attempt(redirect, target, "已办理。", () -> {
            switch (action) {
                case "sign" -> leases.sign(user, id);
                case "terminate" -> leases.terminate(user, id, form.kind(), form.reason());
                default -> filings.submit(user, id);
            }
        });
    }

    @PostMapping("/{id}/filing/confirmation")
    @PreAuthorize("@leaseAccess.government(authentication)")
    String confirmFiling(CurrentUser user, @PathVariable long id, @RequestParam String filingNumber, RedirectAttributes redirect) {
        return attempt(redirect, "/leases/" + id, "备案已确认。", () -> filings.confirm(user, id, filingNumber));
    }

    @PostMapping("/{id}/move-in")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String moveIn(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute MoveInForm form, RedirectAttributes redirect) {
        return attempt(redirect, "/leases/" + id, "入住手续已办理，合同生效。", () -> handovers.moveIn(user, id, form.moveIn()));
    }

    @PostMapping("/{id}/move-out")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String moveOut(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute MoveOutForm form, RedirectAttributes redirect) {
        return attempt(redirect, "/leases/" + id, "退房手续已办理，房源已收回，结算单见下。", () -> handovers.moveOut(user, id, form.moveOut()));
    }

    @PostMapping("/{id}/renewal")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String renew(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute RenewalForm form, RedirectAttributes redirect) {
        long[] created = new long[1];
        String back = attempt(redirect, "/leases/" + id, "续签合同草稿已生成，请核对后签约。",
                () -> created[0] = renewals.apply(user, id, form.application()));
        return created[0] == 0 ? back : "redirect:/leases/" + created[0];
    }

    @PostMapping("/{id}/amendments")
    @PreAuthorize("@leaseAccess.clerks(authentication)")
    String amend(CurrentUser user, @PathVariable long id, @ModelAttribute Amendments.Amendment amendment, RedirectAttributes redirect) {
        return attempt(redirect, "/leases/" + id, "合同已变更。", () -> amendments.amend(user, id, amendment));
    }

    /** The fixtures list as ticked: one condition (and optional note) per standard item, in {@link #FIXTURES} order. */
    private static List<Handovers.Fixture> fixtures(List<Handovers.Condition> conditions, List<String> notes) {
        List<Handovers.Fixture> list = new ArrayList<>();
        for (int i = 0; i < FIXTURES.size() && i < conditions.size(); i++) {
            list.add(new Handovers.Fixture(FIXTURES.get(i), conditions.get(i), notes != null && i < notes.size() ? notes.get(i) : ""));
        }
        return list;
    }
}
