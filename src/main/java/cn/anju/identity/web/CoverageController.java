package cn.anju.identity.web;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.IdentityQueries;
import cn.anju.shared.Districts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;

/** 承接主体服务范围: who serves which district or project, since when, and under which service contract (read-only). */
@Controller
@RequestMapping("/coverage")
@PreAuthorize("@identityAccess.coverageReaders(authentication)")
class CoverageController {

    private final IdentityQueries queries;

    CoverageController(IdentityQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("rows", queries.coverage(user));
        model.addAttribute("maintainer", false);
        return "identity/coverage";
    }

    /** The districts a government user's form offers: its own district's, or every district for the city bureau. */
    static List<Districts.District> maintainedDistricts(CurrentUser user, Districts districts) {
        return user.regionCode() != null && !user.regionCode().endsWith("00")
                ? districts.all().stream().filter(d -> d.code().equals(user.regionCode())).toList()
                : districts.all();
    }
}
