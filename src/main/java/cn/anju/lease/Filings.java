package cn.anju.lease;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseRecords.Lease;
import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Filing (备案) with the housing bureau: due {@code lease.filing_days} after signing (working days by default, counted
 * on the administrators' calendar, or calendar days if the district says so). The operator submits; only a government
 * officer of the district confirms, with the bureau's filing number. Unconfirmed past the due day is overdue.
 */
@NamedInterface("actions")
@Service
public class Filings {

    private final JdbcClient jdbc;
    private final LeaseRecords records;
    private final Clock clock;

    Filings(JdbcClient jdbc, LeaseRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    @Transactional
    public void submit(CurrentUser actor, long leaseId) {
        Lease l = signedNotFiled(actor, leaseId);
        int changed = jdbc.sql("update lease set filing_submitted_at = ? where id = ? and filing_submitted_at is null")
                .params(Timestamp.from(clock.instant()), l.id()).update();
        if (changed == 0) {
            throw ProblemException.conflict("FILING_ALREADY_SUBMITTED", "该合同已提交备案，等待住房保障部门确认。");
        }
        records.event(l, "FILING_SUBMITTED", "提交合同备案", "", actor.id());
    }

    @Transactional
    public void confirm(CurrentUser actor, long leaseId, String filingNumber) {
        if (!actor.hasAny(Role.GOV_OFFICER, Role.GOV_ADMIN)) {
            throw ProblemException.forbidden("FILING_GOVERNMENT_ONLY", "合同备案只能由住房保障部门确认。");
        }
        Lease l = signedNotFiled(actor, leaseId);
        if (filingNumber == null || filingNumber.isBlank()) {
            throw ProblemException.badRequest("FILING_NUMBER_REQUIRED", "请填写备案编号。");
        }
        try {
            jdbc.sql("""
                            update lease set filing_number = ?, filed_on = ?, filed_by = ?,
                                   filing_submitted_at = coalesce(filing_submitted_at, ?) where id = ?""")
                    .params(filingNumber.trim(), Date.valueOf(LocalDate.now(clock)), actor.id(), Timestamp.from(clock.instant()), l.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("FILING_NUMBER_TAKEN", "备案编号已被其他合同使用：" + filingNumber.trim());
        }
        records.event(l, "FILED", "合同已备案，备案编号 " + filingNumber.trim(), "", actor.id());
    }

    private Lease signedNotFiled(CurrentUser actor, long leaseId) {
        Lease l = records.load(actor, leaseId);
        if (l.status() == LeaseStatus.DRAFT || l.status() == LeaseStatus.TERMINATED && filingDue(l.id()) == null) {
            throw ProblemException.conflict("FILING_NOT_SIGNED", "合同签约后才能备案。");
        }
        if (jdbc.sql("select filed_on is not null from lease where id = ?").param(l.id()).query(Boolean.class).single()) {
            throw ProblemException.conflict("FILING_DONE", "该合同已备案。");
        }
        return l;
    }

    private LocalDate filingDue(long leaseId) {
        return jdbc.sql("select filing_due_on from lease where id = ?").param(leaseId).query(LocalDate.class).optional().orElse(null);
    }
}
