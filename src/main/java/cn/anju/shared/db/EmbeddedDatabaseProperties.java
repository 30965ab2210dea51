package cn.anju.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir  where the cluster lives; survives restarts ({@code ./data/postgres} by default)
 * @param port     0 picks a free port at each start
 * @param database the application database, created on first start
 * @param poolSize connection pool size
 * @param cleanOnStart wipe the data directory at the first start in this JVM (tests only)
 */
@ConfigurationProperties("anju.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("anju") String database,
        @DefaultValue("10") int poolSize,
        @DefaultValue("false") boolean cleanOnStart) {
}
