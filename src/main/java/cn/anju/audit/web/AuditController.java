package cn.anju.audit.web;

import cn.anju.audit.AuditOutcome;
import cn.anju.audit.AuditQueries;
import cn.anju.audit.AuditSealer;
import cn.anju.audit.AuditVerifier;
import cn.anju.shared.excel.Downloads;
import cn.anju.shared.excel.Sheets;
import cn.anju.shared.web.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.ArrayList;
import java.util.List;

/** 审计日志: search and chain verification, for the audit administrator only. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("@auditAccess.auditor(authentication)")
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
    String search(@ModelAttribute AuditSearch search, HttpServletRequest request, Model model) {
        var filter = search.filter();
        model.addAttribute("filter", filter);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("result", queries.search(filter, PageQuery.of(search.page(), 50)));
        return request.getHeader("HX-Request") != null ? "audit/audit :: table" : "audit/audit";
    }

    /** 导出Excel of the filtered log (what an inspection asks for). */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@ModelAttribute AuditSearch search) {
        var filter = search.filter();
        List<List<Object>> rows = new ArrayList<>();
        for (var e : Downloads.allPages(p -> queries.search(filter, p))) {
            rows.add(List.of(e.id(), e.occurredAt().toString(),
                    e.actorUsername() == null ? "" : e.actorUsername(), e.sourceIp() == null ? "" : e.sourceIp(), e.action(),
                    e.targetType() == null ? "" : e.targetType() + (e.targetId() == null ? "" : ":" + e.targetId()),
                    e.outcome().name(), e.summary(), e.sealed() ? "是" : "否"));
        }
        return Downloads.xlsx(Sheets.write("审计日志", List.of(
                "序号", "时间(UTC)", "操作人", "来源地址", "操作", "对象", "结果", "摘要", "已封存"), rows), "审计日志.xlsx");
    }

    @PostMapping("/verification")
    String verify(Model model) {
        sealer.seal();
        model.addAttribute("verification", verifier.verify());
        return "audit/audit :: verification";
    }
}
