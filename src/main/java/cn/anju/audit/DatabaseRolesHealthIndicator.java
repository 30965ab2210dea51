package cn.anju.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says whether the platform's own database login could undo the audit log's protection: a role that owns the audit
 * tables, is a member of their owner or is a superuser can switch their append-only triggers off. The embedded
 * database never runs so; an external one may, when a single role both migrates and serves (docs/security.md shows
 * the two roles). It is a report, not a failure: health stays UP, start-up logs a WARN, and the detail
 * {@code auditTablesAlterable} of health component {@code databaseRoles} tells monitoring.
 */
@Component
class DatabaseRolesHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRolesHealthIndicator.class);

    /** What the current login may do to the audit tables. */
    record AuditTableRights(String role, boolean superuser, boolean tablesAlterable, boolean rowChangesGranted) {
    }

    private final JdbcClient jdbc;

    DatabaseRolesHealthIndicator(JdbcClient jdbc) {
        super("database roles could not be checked");
        this.jdbc = jdbc;
    }

    AuditTableRights rights() {
        // MEMBER (not only USAGE) of the owner: a member who may SET ROLE to the owner can alter the tables too
        return jdbc.sql("""
                        select current_user as role, r.rolsuper as superuser,
                               r.rolsuper or bool_or(pg_has_role(current_user, c.relowner, 'MEMBER')) as alterable,
                               bool_or(has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
                                       or has_table_privilege(c.oid, 'TRUNCATE')) as row_changes
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                          join pg_roles r on r.rolname = current_user
                         where n.nspname = current_schema() and c.relname in ('audit_log', 'audit_chain')
                         group by r.rolsuper""")
                .query((rs, n) -> new AuditTableRights(rs.getString("role"), rs.getBoolean("superuser"),
                        rs.getBoolean("alterable"), rs.getBoolean("row_changes")))
                .single();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        AuditTableRights rights = rights();
        builder.up()
                .withDetail("role", rights.role())
                .withDetail("superuser", rights.superuser())
                .withDetail("auditTablesAlterable", rights.tablesAlterable())
                .withDetail("auditRowChangesGranted", rights.rowChangesGranted());
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportAtStartUp() {
        AuditTableRights rights = rights();
        if (rights.tablesAlterable() || rights.rowChangesGranted()) {
            log.warn("数据库账号可修改审计表 / the database role '{}' has more than INSERT and SELECT on the audit tables "
                            + "(auditTablesAlterable: {}, superuser: {}, UPDATE/DELETE/TRUNCATE granted: {}): it could "
                            + "switch their append-only triggers off. Run the platform as a role that owns nothing and "
                            + "migrate with spring.flyway.user (docs/security.md)", rights.role(),
                    rights.tablesAlterable(), rights.superuser(), rights.rowChangesGranted());
        } else {
            log.info("Database role '{}' cannot alter the audit tables (INSERT and SELECT only)", rights.role());
        }
    }
}
