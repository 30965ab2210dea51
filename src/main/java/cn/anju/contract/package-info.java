/**
 * Contract (政府购买服务): each district's procurement under the budget its finance bureau approved, the service
 * contract with its fee terms, amendments, end or termination (four eyes), the handover of what an end leaves open, and
 * the budget use per contract and year. The contract in force is the only source of an operator's coverage: signing,
 * amending and ending write it through identity's {@link cn.anju.identity.ContractCoverage}.
 */
@ApplicationModule(displayName = "Contract",
        allowedDependencies = {"shared", "identity::api", "identity::actions", "audit::api", "housing::api"})
package cn.anju.contract;

import org.springframework.modulith.ApplicationModule;
