package cn.anju.identity;

import cn.anju.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A new production installation has no accounts and no default password. Given
 * {@code ANJU_BOOTSTRAP_ADMIN_PASSWORD} once, it creates the city bureau and the system administrator
 * {@code admin}, who must change that password at first login.
 */
@Component
@Profile("!demo")
@Order(0)
class FirstAdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorBootstrap.class);

    private final IdentitySeeding seeding;
    private final String password;

    FirstAdministratorBootstrap(IdentitySeeding seeding,
                                @Value("${anju.bootstrap.admin-password:}") String password) {
        this.seeding = seeding;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seeding.hasAccounts()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("No accounts exist. Set ANJU_BOOTSTRAP_ADMIN_PASSWORD once to create the system administrator 'admin'.");
            return;
        }
        seeding.organisation("HB-610800", "榆林市住房和城乡建设局", OrganisationType.CITY_BUREAU, "610800", null);
        seeding.account("admin", "系统管理员", "HB-610800", Set.of(Role.SYSTEM_ADMIN), Set.of(), password, true);
        log.info("Created the system administrator 'admin'; the password must be changed at first login.");
    }
}
