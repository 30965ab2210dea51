package cn.anju.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * no embedded server starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(properties.dataDir(), properties.port(),
                properties.cleanOnStart());
        server.ensureDatabase(properties.database());
        return server;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl(properties.database()));
        ds.setUsername("postgres");
        ds.setPoolName("anju-embedded");
        ds.setMaximumPoolSize(properties.poolSize());
        return ds;
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
