package cn.anju;

import cn.anju.backup.RestoreApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/** 安居·公租房运营管理服务平台: one application, one top-level package per business module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnjuApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--anju.command=restore")) {
            // a restore needs its database empty: it runs in its own small context, not the platform's
            System.exit(RestoreApplication.run(args));
        }
        SpringApplication app = new SpringApplication(AnjuApplication.class);
        boolean command = Arrays.stream(args).anyMatch(a -> a.startsWith("--anju.command="));
        if (command) {
            // a command-line task (e.g. --anju.command=audit-verify): no web server, exit with the task's code
            app.setWebApplicationType(WebApplicationType.NONE);
            ConfigurableApplicationContext context = app.run(args);
            System.exit(SpringApplication.exit(context));
        }
        app.run(args);
    }
}
