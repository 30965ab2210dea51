package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.RentQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * The rent part of the household page (loaded into it by htmx, beside the resident file): per lease of the household
 * the user may see, what is owed and held, the latest bills, payments and the dunning notices sent.
 */
@Controller
@PreAuthorize("hasAnyRole('GOV_ADMIN','GOV_OFFICER','FINANCE','OPERATOR_MANAGER','OPERATOR_STAFF','TENANT')")
class HouseholdRentPages {

    private final RentQueries queries;
    private final JdbcClient jdbc;

    HouseholdRentPages(RentQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    record Notice(String stage, java.math.BigDecimal amount, java.time.LocalDate sentOn) {
    }

    record LeaseRent(RentQueries.Account account, List<Notice> notices) {
    }

    @GetMapping("/households/{id}/rent")
    String fragment(CurrentUser user, @PathVariable long id, Model model) {
        List<LeaseRent> leases = new ArrayList<>();
        for (long lease : jdbc.sql("select lease_id from lease_billing_basis where household_id = ? order by start_date desc")
                .param(id).query(Long.class).list()) {
            RentQueries.Account account;
            try {
                account = queries.account(user, lease); // in scope, or not shown
            } catch (cn.anju.shared.web.ProblemException e) {
                if (e.status().value() != 404) {
                    throw e;
                }
                continue;
            }
            leases.add(new LeaseRent(account, jdbc.sql("select stage, amount, sent_on from dunning_notice where lease_id = ? order by id desc limit 20")
                    .param(lease).query((rs, n) -> new Notice(rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, java.time.LocalDate.class))).list()));
        }
        model.addAttribute("leases", leases);
        return "rent/household-rent :: rent";
    }
}
