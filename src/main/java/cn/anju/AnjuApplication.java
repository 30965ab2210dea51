package cn.anju;

import cn.anju.backup.RestoreApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 安居·公租房运营管理服务平台: one application, one top-level package per business module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnjuApplication {

    public static void main(String[] args) {
        String requested = requestedCommand(args, System.getenv("ANJU_COMMAND"));
        if (requested.equals("restore")) {
            // a restore needs its database empty: it runs in its own small context, not the platform's
            System.exit(RestoreApplication.run(args));
        }
        SpringApplication app = new SpringApplication(AnjuApplication.class);
        if (!requested.isEmpty()) {
            // a command-line task (e.g. --anju.command=audit-verify): no web server, exit with the task's code
            app.setWebApplicationType(WebApplicationType.NONE);
            ConfigurableApplicationContext context = app.run(args);
            System.exit(SpringApplication.exit(context));
        }
        app.run(args);
    }

    /**
     * The command asked for, wherever Spring would read {@code anju.command} from (argument, system property,
     * environment), decided before Spring starts: a restore started as the full platform would migrate and fill the
     * empty database it is meant to restore into.
     */
    static String requestedCommand(String[] args, String environment) {
        for (String a : args) {
            if (a.startsWith("--anju.command=")) {
                return a.substring("--anju.command=".length()).strip();
            }
        }
        String property = System.getProperty("anju.command");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        return environment == null ? "" : environment.strip();
    }
}
