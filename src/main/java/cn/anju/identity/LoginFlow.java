package cn.anju.identity;

import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * The login door (MLPS 2.0 level 3): before the password is checked, a locked name is turned away and a CAPTCHA is
 * demanded after the policy's number of failures; afterwards failures are counted and successes reset the count,
 * set the idle timeout of the district's policy and send a person with an administrator's password to change it.
 * An unknown name and a wrong password look exactly the same from outside.
 */
@Component
class LoginFlow extends OncePerRequestFilter implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String LAST_USERNAME = "anju.login.lastUsername";
    static final String CAPTCHA_ANSWER = "anju.login.captcha";
    static final String LAST_ACTIVITY = "anju.lastActivity";
    static final String IDLE_MINUTES = "anju.idleMinutes";
    static final String SECOND_FACTOR_PENDING = "anju.secondFactorPending";

    private final LoginAttempts attempts;
    private final LoginPolicyResolver policies;
    private final AuditLog audit;
    private final SecondFactor secondFactor;
    private final Clock clock;

    LoginFlow(LoginAttempts attempts, LoginPolicyResolver policies, AuditLog audit, SecondFactor secondFactor, Clock clock) {
        this.attempts = attempts;
        this.policies = policies;
        this.audit = audit;
        this.secondFactor = secondFactor;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    /** Runs before the password check. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = normalise(request.getParameter("username"));
        HttpSession session = request.getSession();
        session.setAttribute(LAST_USERNAME, username);
        if (attempts.locked(username)) {
            audit.recordAnonymous(IdentityAudit.LOGIN, "app_user", policies.accountId(username), AuditOutcome.DENIED,
                    Map.of("reason", "LOCKED"));
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        if (attempts.captchaRequired(username, policies.forUsername(username))) {
            Object expected = session.getAttribute(CAPTCHA_ANSWER);
            session.removeAttribute(CAPTCHA_ANSWER); // one try per drawn CAPTCHA
            String given = request.getParameter("captcha");
            if (expected == null || given == null || !expected.toString().equals(given.trim())) {
                audit.recordAnonymous(IdentityAudit.LOGIN, "app_user", policies.accountId(username), AuditOutcome.DENIED,
                        Map.of("reason", "CAPTCHA"));
                response.sendRedirect(request.getContextPath() + "/login?captcha");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = normalise(request.getParameter("username"));
        LoginAttempts.Status status = attempts.recordFailure(username, policies.forUsername(username));
        Long accountId = policies.accountId(username);
        audit.recordAnonymous(IdentityAudit.LOGIN, "app_user", accountId, AuditOutcome.FAILED,
                Map.of("reason", accountId == null ? "UNKNOWN_ACCOUNT" : exception.getClass().getSimpleName(),
                        "failures", status.failures()));
        boolean locked = status.lockedAt(clock.instant());
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        CurrentUser user = ((AccountUserDetails) authentication.getPrincipal()).currentUser();
        attempts.reset(user.username());
        SecurityPolicy policy = policies.forUsername(user.username());
        HttpSession session = request.getSession();
        session.removeAttribute(LAST_USERNAME);
        session.setAttribute(IDLE_MINUTES, policy.idleTimeoutMinutes());
        session.setAttribute(LAST_ACTIVITY, clock.millis());
        session.setMaxInactiveInterval(policy.idleTimeoutMinutes() * 60);
        audit.record(IdentityAudit.LOGIN, "app_user", user.id(), AuditOutcome.SUCCESS, Map.of());
        if (secondFactor.required(user)) {
            // the password was right; nothing else opens until the code is given too (SessionGuards)
            session.setAttribute(SECOND_FACTOR_PENDING, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/login/second-factor");
            return;
        }
        response.sendRedirect(request.getContextPath() + (user.mustChangePassword() ? "/password/change" : "/"));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
