package cn.anju.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Security beans the services need whether or not a web server runs (command-line tasks have none). */
@Configuration(proxyBeanMethods = false)
class SecurityInfrastructure {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm id stored in the hash so a stronger one can take over on next login
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
