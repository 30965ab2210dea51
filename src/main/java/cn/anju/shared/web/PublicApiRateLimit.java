package cn.anju.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public API ({@code /api/public/**}, no sign-in) answers each client address at most {@code anju.public-api.limit}
 * requests per {@code anju.public-api.window} (default 30 per 10 s, enough for a person paging and for a feed reader,
 * not for a scraper); beyond that 429 {@code RATE_LIMITED} with {@code Retry-After}. Counted per node in memory: a
 * cluster behind a load balancer limits each client per node, which is what the limit is for (sparing the database).
 */
@Configuration(proxyBeanMethods = false)
class PublicApiRateLimit implements WebMvcConfigurer {

    private final int limit;
    private final long windowMillis;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long currentWindow = -1;

    PublicApiRateLimit(@Value("${anju.public-api.limit:30}") int limit, @Value("${anju.public-api.window:10s}") Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                long now = System.currentTimeMillis(); // wall time, not the platform's Clock: a window is real seconds, whatever day the platform thinks it is
                long window = now / windowMillis;
                if (window != currentWindow) {
                    counts.clear(); // a new window: every client starts again (and the map never grows past one window)
                    currentWindow = window;
                }
                if (counts.computeIfAbsent(request.getRemoteAddr(), k -> new AtomicInteger()).incrementAndGet() > limit) {
                    long wait = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
                    response.setHeader("Retry-After", Long.toString(wait));
                    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "公开信息查询过于频繁，请 " + wait + " 秒后再试。");
                }
                return true;
            }
        }).addPathPatterns("/api/public/**");
    }
}
