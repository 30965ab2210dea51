package cn.anju.shared.state;

import cn.anju.shared.web.ProblemException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies a {@link StateChange}: one {@code update … set state, version + 1, the changed columns … where id = ? and
 * version = ?}, then the owner's record of it (its timeline, the audit), all in one transaction (the caller's, or its
 * own). A row someone changed since it was read answers 409 {@value #CONCURRENT_CHANGE} and nothing is written; a
 * failing record undoes the update, so a change is never half-written.
 */
@Component
public class StateChanges {

    /** The one stable code for a change that lost the race against another user's. */
    public static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";

    /** Typed nulls, so that emptying a date or number column needs no guess from the driver. */
    private static final Map<Class<?>, Integer> SQL_TYPES = Map.of(String.class, Types.VARCHAR, Instant.class, Types.TIMESTAMP,
            LocalDate.class, Types.DATE, BigDecimal.class, Types.NUMERIC, Integer.class, Types.INTEGER, Long.class, Types.BIGINT,
            Boolean.class, Types.BOOLEAN);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public StateChanges(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Applies the change, then lets the table's owner {@code record} it (timeline, audit) in the same transaction. */
    public <S extends Enum<S> & State<S>> void apply(StateChange<S> change, Consumer<StateChange<S>> record) {
        StateTable<S> table = change.table();
        StringBuilder sql = new StringBuilder("update ").append(table.name()).append(" set ").append(table.state().name())
                .append(" = ?, version = version + 1");
        List<Object> params = new ArrayList<>();
        params.add(change.to().name());
        for (FieldValue<?> v : change.values()) {
            sql.append(", ").append(v.column().name()).append(" = ?");
            params.add(parameter(v));
        }
        sql.append(" where id = ? and version = ?");
        params.add(change.id());
        params.add(change.expectedVersion());
        tx.executeWithoutResult(status -> {
            if (jdbc.sql(sql.toString()).params(params).update() == 0) {
                throw ProblemException.conflict(CONCURRENT_CHANGE, table.noun() + "刚被他人办理或修改，请刷新后再试。");
            }
            record.accept(change);
        });
    }

    private static Object parameter(FieldValue<?> v) {
        Object value = v.value();
        if (value == null) {
            Integer type = v.column().type().isEnum() ? Integer.valueOf(Types.VARCHAR) : SQL_TYPES.get(v.column().type());
            return type == null ? null : new SqlParameterValue(type, null);
        }
        return switch (value) {
            case Instant i -> Timestamp.from(i);
            case LocalDate d -> Date.valueOf(d);
            case Enum<?> e -> e.name();
            default -> value;
        };
    }
}
