package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new production installation has no accounts and no default password. It creates the city bureau and the three
 * separated administrators (三员分立), each from its own one-time password in the environment:
 * {@code ANJU_BOOTSTRAP_ADMIN_PASSWORD} for the system administrator {@code admin},
 * {@code ANJU_BOOTSTRAP_SECURITY_PASSWORD} for the security administrator {@code security} and
 * {@code ANJU_BOOTSTRAP_AUDITOR_PASSWORD} for the audit administrator {@code auditor}. Each is created once, while
 * no account holds its role, and must change its password at first sign-in. Three people, three passwords: the
 * system administrator opens accounts, only the security administrator can grant them roles.
 */
@Component
@Profile("!demo")
@Order(0)
class FirstAdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorBootstrap.class);

    private final Installation installation;
    private final String adminPassword;
    private final String securityPassword;
    private final String auditorPassword;

    FirstAdministratorBootstrap(Installation installation,
                                @Value("${anju.bootstrap.admin-password:}") String adminPassword,
                                @Value("${anju.bootstrap.security-password:}") String securityPassword,
                                @Value("${anju.bootstrap.auditor-password:}") String auditorPassword) {
        this.installation = installation;
        this.adminPassword = adminPassword;
        this.securityPassword = securityPassword;
        this.auditorPassword = auditorPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean any = !adminPassword.isBlank() || !securityPassword.isBlank() || !auditorPassword.isBlank();
        if (any) {
            installation.cityBureau();
        }
        create("admin", "系统管理员", Role.SYSTEM_ADMIN, adminPassword, "ANJU_BOOTSTRAP_ADMIN_PASSWORD");
        create("security", "安全管理员", Role.SECURITY_ADMIN, securityPassword, "ANJU_BOOTSTRAP_SECURITY_PASSWORD");
        create("auditor", "审计管理员", Role.AUDITOR, auditorPassword, "ANJU_BOOTSTRAP_AUDITOR_PASSWORD");
    }

    private void create(String username, String displayName, Role role, String password, String variable) {
        if (password.isBlank()) {
            if (!installation.roleHeld(role)) {
                log.warn("No {} account exists. Set {} once to create '{}' (to be changed at first sign-in).", role, variable, username);
            }
            return;
        }
        try {
            if (installation.administrator(username, displayName, role, password)) {
                log.info("Created the {} '{}'; the password must be changed at first sign-in.", role, username);
            }
        } catch (ProblemException e) {
            // the password breaks a rule: say which (never the password), create nothing
            log.error("{} was refused ({}): {}", variable, e.code(), e.getMessage());
        }
    }
}
