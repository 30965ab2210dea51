package cn.anju.audit.web;

import cn.anju.audit.AuditOutcome;
import cn.anju.audit.AuditQueries;
import cn.anju.shared.web.Paged;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The audit log's search, the same on the auditor's page, its Excel export and the API: who, what action, which
 * record, the days from and to, the outcome, and the page (the page shows 50 rows; the export takes every page).
 */
record AuditSearch(String actor, String action, String target,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   AuditOutcome outcome, Integer page, Integer size) implements Paged {

    AuditQueries.Filter filter() {
        return new AuditQueries.Filter(actor, action, target, from, to, outcome);
    }
}
