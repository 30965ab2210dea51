package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.MachineEndpoint;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import java.util.Set;

/** Who reaches the rent pages and which POSTs are refused before their body is read, and the one cashier rule. */
@Configuration(proxyBeanMethods = false)
public class RentAccess {

    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> OPERATOR = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);

    /** Who takes money at the counter and matches bank lines: the operator's manager, or staff holding the cashier duty. */
    public static boolean isCashier(CurrentUser user) {
        return user.has(Role.OPERATOR_MANAGER) || user.has(Role.OPERATOR_STAFF) && user.duties().contains(Duty.CASHIER);
    }

    @Bean
    MenuEntry counterMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.rentCounter", "/rent/counter", 10, OPERATOR);
    }

    @Bean
    MenuEntry billsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.bills", "/rent/bills", 20,
                Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
    }

    @Bean
    MenuEntry standardsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.rentStandards", "/rent/standards", 30,
                Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER));
    }

    @Bean
    MenuEntry treasuryMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.treasury", "/rent/treasury", 40,
                Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER));
    }

    @Bean
    RoleGate remittanceGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/remittances", Set.of(Role.OPERATOR_MANAGER));
    }

    /** Only finance confirms a remittance, whatever the body. */
    @Bean
    @Order(0)
    RoleGate remittanceConfirmationGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/remittances/*/confirmation", Set.of(Role.FINANCE));
    }

    @Bean
    MenuEntry myRentMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myRent", "/my/rent", 5, Set.of(Role.TENANT));
    }

    /** The gateway calls back server to server; the endpoint checks signature, timestamp and nonce itself. */
    @Bean
    MachineEndpoint gatewayCallbacks() {
        return new MachineEndpoint("/api/v1/gateway/callbacks/**");
    }

    /**
     * The simulated gateway's page stands for the gateway's own site; its controller exists in the demo profile only,
     * so elsewhere the path is public and answers 404 (not a login page that suggests something is there).
     */
    @Bean
    PublicPath simulatedGateway() {
        return new PublicPath("/gateway-sim/**");
    }

    @Bean
    RoleGate onlineOrderGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/online-payments", Set.of(Role.TENANT, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF));
    }

    @Bean
    RoleGate refundRequestGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund-request", Set.of(Role.OPERATOR_MANAGER));
    }

    @Bean
    RoleGate refundApprovalGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund-approval", Set.of(Role.FINANCE));
    }

    @Bean
    RoleGate refundRecordGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund", Set.of(Role.OPERATOR_MANAGER));
    }

    @Bean
    RoleGate refundPageGate() {
        return new RoleGate(HttpMethod.POST, "/rent/treasury/exceptions/**", Set.of(Role.OPERATOR_MANAGER, Role.FINANCE));
    }

    @Bean
    RoleGate standardGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/rent-standards", GOVERNMENT);
    }

    @Bean
    RoleGate paymentGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/payments", OPERATOR);
    }

    @Bean
    RoleGate reversalGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/payments/*/reversal", Set.of(Role.OPERATOR_MANAGER));
    }

    @Bean
    RoleGate billRunGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/bill-runs", Set.of(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER));
    }

    @Bean
    RoleGate bankStatementGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/bank-statements", OPERATOR);
    }

    @Bean
    RoleGate otherChargesGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/rent-accounts/*/other-charges/**", OPERATOR);
    }

    @Bean
    RoleGate otherChargesSetGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/rent-accounts/*/other-charges", OPERATOR);
    }

    @Bean
    RoleGate bankLineGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/bank-lines/**", OPERATOR);
    }

    @Bean
    RoleGate depositGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/rent-accounts/*/deposit", OPERATOR);
    }
}
