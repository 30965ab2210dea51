package cn.anju.allocation.web;

import cn.anju.allocation.RoundQueries;
import cn.anju.allocation.SelectionChoices;
import cn.anju.allocation.SelectionRounds;
import cn.anju.housing.HousingQueries;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** 选房轮次 pages for officers and clerks, and the public result page (masked). */
@Controller
class SelectionRoundPages {

    private final SelectionRounds rounds;
    private final SelectionChoices choices;
    private final RoundQueries queries;
    private final HousingQueries housing;

    SelectionRoundPages(SelectionRounds rounds, SelectionChoices choices, RoundQueries queries, HousingQueries housing) {
        this.rounds = rounds;
        this.choices = choices;
        this.queries = queries;
        this.housing = housing;
    }

    @GetMapping("/selection-rounds")
    @PreAuthorize("@allocationAccess.clerks(authentication)")
    String list(CurrentUser user, Model model) {
        model.addAttribute("rounds", queries.list(user));
        model.addAttribute("runs", runs(user));
        model.addAttribute("projects", housing.projects(user));
        return "allocation/rounds";
    }

    @PostMapping("/selection-rounds")
    @PreAuthorize("@allocationAccess.government(authentication)")
    String create(CurrentUser user, @RequestParam String name, @RequestParam long projectId,
                  @RequestParam(defaultValue = "LOTTERY") SelectionRounds.Method method, RedirectAttributes redirect) {
        try {
            long id = rounds.create(user, new SelectionRounds.NewRound(name, projectId, List.of(), method, null));
            redirect.addFlashAttribute("notice", "轮次已创建：请核对后公布名单。");
            return "redirect:/selection-rounds/" + id;
        } catch (ProblemException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/selection-rounds";
        }
    }

    @GetMapping("/selection-rounds/{id}")
    @PreAuthorize("@allocationAccess.clerks(authentication)")
    String detail(CurrentUser user, @PathVariable long id, Model model) {
        RoundQueries.RoundRow round = queries.round(user, id);
        List<RoundQueries.Place> places = queries.places(user, id);
        model.addAttribute("round", round);
        model.addAttribute("places", places);
        model.addAttribute("pointsRules", queries.pointsRules(id));
        model.addAttribute("runs", runs(user));
        model.addAttribute("next", places.stream().filter(p -> p.position() != null && p.outcome() == null).findFirst().orElse(null));
        model.addAttribute("freeUnits", round.status().equals("DRAWN") ? queries.freeUnits(id) : List.of());
        model.addAttribute("matches", round.seed() != null && queries.matches(id));
        return "allocation/round";
    }

    /** A round's step: the public random value, or an applicant's choice (the unit, or declining). */
    record StepForm(String publicValue, Long applicantId, SelectionChoices.Outcome outcome, Long unitId) {
    }

    @PostMapping("/selection-rounds/{id}/{step}")
    @PreAuthorize("@allocationAccess.clerks(authentication)")
    String step(CurrentUser user, @PathVariable long id, @PathVariable String step, @ModelAttribute StepForm form,
                RedirectAttributes redirect) {
        Consumer<CurrentUser> action = switch (step) {
            case "publish" -> u -> rounds.publish(u, id);
            case "public-value" -> u -> rounds.recordPublicValue(u, id, form.publicValue());
            case "draw" -> u -> rounds.draw(u, id);
            case "choices" -> u -> choices.record(u, id, form.applicantId() == null ? -1 : form.applicantId(), form.outcome(), form.unitId());
            default -> throw ProblemException.notFound("STEP_UNKNOWN", "未知操作。");
        };
        return PageActions.attempt(redirect, "/selection-rounds/" + id, "已办理。", () -> action.accept(user));
    }

    /** 结果公示: anyone may read a drawn round's published data, order and results, masked. */
    @GetMapping("/public/selection-rounds/{id}")
    String publicResult(@PathVariable long id, Model model) {
        RoundQueries.RoundRow round = queries.round(null, id);
        if (round.listDigest() == null) {
            throw ProblemException.notFound("ROUND_NOT_PUBLISHED", "该轮次尚未公布。");
        }
        model.addAttribute("round", round);
        model.addAttribute("places", queries.places(null, id));
        model.addAttribute("pointsRules", queries.pointsRules(id));
        model.addAttribute("matches", round.seed() != null && queries.matches(id));
        return "allocation/public";
    }

    @GetMapping(value = "/public/selection-rounds/{id}/publication.txt")
    ResponseEntity<String> publicationText(@PathVariable long id) {
        if (queries.round(null, id).listDigest() == null) {
            throw ProblemException.notFound("ROUND_NOT_PUBLISHED", "该轮次尚未公布。");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(queries.publication(id));
    }

    private static boolean runs(CurrentUser user) {
        return user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER) && user.organisationType() == OrganisationType.DISTRICT_HOUSING;
    }
}
