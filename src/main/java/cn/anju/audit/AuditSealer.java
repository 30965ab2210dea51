package cn.anju.audit;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.HashAlgorithm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chains new audit rows by hash, in id order, a few seconds behind the writers so they never wait for it.
 * One node seals at a time (a PostgreSQL advisory lock). The chain is then copied to the external file, which
 * also catches up after a crash between the database commit and the file write.
 */
@NamedInterface("api")
@Component
public class AuditSealer {

    private static final long LOCK = 0x41554449544cL; // "AUDITL"
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ExternalChain external;
    private final Clock clock;
    private final Crypto crypto;

    AuditSealer(JdbcClient jdbc, TransactionTemplate tx, ExternalChain external, Clock clock, Crypto crypto) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.external = external;
        this.clock = clock;
        this.crypto = crypto;
    }

    @Scheduled(fixedDelayString = "${anju.audit.seal-every:5s}", initialDelayString = "${anju.audit.seal-every:5s}")
    public void sealScheduled() {
        seal();
    }

    /** Seals what is waiting; returns how many rows it chained. */
    public synchronized int seal() {
        int sealed = 0;
        int batch;
        do {
            Integer n = tx.execute(status -> sealBatch());
            batch = n == null ? 0 : n;
            sealed += batch;
        } while (batch == BATCH);
        copyToExternalFile();
        return sealed;
    }

    private int sealBatch() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Link head = jdbc.sql("select seq, audit_id, chain_hash from audit_chain order by seq desc limit 1")
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElse(new Link(0, 0, AuditRow.GENESIS));
        // New rows after the last sealed one, plus any that committed late with a lower id.
        List<AuditRow> rows = jdbc.sql("select " + AuditRow.COLUMNS + " from audit_log a where (a.id > ? "
                        + "or (a.occurred_at > ? and not exists (select 1 from audit_chain c where c.audit_id = a.id))) "
                        + "and not exists (select 1 from audit_chain c where c.audit_id = a.id) order by a.id limit ?")
                .params(head.auditId(), Timestamp.from(clock.instant().minusSeconds(3600)), BATCH)
                .query((rs, n) -> AuditRow.from(rs)).list();
        long seq = head.seq();
        String chain = head.chainHash();
        Instant now = clock.instant();
        HashAlgorithm algorithm = crypto.algorithmFor(AuditRow.PURPOSE); // the active suite's, named in each link
        for (AuditRow row : rows) {
            String rowHash = row.rowHash(algorithm);
            chain = AuditRow.chain(algorithm, chain, rowHash);
            seq++;
            jdbc.sql("insert into audit_chain (seq, audit_id, row_hash, chain_hash, sealed_at, algorithm) values (?, ?, ?, ?, ?, ?)")
                    .params(seq, row.id(), rowHash, chain, Timestamp.from(now), algorithm.tag()).update();
        }
        return rows.size();
    }

    private void copyToExternalFile() {
        long fileSeq = external.lastSeq();
        List<ExternalChain.Link> missing = jdbc.sql(
                        "select seq, audit_id, chain_hash from audit_chain where seq > ? order by seq")
                .param(fileSeq)
                .query((rs, n) -> new ExternalChain.Link(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        if (missing.isEmpty()) {
            return;
        }
        external.append(new ArrayList<>(missing));
        LocalDate today = LocalDate.now(clock);
        long todayCount = jdbc.sql("select count(*) from audit_chain where sealed_at >= ?")
                .param(Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant()))
                .query(Long.class).single();
        external.writeDigest(today, missing.getLast(), todayCount);
    }

    private record Link(long seq, long auditId, String chainHash) {
    }
}
