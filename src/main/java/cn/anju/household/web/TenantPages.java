package cn.anju.household.web;

import cn.anju.household.HouseholdQueries;
import cn.anju.household.TenantActivation;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 住户自助: a household member opens an account or resets its password (ID number + phone on record + SMS code),
 * and a signed-in tenant reads its own household file.
 */
@Controller
class TenantPages {

    private final TenantActivation activation;
    private final HouseholdQueries households;

    TenantPages(TenantActivation activation, HouseholdQueries households) {
        this.activation = activation;
        this.households = households;
    }

    @GetMapping("/activate")
    String start(@RequestParam(defaultValue = "ACTIVATE") TenantActivation.Purpose purpose, Model model) {
        model.addAttribute("purpose", purpose);
        model.addAttribute("step", 1);
        return "household/activate";
    }

    @PostMapping("/activate/code")
    String requestCode(@RequestParam TenantActivation.Purpose purpose, @RequestParam String idNumber,
                       @RequestParam String phone, Model model) {
        activation.requestCode(idNumber, phone, purpose);
        // the same answer whether or not anything matched
        model.addAttribute("purpose", purpose);
        model.addAttribute("step", 2);
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("phone", phone);
        return "household/activate";
    }

    @PostMapping("/activate")
    String complete(@RequestParam TenantActivation.Purpose purpose, @RequestParam String idNumber,
                    @RequestParam String phone, @RequestParam String code,
                    @RequestParam(required = false) String username, @RequestParam String password, Model model) {
        try {
            if (purpose == TenantActivation.Purpose.ACTIVATE) {
                activation.activate(idNumber, phone, code, username, password);
                return "redirect:/login?activated";
            }
            activation.resetPassword(idNumber, phone, code, password);
            return "redirect:/login?reset";
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("purpose", purpose);
            model.addAttribute("step", 2);
            model.addAttribute("idNumber", idNumber);
            model.addAttribute("phone", phone);
            model.addAttribute("username", username);
            return "household/activate";
        }
    }

    @GetMapping("/my/household")
    @PreAuthorize("hasRole('TENANT')")
    String myHousehold(CurrentUser user, Model model) {
        if (user.householdId() == null) {
            throw ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "您的账号尚未关联保障家庭。");
        }
        model.addAttribute("household", households.detail(user, user.householdId()));
        model.addAttribute("decides", false);
        model.addAttribute("mayReveal", PersonalDataAccess.mayReveal(user));
        model.addAttribute("reportKinds", new Object[0]);
        model.addAttribute("tiers", new Object[0]);
        model.addAttribute("tenantView", true);
        return "household/household";
    }
}
