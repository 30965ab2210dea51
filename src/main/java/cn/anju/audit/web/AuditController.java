package cn.anju.audit.web;

import cn.anju.audit.AuditOutcome;
import cn.anju.audit.AuditQueries;
import cn.anju.audit.AuditSealer;
import cn.anju.audit.AuditVerifier;
import cn.anju.shared.web.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** 审计日志: search and chain verification, for the audit administrator only. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;

    AuditController(AuditQueries queries, AuditVerifier verifier, AuditSealer sealer) {
        this.queries = queries;
        this.verifier = verifier;
        this.sealer = sealer;
    }

    @GetMapping
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String target,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) AuditOutcome outcome, @RequestParam(required = false) Integer page,
                  HttpServletRequest request, Model model) {
        var filter = new AuditQueries.Filter(actor, action, target, from, to, outcome);
        model.addAttribute("filter", filter);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("result", queries.search(filter, PageQuery.of(page, 50)));
        return request.getHeader("HX-Request") != null ? "audit/audit :: table" : "audit/audit";
    }

    @PostMapping("/verification")
    String verify(Model model) {
        sealer.seal();
        model.addAttribute("verification", verifier.verify());
        return "audit/audit :: verification";
    }
}
