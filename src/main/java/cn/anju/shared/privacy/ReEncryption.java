package cn.anju.shared.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Key rotation: moves every encrypted value to the active key, batch by batch, each batch its own transaction,
 * skipping rows another node holds. Safe to stop and run again; values already under the active key are left.
 * Run it with {@code java -jar anju.jar --anju.command=reencrypt}.
 */
@Service
public class ReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);
    private static final int BATCH = 500;

    private final List<EncryptedColumn> columns;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReEncryption(List<EncryptedColumn> columns, FieldCipher cipher, JdbcClient jdbc, TransactionTemplate tx) {
        this.columns = columns;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Returns how many values were re-encrypted. */
    public long run() {
        long total = 0;
        for (EncryptedColumn c : columns) {
            long moved = reEncrypt(c);
            log.info("Re-encrypted {} values of {}.{} to key {}", moved, c.table(), c.column(), cipher.activeKeyId());
            total += moved;
        }
        return total;
    }

    long reEncrypt(EncryptedColumn c) {
        String notActive = "enc:v1:%:" + cipher.activeKeyId() + ":%";
        String select = "select %s as id, %s as value from %s where %s is not null and %s not like ? order by %s limit %d for update skip locked"
                .formatted(c.idColumn(), c.column(), c.table(), c.column(), c.column(), c.idColumn(), BATCH);
        String update = "update %s set %s = ? where %s = ?".formatted(c.table(), c.column(), c.idColumn());
        long moved = 0;
        while (true) {
            Integer done = tx.execute(status -> {
                List<Row> rows = jdbc.sql(select).param(notActive)
                        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("value"))).list();
                for (Row row : rows) {
                    String plain = cipher.decrypt(row.value(), c.purpose());
                    jdbc.sql(update).params(cipher.encrypt(plain, c.purpose()), row.id()).update();
                }
                return rows.size();
            });
            moved += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                return moved;
            }
        }
    }

    private record Row(long id, String value) {
    }
}
