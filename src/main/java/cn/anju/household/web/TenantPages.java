package cn.anju.household.web;

import cn.anju.household.HouseholdQueries;
import cn.anju.household.MemberContacts;
import cn.anju.household.TenantActivation;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.PersonalDataAccess;
import cn.anju.identity.TenantAccounts;
import cn.anju.shared.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final MemberContacts contacts;
    private final TenantAccounts tenants;

    TenantPages(TenantActivation activation, HouseholdQueries households, MemberContacts contacts, TenantAccounts tenants) {
        this.activation = activation;
        this.households = households;
        this.contacts = contacts;
        this.tenants = tenants;
    }

    /** The activation's (or password reset's) last step; the record never prints what it carries. */
    record Completion(@NotNull TenantActivation.Purpose purpose, @NotNull String idNumber, @NotNull String phone,
                      @NotNull String code, String username, @NotNull String password) {

        @Override
        public String toString() {
            return "Completion[" + purpose + "]";
        }
    }

    /** Where notices reach the member besides the phone: an e-mail address, a WeChat account (opened from its menu). */
    record Contacts(String email, String wechatOpenId) {

        @Override
        public String toString() {
            return "Contacts[personal data]";
        }
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
    String complete(@Valid @ModelAttribute Completion form, Model model) {
        TenantActivation.Purpose purpose = form.purpose();
        String idNumber = form.idNumber();
        String phone = form.phone();
        String code = form.code();
        String username = form.username();
        String password = form.password();
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
    @PreAuthorize("@householdAccess.tenant(authentication)")
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

    private long memberOf(CurrentUser user) {
        return tenants.memberOf(user.id()).orElseThrow(() -> ProblemException.notFound("HOUSEHOLD_NOT_FOUND", "您的账号尚未关联保障家庭。"));
    }

    /** 通知方式: where rent notices and reminders reach the member besides the phone on record. */
    @GetMapping("/my/contacts")
    @PreAuthorize("@householdAccess.tenant(authentication)")
    String myContacts(CurrentUser user, @ModelAttribute Contacts form, Model model) {
        String wechatOpenId = form.wechatOpenId();
        MemberContacts.Own own = contacts.own(memberOf(user));
        model.addAttribute("own", own);
        model.addAttribute("email", own.email());
        // the official account's "绑定账号" menu opens this page with the account to bind
        model.addAttribute("wechatOpenId", wechatOpenId != null ? wechatOpenId : own.weChatOpenId());
        return "household/contacts";
    }

    @PostMapping("/my/contacts")
    @PreAuthorize("@householdAccess.tenant(authentication)")
    String changeContacts(CurrentUser user, @ModelAttribute Contacts form, Model model) {
        String email = form.email();
        String wechatOpenId = form.wechatOpenId();
        long member = memberOf(user);
        try {
            contacts.change(member, email, wechatOpenId);
            return "redirect:/my/contacts?saved";
        } catch (ProblemException e) {
            model.addAttribute("own", contacts.own(member));
            model.addAttribute("email", email);
            model.addAttribute("wechatOpenId", wechatOpenId);
            model.addAttribute("error", e.getMessage());
            return "household/contacts";
        }
    }
}
