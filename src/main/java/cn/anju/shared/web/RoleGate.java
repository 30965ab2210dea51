package cn.anju.shared.web;

import cn.anju.shared.Role;
import org.springframework.http.HttpMethod;

import java.util.Set;

/**
 * A role check the security filter makes before the request reaches a controller, declared as a bean by the module
 * that owns the path. For rules that must hold "whatever the body" (an operator posting an eligibility decision
 * gets 403, not a validation error): method security runs only after the body has been read and validated.
 *
 * @param method  the HTTP method
 * @param pattern an Ant-style path pattern, e.g. {@code /api/v1/households/{id}/eligibility-decisions}
 * @param roles   who may pass
 */
public record RoleGate(HttpMethod method, String pattern, Set<Role> roles) {

    public RoleGate {
        roles = Set.copyOf(roles);
    }

    public String[] roleNames() {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
