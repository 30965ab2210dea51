package cn.anju.shared.web;

/**
 * An API path that a partner system calls server to server (a payment gateway's callback), without a session or a
 * CSRF token: the endpoint authenticates every request itself (a signature, a timestamp, a nonce) and must refuse
 * anything it cannot verify. Declared as a bean by the module that owns it.
 */
public record MachineEndpoint(String pattern) {
}
