package cn.anju.allocation.web;

import cn.anju.allocation.DirectAllocations;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.OrganisationType;
import cn.anju.shared.Role;
import cn.anju.shared.web.PageActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/** 直接配租: the page (officers allocate, clerks draft the lease) and its API. */
class DirectAllocationWeb {

    private DirectAllocationWeb() {
    }

    @RestController
    @Tag(name = "直接配租 Direct allocation")
    static class Api {

        private final DirectAllocations allocations;

        Api(DirectAllocations allocations) {
            this.allocations = allocations;
        }

        @GetMapping("/api/v1/direct-allocations")
        @Operation(summary = "直接配租记录（按数据范围）")
        List<DirectAllocations.Row> list(CurrentUser user) {
            return allocations.list(user);
        }

        @PostMapping("/api/v1/direct-allocations")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "直接配租：区县住房保障部门为轮候家庭预留空置房源（须填写理由，记入审计）")
        Map<String, Long> allocate(CurrentUser user, @RequestBody DirectAllocations.NewAllocation allocation) {
            return Map.of("id", allocations.allocate(user, allocation));
        }
    }

    @Controller
    @PreAuthorize("@allocationAccess.clerks(authentication)")
    static class Pages {

        private final DirectAllocations allocations;
        private final HousingStock housing;

        Pages(DirectAllocations allocations, HousingStock housing) {
            this.allocations = allocations;
            this.housing = housing;
        }

        /** The household the waitlist's "直接配租" link opens the form for. */
        record Preselection(Long householdId) {
        }

        @GetMapping("/direct-allocations")
        String list(CurrentUser user, @ModelAttribute Preselection preselection, Model model) {
            Long householdId = preselection.householdId();
            boolean officer = user.hasAny(Role.GOV_ADMIN, Role.GOV_OFFICER)
                    && user.organisationType() == OrganisationType.DISTRICT_HOUSING;
            model.addAttribute("allocations", allocations.list(user));
            model.addAttribute("officer", officer);
            model.addAttribute("householdId", householdId);
            model.addAttribute("vacant", officer ? housing.vacantUnitLabels(user.regionCode(), 300) : Map.of());
            return "allocation/direct";
        }

        @PostMapping("/direct-allocations")
        @PreAuthorize("@allocationAccess.government(authentication)")
        String allocate(CurrentUser user, @ModelAttribute DirectAllocations.NewAllocation allocation, RedirectAttributes redirect) {
            return PageActions.attempt(redirect, "/direct-allocations", "房源已预留，承接主体可据此起草合同。",
                    () -> allocations.allocate(user, allocation));
        }
    }
}
