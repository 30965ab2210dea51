package cn.anju.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * With no {@code spring.datasource.url}, the platform brings its own real PostgreSQL so that
 * {@code ./mvnw spring-boot:run} needs nothing but a JDK. With a URL, Boot's own data source is used and
 * no embedded server starts. Public so that the restore command's small context can import it too.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(properties.dataDir(), properties.port(),
                properties.cleanOnStart());
        server.ensureDatabase(properties.database());
        return server;
    }

    /** The platform at run time logs in as the application role: rows only, no DDL, audit rows append-only. */
    @Bean
    DataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(properties.database()));
        ds.setUsername(server.credentials().app().user());
        ds.setPassword(server.credentials().app().password());
        ds.setPoolName("anju-embedded");
        ds.setMaximumPoolSize(properties.poolSize());
        return ds;
    }

    /** Flyway migrates as the owner role, which owns what it creates (what spring.flyway.user does for an
     * external database). */
    @Bean
    FlywayConnectionDetails flywayConnectionDetails(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        String url = server.jdbcUrl(properties.database());
        EmbeddedCredentials.Login owner = server.credentials().owner();
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return owner.user();
            }

            @Override
            public String getPassword() {
                return owner.password();
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
