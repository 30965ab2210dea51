package cn.anju.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** One audit row as stored, and its canonical form for hashing (fields joined by the unit separator U+001F). */
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

    String rowHash() {
        return sha256(canonical());
    }

    static String chain(String previousChainHash, String rowHash) {
        return sha256(previousChainHash + rowHash);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Object o) {
        return o == null ? "\u2400" : o.toString(); // a visible null, distinct from the empty string
    }
}
