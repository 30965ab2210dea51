package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Duty;
import cn.anju.shared.Role;
import cn.anju.shared.web.MachineEndpoint;
import cn.anju.shared.web.MenuEntry;
import cn.anju.shared.web.MenuGroup;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import cn.anju.shared.web.RoleSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;

import java.util.Set;

/** Who reaches the rent pages and which POSTs are refused before their body is read, and the one cashier rule. */
@Configuration(proxyBeanMethods = false)
public class RentAccess {

    static final Set<Role> GOVERNMENT = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> OPERATOR = Set.of(Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    static final Set<Role> MANAGER = Set.of(Role.OPERATOR_MANAGER);
    static final Set<Role> FINANCE = Set.of(Role.FINANCE);
    static final Set<Role> TENANT = Set.of(Role.TENANT);
    /** Who reads the bills: the government, finance and the operator's staff. */
    static final Set<Role> STAFF = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    /** Who reads the standards and the treasury: the government, finance and the operator's manager. */
    static final Set<Role> OVERSEERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER);
    /** A household's rent page: the bills' readers, and the tenant for their own. */
    static final Set<Role> HOUSEHOLD_READERS = Set.of(Role.GOV_ADMIN, Role.GOV_OFFICER, Role.FINANCE, Role.OPERATOR_MANAGER,
            Role.OPERATOR_STAFF, Role.TENANT);
    static final Set<Role> BILL_RUNNERS = Set.of(Role.OPERATOR_MANAGER, Role.GOV_ADMIN, Role.GOV_OFFICER);
    static final Set<Role> ONLINE_PAYERS = Set.of(Role.TENANT, Role.OPERATOR_MANAGER, Role.OPERATOR_STAFF);
    static final Set<Role> REFUNDERS = Set.of(Role.OPERATOR_MANAGER, Role.FINANCE);

    public boolean government(Authentication who) {
        return RoleSets.granted(who, GOVERNMENT);
    }

    public boolean operator(Authentication who) {
        return RoleSets.granted(who, OPERATOR);
    }

    public boolean manager(Authentication who) {
        return RoleSets.granted(who, MANAGER);
    }

    public boolean finance(Authentication who) {
        return RoleSets.granted(who, FINANCE);
    }

    public boolean tenant(Authentication who) {
        return RoleSets.granted(who, TENANT);
    }

    public boolean staff(Authentication who) {
        return RoleSets.granted(who, STAFF);
    }

    public boolean overseers(Authentication who) {
        return RoleSets.granted(who, OVERSEERS);
    }

    public boolean householdReaders(Authentication who) {
        return RoleSets.granted(who, HOUSEHOLD_READERS);
    }

    public boolean billRunners(Authentication who) {
        return RoleSets.granted(who, BILL_RUNNERS);
    }

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
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.bills", "/rent/bills", 20, STAFF);
    }

    @Bean
    MenuEntry standardsMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.rentStandards", "/rent/standards", 30, OVERSEERS);
    }

    @Bean
    MenuEntry treasuryMenu() {
        return new MenuEntry(MenuGroup.RENT_AND_USE, "menu.treasury", "/rent/treasury", 40, OVERSEERS);
    }

    @Bean
    RoleGate remittanceGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/remittances", MANAGER);
    }

    /** Only finance confirms a remittance, whatever the body. */
    @Bean
    @Order(0)
    RoleGate remittanceConfirmationGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/remittances/*/confirmation", FINANCE);
    }

    @Bean
    MenuEntry myRentMenu() {
        return new MenuEntry(MenuGroup.PERSONAL, "menu.myRent", "/my/rent", 5, TENANT);
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
        return new RoleGate(HttpMethod.POST, "/api/v1/online-payments", ONLINE_PAYERS);
    }

    @Bean
    RoleGate refundRequestGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund-request", MANAGER);
    }

    @Bean
    RoleGate refundApprovalGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund-approval", FINANCE);
    }

    @Bean
    RoleGate refundRecordGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/gateway-exceptions/*/refund", MANAGER);
    }

    @Bean
    RoleGate refundPageGate() {
        return new RoleGate(HttpMethod.POST, "/rent/treasury/exceptions/**", REFUNDERS);
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
        return new RoleGate(HttpMethod.POST, "/api/v1/payments/*/reversal", MANAGER);
    }

    @Bean
    RoleGate billRunGate() {
        return new RoleGate(HttpMethod.POST, "/api/v1/bill-runs", BILL_RUNNERS);
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
