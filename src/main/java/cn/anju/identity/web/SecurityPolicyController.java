package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.SecurityPolicies;
import cn.anju.shared.Districts;
import cn.anju.shared.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** 安全策略: login policy per district with its history, for the security administrator only. */
@Controller
@RequestMapping("/security/policy")
@PreAuthorize("@identityAccess.security(authentication)")
class SecurityPolicyController {

    private final SecurityPolicies policies;
    private final Districts districts;

    SecurityPolicyController(SecurityPolicies policies, Districts districts) {
        this.policies = policies;
        this.districts = districts;
    }

    record Region(String code, String name) {
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "${anju.city-code}") String region, Model model) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(districts.cityCode(), districts.nameOf(districts.cityCode()) + "（全市默认）"));
        districts.all().forEach(d -> regions.add(new Region(d.code(), d.name())));
        model.addAttribute("regions", regions);
        model.addAttribute("region", region);
        model.addAttribute("regionName", districts.nameOf(region));
        model.addAttribute("current", policies.current(region));
        model.addAttribute("history", policies.history(region));
        return "identity/security-policy";
    }

    @PostMapping
    String change(CurrentUser user, @RequestParam String region, @RequestParam int passwordMinLength,
                  @RequestParam int passwordMinClasses, @RequestParam int captchaAfter, @RequestParam int lockAfter,
                  @RequestParam int lockMinutes, @RequestParam int idleTimeoutMinutes,
                  @RequestParam(defaultValue = "false") boolean adminSecondFactor, @RequestParam String reason,
                  RedirectAttributes redirect) {
        try {
            policies.change(user, new SecurityPolicies.Change(region, passwordMinLength, passwordMinClasses,
                    captchaAfter, lockAfter, lockMinutes, idleTimeoutMinutes, adminSecondFactor, reason));
            redirect.addFlashAttribute("notice", "安全策略已更新，原策略已保留在历史记录中。");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/security/policy?region=" + region;
    }
}
