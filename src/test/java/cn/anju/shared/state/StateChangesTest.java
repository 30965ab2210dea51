package cn.anju.shared.state;

import cn.anju.shared.web.ProblemException;
import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one helper every module's state changes go through, on the real database: it writes the state, the version
 * and the typed columns in one versioned update; a stale version, an illegal step or a failing record leaves the row
 * and its timeline exactly as they were. The table is a temporary one on a connection of its own, so the test leaves
 * no trace in the shared database.
 */
@PlatformTest
class StateChangesTest {

    enum Door implements State<Door> {
        OPEN, CLOSED, LOCKED;

        @Override
        public boolean canBecome(Door next) {
            return switch (this) {
                case OPEN -> next == CLOSED;
                case CLOSED -> next == OPEN || next == LOCKED;
                case LOCKED -> false;
            };
        }

        @Override
        public String label() {
            return switch (this) {
                case OPEN -> "开着";
                case CLOSED -> "关着";
                case LOCKED -> "锁着";
            };
        }
    }

    enum Reason { WIND, KEY }

    static final StateTable<Door> DOORS = StateTable.of("door", "state", Door.class, "房门");
    static final Column<Instant> CLOSED_AT = Column.of("closed_at", Instant.class);
    static final Column<LocalDate> CHECK_ON = Column.of("check_on", LocalDate.class);
    static final Column<BigDecimal> FEE = Column.of("fee", BigDecimal.class);
    static final Column<String> NOTE = Column.of("note", String.class);
    static final Column<Reason> REASON = Column.of("reason", Reason.class);

    @Autowired
    DataSource pool;

    SingleConnectionDataSource connection;
    JdbcClient jdbc;
    StateChanges changes;
    final List<StateChange<Door>> recorded = new ArrayList<>();

    @BeforeEach
    void temporaryTables() throws SQLException {
        connection = new SingleConnectionDataSource(pool.getConnection(), true);
        jdbc = JdbcClient.create(connection);
        changes = new StateChanges(jdbc, new TransactionTemplate(new DataSourceTransactionManager(connection)));
        jdbc.sql("""
                create temporary table door (id bigint primary key, state text not null, version int not null default 0,
                       closed_at timestamptz, check_on date, fee numeric(10, 2), note text, reason text)""").update();
        jdbc.sql("create temporary table door_event (door_id bigint not null, from_state text not null, to_state text not null)").update();
        jdbc.sql("insert into door (id, state, note, fee) values (1, 'OPEN', '初始', 1.00)").update();
    }

    @AfterEach
    void dropThem() throws SQLException {
        jdbc.sql("drop table door").update();
        jdbc.sql("drop table door_event").update();
        connection.getConnection().close();
        connection.destroy();
    }

    void timeline(StateChange<Door> c) {
        recorded.add(c);
        jdbc.sql("insert into door_event (door_id, from_state, to_state) values (?, ?, ?)").params(c.id(), c.from().name(), c.to().name()).update();
    }

    Map<String, Object> row() {
        return jdbc.sql("select state, version, closed_at, check_on, fee, note, reason from door where id = 1").query().singleRow();
    }

    long events() {
        return jdbc.sql("select count(*) from door_event").query(Long.class).single();
    }

    @Test
    void appliesTheStateTheVersionAndTheTypedColumnsAndRecordsOnce() {
        Instant at = Instant.parse("2026-11-16T02:00:00Z");
        StateChange<Door> close = DOORS.change(1, 0, Door.OPEN, Door.CLOSED, CLOSED_AT.set(at), CHECK_ON.set(LocalDate.of(2026, 11, 20)),
                FEE.set(new BigDecimal("12.50")), REASON.set(Reason.WIND), NOTE.cleared());
        changes.apply(close, this::timeline);

        Map<String, Object> row = row();
        assertThat(row.get("state")).isEqualTo("CLOSED");
        assertThat(row.get("version")).isEqualTo(1);
        assertThat(((Timestamp) row.get("closed_at")).toInstant()).isEqualTo(at);
        assertThat(row.get("check_on").toString()).isEqualTo("2026-11-20");
        assertThat((BigDecimal) row.get("fee")).isEqualByComparingTo("12.50");
        assertThat(row.get("reason")).isEqualTo("WIND");
        assertThat(row.get("note")).as("a cleared column is emptied").isNull();
        assertThat(recorded).containsExactly(close);
        assertThat(events()).isEqualTo(1);

        // columns the change does not name keep their values; the next change expects the raised version
        changes.apply(DOORS.change(1, 1, Door.CLOSED, Door.OPEN), this::timeline);
        assertThat(row()).containsEntry("state", "OPEN").containsEntry("version", 2).containsEntry("reason", "WIND");
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void aStaleVersionAnswers409AndWritesNothing() {
        changes.apply(DOORS.change(1, 0, Door.OPEN, Door.CLOSED), this::timeline);
        // a second user who read version 0 too
        StateChange<Door> late = DOORS.change(1, 0, Door.OPEN, Door.CLOSED, NOTE.set("晚了"));
        assertThatThrownBy(() -> changes.apply(late, this::timeline))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo(StateChanges.CONCURRENT_CHANGE);
                    assertThat(e.getMessage()).contains("房门", "刷新");
                });
        assertThat(row()).containsEntry("state", "CLOSED").containsEntry("version", 1).containsEntry("note", "初始");
        assertThat(recorded).hasSize(1);
        assertThat(events()).isEqualTo(1);
    }

    @Test
    void theVersionTheUserSawWinsOverTheOneJustRead() {
        changes.apply(DOORS.change(1, 0, Door.OPEN, Door.CLOSED), this::timeline);
        // the page showed version 0; the server reads the row again (version 1) before deciding
        StateChange<Door> lock = DOORS.change(1, 1, Door.CLOSED, Door.LOCKED).asSeen(0);
        assertThat(lock.expectedVersion()).isZero();
        assertThatThrownBy(() -> changes.apply(lock, this::timeline))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(StateChanges.CONCURRENT_CHANGE));
        assertThat(DOORS.change(1, 1, Door.CLOSED, Door.LOCKED).asSeen(null).expectedVersion()).as("no version sent: the one read").isEqualTo(1);
        assertThat(row()).containsEntry("state", "CLOSED");
    }

    @Test
    void aStepTheTableDoesNotAllowAnswers409WithTheOneCodeAndCannotEvenBeMade() {
        assertThatThrownBy(() -> DOORS.change(1, 0, Door.OPEN, Door.LOCKED, NOTE.set("跳过关门")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo(StateChange.ILLEGAL_TRANSITION);
                    assertThat(e.getMessage()).contains("房门当前状态为“开着”", "锁着");
                });
        assertThatThrownBy(() -> DOORS.change(1, 0, Door.LOCKED, Door.LOCKED)).isInstanceOf(ProblemException.class);
        assertThat(row()).containsEntry("state", "OPEN").containsEntry("version", 0);
        assertThat(events()).isZero();
    }

    @Test
    void aRecordThatFailsUndoesTheUpdateSoNothingIsHalfWritten() {
        StateChange<Door> close = DOORS.change(1, 0, Door.OPEN, Door.CLOSED, NOTE.set("已关"));
        assertThatThrownBy(() -> changes.apply(close, c -> {
            timeline(c);
            throw new IllegalStateException("the timeline could not be written");
        })).hasMessageContaining("timeline");
        assertThat(row()).containsEntry("state", "OPEN").containsEntry("version", 0).containsEntry("note", "初始");
        assertThat(events()).isZero();
        // and the row is still free to change
        changes.apply(close, this::timeline);
        assertThat(row()).containsEntry("state", "CLOSED").containsEntry("note", "已关");
    }

    @Test
    void insideACallersTransactionTheChangeCommitsOrRollsBackWithIt() {
        TransactionTemplate caller = new TransactionTemplate(new DataSourceTransactionManager(connection));
        assertThatThrownBy(() -> caller.executeWithoutResult(s -> {
            changes.apply(DOORS.change(1, 0, Door.OPEN, Door.CLOSED), this::timeline);
            throw new IllegalStateException("the caller's next step failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(row()).containsEntry("state", "OPEN").containsEntry("version", 0);
        assertThat(events()).isZero();
    }

    @Test
    void columnsAreNamedIdentifiersAndAChangeCannotSetItsOwnBookkeeping() {
        for (String bad : new String[] {"note = 'x', state", "note;drop table door", "Note", "", "1st"}) {
            assertThatThrownBy(() -> Column.of(bad, String.class)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> StateTable.of("door d", "state", Door.class, "房门")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DOORS.change(1, 0, Door.OPEN, Door.CLOSED, Column.of("version", Integer.class).set(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DOORS.change(1, 0, Door.OPEN, Door.CLOSED, Column.of("state", String.class).set("LOCKED")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DOORS.change(1, 0, Door.OPEN, Door.CLOSED, NOTE.set("a"), NOTE.set("b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateListsBecomeOneArrayParameter() {
        jdbc.sql("insert into door (id, state) values (2, 'CLOSED'), (3, 'LOCKED')").update();
        assertThat(jdbc.sql("select id from door where state = any(?) order by id")
                .param(States.names(EnumSet.of(Door.OPEN, Door.LOCKED))).query(Long.class).list()).containsExactly(1L, 3L);
    }
}
