package cn.anju.audit;

import cn.anju.shared.db.EmbeddedDatabaseProperties;
import cn.anju.shared.db.EmbeddedPostgresServer;
import cn.anju.support.PlatformTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database is not a back door: the login the platform runs with (the Spring context's DataSource) can add audit
 * rows but can neither change them nor switch off the triggers that keep them append-only, and health says so.
 */
@PlatformTest
class DatabaseRolesTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    HealthContributorRegistry health;
    @Autowired
    EmbeddedPostgresServer server;
    @Autowired
    EmbeddedDatabaseProperties database;
    @Autowired
    AuditLog auditLog;

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Test
    void thePlatformsRoleCannotSwitchTheAuditTriggersOff() {
        assertThat(jdbc().sql("select current_user").query(String.class).single()).isEqualTo("anju_app");
        for (String table : new String[] {"audit_log", "audit_chain"}) {
            assertThatThrownBy(() -> jdbc().sql("alter table " + table + " disable trigger all").update())
                    .rootCause().hasMessageContaining("must be owner");
            assertThatThrownBy(() -> jdbc().sql("alter table " + table + " disable trigger user").update())
                    .rootCause().hasMessageContaining("must be owner");
        }
        // replica mode skips ordinary triggers: it takes a superuser
        assertThatThrownBy(() -> jdbc().sql("set session_replication_role = replica").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc().sql("create trigger sneak before update on audit_log for each row "
                + "execute function refuse_audit_change()").update()).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void thePlatformsRoleAppendsAuditRowsButCannotChangeOrRemoveThem() {
        auditLog.recordAnonymous(TestAudit.DB_ROLE_CHECK, "thing", 1, AuditOutcome.SUCCESS, Map.of());
        long id = jdbc().sql("select max(id) from audit_log where action = 'DB_ROLE_CHECK'").query(Long.class).single();

        // refused by privilege, before the triggers are even asked
        assertThatThrownBy(() -> jdbc().sql("update audit_log set action = 'X' where id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc().sql("delete from audit_log where id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc().sql("truncate audit_log").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc().sql("update audit_chain set row_hash = row_hash").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc().sql("select action from audit_log where id = ?").param(id).query(String.class).single())
                .isEqualTo("DB_ROLE_CHECK");
        // business tables stay fully writable for it
        assertThat(jdbc().sql("select has_table_privilege('lease', 'UPDATE') and has_table_privilege('shedlock', 'DELETE')"
                + " and has_table_privilege('spring_session', 'DELETE') and has_table_privilege('event_publication', 'UPDATE')")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void healthReportsThatThePlatformsRoleCannotAlterTheAuditTables() {
        Health report = ((HealthIndicator) health.getContributor("databaseRoles")).health();
        assertThat(report.getStatus()).isEqualTo(Status.UP);
        assertThat(report.getDetails()).containsEntry("role", "anju_app")
                .containsEntry("auditTablesAlterable", false)
                .containsEntry("auditRowChangesGranted", false)
                .containsEntry("superuser", false);
    }

    /** What an external database run by one role for everything looks like: reported, still UP. */
    @Test
    void healthReportsARoleThatOwnsTheAuditTables() {
        try (HikariDataSource owner = new HikariDataSource()) {
            owner.setJdbcUrl(server.jdbcUrl(database.database()));
            owner.setUsername(server.credentials().owner().user());
            owner.setPassword(server.credentials().owner().password());
            owner.setMaximumPoolSize(1);
            Health report = new DatabaseRolesHealthIndicator(JdbcClient.create(owner)).health();
            assertThat(report.getStatus()).isEqualTo(Status.UP);
            assertThat(report.getDetails()).containsEntry("role", "anju_owner").containsEntry("auditTablesAlterable", true);
        }
    }
}
