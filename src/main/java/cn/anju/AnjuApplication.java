package cn.anju;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 安居·公租房运营管理服务平台: one application, one top-level package per business module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnjuApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnjuApplication.class, args);
    }
}
