package cn.anju.identity;

import cn.anju.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** API callers get 401/403 as problem details, never a redirect to the login page. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", Problems.defaultDetail(HttpStatus.UNAUTHORIZED)));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemDetail problem = e instanceof CsrfException
                ? Problems.of(HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", "安全令牌缺失或已失效，请刷新页面后重试。")
                : Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", Problems.defaultDetail(HttpStatus.FORBIDDEN));
        write(request, response, problem);
    }

    /** With the path as {@code instance}, like every other problem the API answers. */
    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.withInstance(problem, request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
