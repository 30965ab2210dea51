package cn.anju.backup;

import cn.anju.shared.db.EmbeddedDatabaseConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The small context in which {@code --anju.command=restore} runs. The platform's own start-up would migrate the
 * empty database to the newest version and fill it (demo data, the first administrators) before any command ran;
 * a restore needs the database as empty as it was given. So this context holds only the database connection,
 * the embedded server when no {@code spring.datasource.url} is set, and the restore. Deliberately not a
 * {@code @Configuration}: the platform's component scan must not pick it up.
 */
@Import(EmbeddedDatabaseConfiguration.class)
public class RestoreApplication {

    public static int run(String... args) {
        SpringApplication app = new SpringApplication(RestoreApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(args)) {
            return context.getBean(RestoreCommand.class).run();
        }
    }

    /** An external database: the application's login, as at a normal start. */
    @Bean
    @ConditionalOnProperty("spring.datasource.url")
    DataSource dataSource(Environment env) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(env.getRequiredProperty("spring.datasource.url"));
        ds.setUsername(env.getProperty("spring.datasource.username"));
        ds.setPassword(env.getProperty("spring.datasource.password"));
        ds.setPoolName("anju-restore");
        ds.setMaximumPoolSize(2);
        return ds;
    }

    @Bean
    RestoreCommand restoreCommand(DataSource app, ObjectProvider<FlywayConnectionDetails> embeddedOwner, Environment env) {
        FlywayConnectionDetails owner = embeddedOwner.getIfAvailable();
        // as Flyway does at a normal start: its own login if given, else the data source's
        DataSource ownerDataSource = owner != null
                ? new DriverManagerDataSource(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword())
                : new DriverManagerDataSource(
                env.getProperty("spring.flyway.url", env.getRequiredProperty("spring.datasource.url")),
                env.getProperty("spring.flyway.user", env.getProperty("spring.datasource.username", "")),
                env.getProperty("spring.flyway.password", env.getProperty("spring.datasource.password", "")));
        Restorer.Target target = new Restorer.Target(ownerDataSource, app,
                Path.of(env.getProperty("anju.files.root", "data/files")),
                Path.of(env.getProperty("anju.audit.head-dir", "data/audit")));
        String[] locations = env.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        return new RestoreCommand(new Restorer(locations), target, env.getProperty("from", ""),
                env.getProperty("anju.backup.key", ""));
    }
}
