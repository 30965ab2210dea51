package cn.anju.identity;

import cn.anju.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/** An API call authenticated by a personal token: acts as the owner for this request only, with no session. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final AccountUserDetails owner;

    ApiTokenAuthentication(AccountUserDetails owner) {
        super(owner.getAuthorities());
        this.owner = owner;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    static boolean presentsToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ");
    }

    /** Reads {@code Authorization: Bearer anju_...}; an invalid token is a 401, never a fall-back to the session. */
    static final class Filter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final JsonMapper json;

        Filter(ApiTokens tokens, JsonMapper json) {
            this.tokens = tokens;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!presentsToken(request)) {
                chain.doFilter(request, response);
                return;
            }
            Optional<AccountUserDetails> owner = tokens.authenticate(request.getHeader("Authorization").substring(7).trim());
            if (owner.isEmpty()) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), Problems.withInstance(Problems.of(HttpStatus.UNAUTHORIZED,
                        "TOKEN_INVALID", "访问令牌无效、已过期或已被撤销。"), request.getRequestURI()));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiTokenAuthentication(owner.get()));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
