package cn.anju.audit;

import cn.anju.shared.crypto.HashAlgorithm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Re-computes the audit chain from the rows and compares it with the chain in the database and with the copy
 * outside it. Names the first row that was altered, deleted or reordered, including when someone rewrote every
 * hash inside the database to match their edit.
 */
@NamedInterface("api")
@Service
public class AuditVerifier {

    private final JdbcClient jdbc;
    private final ExternalChain external;

    /** Public so that a restore can verify the chain of the database it has just filled, before the platform
     * runs on it. */
    public AuditVerifier(JdbcClient jdbc, ExternalChain external) {
        this.jdbc = jdbc;
        this.external = external;
    }

    public enum Finding {
        ALTERED, DELETED, REORDERED, CHAIN_REWRITTEN, TRUNCATED
    }

    /**
     * The verdict: how many sealed rows were checked, with which hash algorithms (in chain order: e.g. SHA-256 then
     * SM3 after a switch of the crypto suite), and the first problem if any.
     */
    public record Verification(boolean intact, long checkedRows, long unsealedRows, Long firstBadAuditId,
                               Long firstBadSeq, Finding finding, String message, List<String> algorithms) {

        static Verification ok(long checked, long unsealed, Collection<String> algorithms) {
            return new Verification(true, checked, unsealed, null, null, null,
                    "审计日志完整：已核验 " + checked + " 条（" + (algorithms.isEmpty() ? "无" : String.join("、", algorithms))
                            + "），待封存 " + unsealed + " 条。", List.copyOf(algorithms));
        }

        static Verification broken(long checked, long unsealed, Long auditId, long seq, Finding finding, String message,
                                   Collection<String> algorithms) {
            return new Verification(false, checked, unsealed, auditId, seq, finding, message, List.copyOf(algorithms));
        }
    }

    public Verification verify() {
        Map<Long, ExternalChain.Link> outside = new HashMap<>();
        List<ExternalChain.Link> externalLinks = external.read();
        externalLinks.forEach(l -> outside.put(l.seq(), l));
        long unsealed = jdbc.sql("select count(*) from audit_log a where not exists "
                + "(select 1 from audit_chain c where c.audit_id = a.id)").query(Long.class).single();

        String previous = AuditRow.GENESIS;
        Set<String> algorithms = new LinkedHashSet<>();
        long checked = 0;
        long lastSeq = 0;
        try (Stream<Object[]> rows = jdbc.sql("select c.seq, c.audit_id, c.row_hash, c.chain_hash, c.algorithm, a."
                        + AuditRow.COLUMNS.replace(", ", ", a.") + " from audit_chain c left join audit_log a on a.id = c.audit_id order by c.seq")
                .query((rs, n) -> new Object[]{rs.getLong("seq"), rs.getLong("audit_id"), rs.getString("row_hash"),
                        rs.getString("chain_hash"), rowOrNull(rs), rs.getString("algorithm")})
                .stream()) {
            Iterator<Object[]> it = rows.iterator();
            while (it.hasNext()) {
                Object[] r = it.next();
                long seq = (Long) r[0];
                long auditId = (Long) r[1];
                String storedRowHash = (String) r[2];
                String storedChain = (String) r[3];
                AuditRow row = (AuditRow) r[4];
                Optional<HashAlgorithm> algorithm = HashAlgorithm.byTag((String) r[5]);
                if (algorithm.isEmpty()) {
                    return Verification.broken(checked, unsealed, auditId, seq, Finding.ALTERED,
                            "第 " + seq + " 环写明的算法“" + r[5] + "”不可识别：链的算法被改动。", algorithms);
                }
                algorithms.add(algorithm.get().displayName());
                ExternalChain.Link witness = outside.get(seq);
                if (witness != null && witness.auditId() != auditId) {
                    return Verification.broken(checked, unsealed, witness.auditId(), seq, Finding.REORDERED,
                            "第 " + seq + " 环应为审计记录 #" + witness.auditId() + "，数据库中却是 #" + auditId
                                    + "：记录被删除或调换了顺序。", algorithms);
                }
                if (row == null) {
                    return Verification.broken(checked, unsealed, auditId, seq, Finding.DELETED,
                            "审计记录 #" + auditId + " 已被删除。", algorithms);
                }
                String rowHash = row.rowHash(algorithm.get());
                if (!rowHash.equals(storedRowHash)) {
                    return Verification.broken(checked, unsealed, auditId, seq, Finding.ALTERED,
                            "审计记录 #" + auditId + " 的内容在封存后被修改。", algorithms);
                }
                String chain = AuditRow.chain(algorithm.get(), previous, rowHash);
                if (!chain.equals(storedChain)) {
                    return Verification.broken(checked, unsealed, auditId, seq, Finding.CHAIN_REWRITTEN,
                            "审计链在记录 #" + auditId + " 处断开：链上的哈希被改写。", algorithms);
                }
                if (witness != null && !witness.chainHash().equals(chain)) {
                    return Verification.broken(checked, unsealed, auditId, seq, Finding.CHAIN_REWRITTEN,
                            "审计记录 #" + auditId + " 与库外留存的哈希链不符：该记录被修改后整条链在库内被重新计算。", algorithms);
                }
                previous = chain;
                checked++;
                lastSeq = seq;
            }
        }
        final long last = lastSeq;
        Optional<ExternalChain.Link> beyond = externalLinks.stream().filter(l -> l.seq() > last).findFirst();
        if (beyond.isPresent()) {
            return Verification.broken(checked, unsealed, beyond.get().auditId(), beyond.get().seq(), Finding.TRUNCATED,
                    "库外留存的哈希链比数据库长：从审计记录 #" + beyond.get().auditId() + " 起的记录在库内被删除。", algorithms);
        }
        return Verification.ok(checked, unsealed, algorithms);
    }

    private static AuditRow rowOrNull(ResultSet rs) throws SQLException {
        rs.getLong("id");
        return rs.wasNull() ? null : AuditRow.from(rs);
    }
}
