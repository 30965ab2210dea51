package cn.anju.bench;

import cn.anju.shared.db.EmbeddedDatabaseProperties;
import cn.anju.shared.db.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import javax.sql.DataSource;

/**
 * The benchmarks' own DDL (floor tables, TRUNCATE, VACUUM) needs the owner role: the platform's login owns nothing.
 * Tables the owner creates are granted to the platform's role by default privileges, as migrations' tables are.
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /** A small pool logged in as the owner of the platform's embedded database, closed with the context. */
    static DataSource owner(ConfigurableApplicationContext app) {
        EmbeddedPostgresServer server = app.getBean(EmbeddedPostgresServer.class);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(app.getBean(EmbeddedDatabaseProperties.class).database()));
        ds.setUsername(server.credentials().owner().user());
        ds.setPassword(server.credentials().owner().password());
        ds.setMaximumPoolSize(2);
        ds.setPoolName("bench-owner");
        // a lambda's event type is erased: it would be handed every event, so it checks the type itself
        app.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                ds.close();
            }
        });
        return ds;
    }
}
