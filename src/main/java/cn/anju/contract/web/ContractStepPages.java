package cn.anju.contract.web;

import cn.anju.contract.ContractHandovers;
import cn.anju.contract.ContractLifecycle;
import cn.anju.contract.ServiceContract;
import cn.anju.contract.ServiceContracts;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashSet;
import java.util.Set;

/**
 * The contract's less frequent steps: withdrawing or refusing a termination request, discarding a draft, and the handover
 * page (移交), which the receiving operator's manager reaches too, though the ended contract is not otherwise its to read.
 */
@Controller
@PreAuthorize("@contractAccess.contracts(authentication)")
class ContractStepPages {

    private final ServiceContracts contracts;
    private final ContractLifecycle lifecycle;
    private final ContractHandovers handovers;
    private final IdentityQueries identity;

    ContractStepPages(ServiceContracts contracts, ContractLifecycle lifecycle, ContractHandovers handovers, IdentityQueries identity) {
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.handovers = handovers;
        this.identity = identity;
    }

    @PostMapping("/contracts/{id}/termination/withdrawal")
    String withdraw(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id, "终止申请已撤回（驳回），合同照常履行。",
                () -> lifecycle.withdrawTermination(user, id, reason, version));
    }

    @PostMapping("/contracts/{id}/discard")
    String discard(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        long procurement = contracts.visible(user, id).procurementId();
        return PageActions.attempt(redirect, "/procurements/" + procurement, "合同草稿已作废，可重新草拟。",
                () -> contracts.discard(user, id, version));
    }

    @GetMapping("/contracts/{id}/handover")
    String handover(CurrentUser user, @PathVariable long id, Model model) {
        var h = handovers.of(user, id).orElse(null);
        ServiceContract c = h == null ? contracts.visible(user, id) : null;
        if (h == null && !handovers.mayPrepare(user, c)) {
            throw ProblemException.notFound("HANDOVER_NOT_FOUND", "该合同尚无移交记录。");
        }
        Set<Long> orgs = new HashSet<>();
        if (h != null && h.receiverOperatorId() != null) {
            orgs.add(h.receiverOperatorId());
        }
        if (h == null) {
            var successors = handovers.successors(c);
            model.addAttribute("successors", successors);
            model.addAttribute("successorNames", identity.organisationNames(successors.stream().map(ServiceContract::operatorId)
                    .collect(java.util.stream.Collectors.toSet())));
        }
        model.addAttribute("contractId", id);
        model.addAttribute("h", h);
        model.addAttribute("mayPrepare", h == null);
        model.addAttribute("mayConfirm", h != null && handovers.mayConfirm(user, h));
        model.addAttribute("receiverName", h == null || h.receiverOperatorId() == null ? null
                : identity.organisationNames(orgs).get(h.receiverOperatorId()));
        return "contract/handover";
    }

    @PostMapping("/contracts/{id}/handover")
    String prepare(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long successorContractId,
                   RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id + "/handover", "移交清单已生成，待移交方与接收方确认。",
                () -> handovers.prepare(user, id, successorContractId));
    }

    @PostMapping("/contracts/{id}/handover/confirmation")
    String confirm(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/contracts/" + id + "/handover", "已确认移交。",
                () -> handovers.confirm(user, id, version));
    }
}
