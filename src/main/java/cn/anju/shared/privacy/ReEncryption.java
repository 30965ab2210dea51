package cn.anju.shared.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Key rotation and suite switch: moves every encrypted value to the active algorithm and key, and recomputes every
 * blind index under the active suite, batch by batch, each batch its own transaction, skipping rows another node
 * holds. Safe to stop and run again; values already under the active algorithm and key are left.
 * Run it with {@code java -jar anju.jar --anju.command=reencrypt}.
 */
@Service
public class ReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);
    private static final int BATCH = 500;

    private final List<EncryptedColumn> columns;
    private final List<BlindIndexColumn> indexes;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ReEncryption(List<EncryptedColumn> columns, List<BlindIndexColumn> indexes, FieldCipher cipher, BlindIndex index,
                 JdbcClient jdbc, TransactionTemplate tx) {
        this.columns = columns;
        this.indexes = indexes;
        this.cipher = cipher;
        this.index = index;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Returns how many values were re-encrypted or re-indexed. */
    public long run() {
        long total = 0;
        for (EncryptedColumn c : columns) {
            long moved = reEncrypt(c);
            log.info("Re-encrypted {} values of {}.{} to key {}", moved, c.table(), c.column(), cipher.activeKeyId());
            total += moved;
        }
        for (BlindIndexColumn c : indexes) {
            long moved = reIndex(c);
            log.info("Re-indexed {} values of {}.{} to {}", moved, c.table(), c.column(), index.activePrefix());
            total += moved;
        }
        return total;
    }

    long reEncrypt(EncryptedColumn c) {
        return move(c.table(), c.idColumn(), c.column(), c.column(), cipher.activePrefix(),
                value -> cipher.encrypt(cipher.decrypt(value, c.purpose()), c.purpose()));
    }

    long reIndex(BlindIndexColumn c) {
        return move(c.table(), c.idColumn(), c.column(), c.sourceColumn(), index.activePrefix(),
                value -> index.of(c.derive().apply(cipher.decrypt(value, c.sourcePurpose())), c.purpose()));
    }

    /** Rewrites {@code column} from {@code source} wherever it does not yet start with the active prefix. */
    private long move(String table, String idColumn, String column, String source, String activePrefix,
                      UnaryOperator<String> rewrite) {
        String select = ("select %s as id, %s as value from %s where %s is not null and %s is not null and %s not like ? "
                + "order by %s limit %d for update skip locked")
                .formatted(idColumn, source, table, column, source, column, idColumn, BATCH);
        String update = "update %s set %s = ? where %s = ?".formatted(table, column, idColumn);
        String notActive = activePrefix.replace("%", "\\%").replace("_", "\\_") + "%";
        long moved = 0;
        while (true) {
            Integer done = tx.execute(status -> {
                List<Row> rows = jdbc.sql(select).param(notActive)
                        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("value"))).list();
                for (Row row : rows) {
                    jdbc.sql(update).params(rewrite.apply(row.value()), row.id()).update();
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
