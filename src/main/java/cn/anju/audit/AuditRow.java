package cn.anju.audit;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One audit row as stored, and its canonical form for hashing (fields joined by the unit separator U+001F). Each link
 * of the chain is hashed with the algorithm it names (audit_chain.algorithm), so the chain carries on across a switch
 * of the crypto suite: the first SM3 link hashes the last SHA-256 link's hex like any other.
 */
public record AuditRow(long id, Instant occurredAt, Long actorId, String actorUsername, Long actorOrgId,
                       String districtCode, String sourceIp, String action, String targetType, String targetId,
                       String outcome, String summary) {

    static final String GENESIS = "0".repeat(64);
    static final String COLUMNS = "id, occurred_at, actor_id, actor_username, actor_org_id, district_code, source_ip, "
            + "action, target_type, target_id, outcome, summary";

    static AuditRow from(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("actor_id"), rs.getString("actor_username"), (Long) rs.getObject("actor_org_id"),
                rs.getString("district_code"), rs.getString("source_ip"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"), rs.getString("summary"));
    }

    String canonical() {
        return String.join("\u001f", Long.toString(id), occurredAt.toString(), str(actorId), str(actorUsername),
                str(actorOrgId), str(districtCode), str(sourceIp), action, str(targetType), str(targetId), outcome,
                summary);
    }

    static final CryptoPurpose PURPOSE = CryptoPurpose.stored("audit-chain");

    String rowHash(HashAlgorithm algorithm) {
        return hash(algorithm, canonical());
    }

    static String chain(HashAlgorithm algorithm, String previousChainHash, String rowHash) {
        return hash(algorithm, previousChainHash + rowHash);
    }

    private static String hash(HashAlgorithm algorithm, String text) {
        return Crypto.digestWith(algorithm, PURPOSE, text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static String str(Object o) {
        return o == null ? "\u2400" : o.toString(); // a visible null, distinct from the empty string
    }
}
