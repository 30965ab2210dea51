package cn.anju.shared.web;

/**
 * A page anyone may open without signing in (e.g. a tenant activating an account), declared as a bean by the module
 * that owns it, so the security configuration need not know every module's paths.
 */
public record PublicPath(String pattern) {
}
