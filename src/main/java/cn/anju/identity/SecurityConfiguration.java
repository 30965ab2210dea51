package cn.anju.identity;

import cn.anju.shared.Role;
import cn.anju.shared.web.MachineEndpoint;
import cn.anju.shared.web.PublicPath;
import cn.anju.shared.web.RoleGate;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/**
 * Three filter chains: {@code /actuator/**} (health for anyone, the rest with a monitoring token), {@code /api/**}
 * (session or personal token; 401/403 as problem details) and the web UI with the Chinese login page. The last two
 * share the database-backed session, the idle timeout, the forced password change
 * and CSRF protection (not needed, and not applied, when a token rather than a cookie authenticates).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication // command-line tasks (--anju.command) run without a web server
class SecurityConfiguration implements WebMvcConfigurer {

    /** The public's read-only API: published information, no sign-in. */
    static final String PUBLIC_API = "/api/public/**";

    static final String[] PUBLIC_PATHS = {"/login", "/login/captcha", "/webjars/**", "/css/**", "/js/**", "/img/**",
            "/favicon.ico", "/error", AccountActivationController.PATH};

    /**
     * No page or answer of ours is shown inside a frame, not even by our own pages (PDFs open in their own tab), so
     * framing is refused outright, and the two headers that say so agree: CSP for current browsers,
     * {@code X-Frame-Options: DENY} for older ones. A clickjacking page cannot frame a form.
     */
    static final String FRAMING = "frame-ancestors 'none'";

    /**
     * Operations endpoints: {@code /actuator/health} answers anyone with the status only (load balancers and scripts
     * poll it); every other endpoint needs the API token of an account with the MONITOR role. No session, no form
     * login, no CSRF (a token, not a cookie, authenticates).
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, JsonMapper json, ApiTokens tokens) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher("/actuator/**")
                .securityContext(c -> c.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(
                        SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                    a.anyRequest().hasRole(Role.MONITOR.name());
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenAuthentication.Filter(tokens, json), AuthorizationFilter.class)
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json, ApiTokens tokens, Clock clock,
                                 SecurityContextRepository contexts, List<RoleGate> gates,
                                 List<MachineEndpoint> machines) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.securityMatcher("/api/**")
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> {
                    // partner callbacks verify their own signatures: no session, no CSRF token
                    machines.forEach(m -> a.requestMatchers(m.pattern()).permitAll());
                    // what is published is anyone's to read, signed in or not (信息公开)
                    a.requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll();
                    gates.forEach(g -> a.requestMatchers(g.method(), g.pattern()).hasAnyRole(g.roleNames()));
                    a.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.frameOptions(f -> f.deny()).contentSecurityPolicy(c -> c.policyDirectives(FRAMING)))
                .csrf(c -> {
                    c.ignoringRequestMatchers(ApiTokenAuthentication::presentsToken);
                    machines.forEach(m -> c.ignoringRequestMatchers(m.pattern()));
                })
                .addFilterAfter(new ApiTokenAuthentication.Filter(tokens, json), CsrfFilter.class)
                .addFilterBefore(new SessionGuards(clock, json), AuthorizationFilter.class)
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, LoginFlow loginFlow, JsonMapper json, Clock clock,
                                 SecurityContextRepository contexts, List<RoleGate> gates,
                                 List<PublicPath> publicPaths) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(PUBLIC_PATHS).permitAll();
                    publicPaths.forEach(p -> a.requestMatchers(p.pattern()).permitAll());
                    gates.forEach(g -> a.requestMatchers(g.method(), g.pattern()).hasAnyRole(g.roleNames()));
                    a.anyRequest().authenticated();
                })
                .addFilterBefore(loginFlow, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionGuards(clock, json), AuthorizationFilter.class)
                .formLogin(f -> f.loginPage("/login").successHandler(loginFlow).failureHandler(loginFlow))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; form-action 'self'; " + FRAMING)));
        return http.build();
    }

    /** The login filter belongs to the security chain only, not to every request. */
    @Bean
    FilterRegistrationBean<LoginFlow> loginFlowNotAServletFilter(LoginFlow loginFlow) {
        FilterRegistrationBean<LoginFlow> registration = new FilterRegistrationBean<>(loginFlow);
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
        // the signed-in person comes from the session or the token, never from the caller: not an API parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }
}
