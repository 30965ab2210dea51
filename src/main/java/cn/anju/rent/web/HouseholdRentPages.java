package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.RentQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The rent part of the household page (loaded into it by htmx, beside the resident file): per lease of the household
 * the user may see, what is owed and held, the latest bills, payments and the dunning notices sent.
 */
@Controller
@PreAuthorize("@rentAccess.householdReaders(authentication)")
class HouseholdRentPages {

    private final RentQueries queries;

    HouseholdRentPages(RentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/households/{id}/rent")
    String fragment(CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("leases", queries.householdLeases(user, id));
        return "rent/household-rent :: rent";
    }
}
