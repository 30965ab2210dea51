package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.IdleUnits;
import cn.anju.inspection.Verifications;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import cn.anju.shared.web.Uploads;
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
import java.time.LocalDate;
import java.util.List;

/** 入户核查 (campaigns, their visits, a phone page per visit) and 疑似闲置 (readings import and the list to visit). */
@Controller
@PreAuthorize("@inspectionAccess.staff(authentication)")
class VerificationPages {

    private final Verifications verifications;
    private final IdleUnits idle;
    private final Districts districts;

    VerificationPages(Verifications verifications, IdleUnits idle, Districts districts) {
        this.verifications = verifications;
        this.idle = idle;
        this.districts = districts;
    }

    @GetMapping("/verifications")
    String campaigns(CurrentUser user, Model model) {
        model.addAttribute("campaigns", verifications.campaigns(user));
        model.addAttribute("organises", user.hasAny(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER));
        model.addAttribute("districts", districts.all());
        return "inspection/verifications";
    }

    record CampaignForm(String districtCode, String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
    }

    @PostMapping("/verifications")
    @PreAuthorize("@inspectionAccess.planners(authentication)")
    String open(CurrentUser user, @ModelAttribute CampaignForm form, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/verifications", "核查活动已发起。", () -> verifications.open(user,
                new Verifications.NewCampaign(form.districtCode(), form.name(), form.startsOn(), form.endsOn())));
    }

    @GetMapping("/verifications/{id}")
    String visits(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("visits", verifications.visits(user, id, false));
        model.addAttribute("campaign", verifications.campaigns(user).stream().filter(c -> c.id() == id).findFirst().orElse(null));
        return "inspection/verification-visits";
    }

    @GetMapping("/verifications/visits/{id}")
    String visit(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("v", verifications.visit(user, id));
        model.addAttribute("outcomes", Verifications.Outcome.values());
        model.addAttribute("visitor", user.hasAny(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
        return "inspection/verification-visit";
    }

    @PostMapping("/verifications/visits/{id}")
    @PreAuthorize("@inspectionAccess.operator(authentication)")
    String record(CurrentUser user, @PathVariable long id, @ModelAttribute VisitForm form,
                  @RequestParam(name = "photo", required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        return PageActions.attempt(redirect, "/verifications/visits/" + id, () -> {
            Long caseId = verifications.record(user, id, form.outcome(), form.note(), form.latitude(), form.longitude(),
                    Uploads.of(photos));
            return caseId == null ? "核查结果已登记。" : "核查结果已登记，已自动立案（违规案件草稿），请补充证据后上报。";
        });
    }

    @GetMapping("/idle-units")
    String idleUnits(CurrentUser user, Model model) {
        model.addAttribute("units", idle.list(user));
        return "inspection/idle-units";
    }

    @PostMapping("/idle-units/readings")
    String importReadings(CurrentUser user, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        return PageActions.attempt(redirect, "/idle-units", () -> {
            IdleUnits.Imported r = idle.importReadings(user, content);
            return "已导入 " + r.lines() + " 条读数（" + r.units() + " 户，" + r.months() + " 个月）。";
        });
    }
}
