package cn.anju.identity;

import cn.anju.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/**
 * Two rules for every signed-in browser session: it ends after the policy's idle minutes (measured with the
 * platform clock, so tests can move time), and a person with an administrator-set password can do nothing but
 * change it. Token-authenticated API calls have no session and pass through.
 */
class SessionGuards extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_CHANGE = Set.of("/password/change", "/logout", "/login",
            "/login/captcha", "/error", "/favicon.ico");

    private final Clock clock;
    private final JsonMapper json;

    SessionGuards(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null || !(auth.getPrincipal() instanceof AccountUserDetails details) || session == null
                || auth instanceof ApiTokenAuthentication) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        Object last = session.getAttribute(LoginFlow.LAST_ACTIVITY);
        Object idle = session.getAttribute(LoginFlow.IDLE_MINUTES);
        if (last instanceof Long l && idle instanceof Integer minutes && now - l > minutes * 60_000L) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            refuse(request, response, HttpStatus.UNAUTHORIZED, "SESSION_EXPIRED",
                    "会话已因长时间未操作而失效，请重新登录。", "/login?expired");
            return;
        }
        session.setAttribute(LoginFlow.LAST_ACTIVITY, now);
        String path = request.getServletPath();
        if (Boolean.TRUE.equals(session.getAttribute(LoginFlow.SECOND_FACTOR_PENDING))
                && !path.equals("/login/second-factor") && !path.equals("/logout") && !path.equals("/error")
                && !path.startsWith("/webjars/") && !path.startsWith("/css/") && !path.startsWith("/js/")) {
            refuse(request, response, HttpStatus.UNAUTHORIZED, "SECOND_FACTOR_REQUIRED",
                    "管理员登录还需输入身份验证器中的动态码。", "/login/second-factor");
            return;
        }
        if (details.currentUser().mustChangePassword() && !ALLOWED_BEFORE_CHANGE.contains(path)
                && !path.startsWith("/webjars/") && !path.startsWith("/css/") && !path.startsWith("/js/")) {
            refuse(request, response, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
                    "请先修改管理员设置的初始密码。", "/password/change");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String detail, String page) throws IOException {
        if (request.getServletPath().startsWith("/api/")) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(),
                    Problems.withInstance(Problems.of(status, code, detail), request.getRequestURI()));
        } else {
            response.sendRedirect(request.getContextPath() + page);
        }
    }
}
