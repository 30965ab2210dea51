package cn.anju.contract;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Contracts put up for termination review (终止审查): the evaluation module flags a contract when two quarters in a row
 * were graded 差, and the district then decides whether to ask for its termination (four eyes, {@link ContractLifecycle}).
 * The flag is the contract's, so its page shows it without depending on evaluation; one flag per pair of quarters.
 */
@NamedInterface("api")
@Service
public class ContractReviews {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ContractReviews(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A flag: the quarters that earned it (e.g. "2026Q2、2026Q3") and why. */
    public record Flag(String periods, String reason, Instant raisedAt) {
    }

    /** Flags the contract for the periods, once: a second call for the same periods changes nothing. */
    @Transactional
    public void flagForTermination(long actorId, long contractId, String periods, String reason) {
        Long id = jdbc.sql("""
                        insert into contract_review_flag (contract_id, periods, reason, raised_by, raised_at) values (?, ?, ?, ?, ?)
                        on conflict (contract_id, periods) do nothing returning id""")
                .params(contractId, periods, reason, actorId, Timestamp.from(clock.instant())).query(Long.class).optional().orElse(null);
        if (id != null) {
            audit.record(ContractAudit.CONTRACT_REVIEW_FLAG, "contract_review_flag", id, AuditOutcome.SUCCESS,
                    Map.of("contractId", contractId, "periods", periods));
        }
    }

    public List<Flag> flags(long contractId) {
        return jdbc.sql("select periods, reason, raised_at from contract_review_flag where contract_id = ? order by raised_at, id")
                .param(contractId).query((rs, n) -> new Flag(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }
}
