package org.tiptrace.app.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tiptrace.app.web.ApiError;
import org.tiptrace.audit.AuditAction;

/**
 * The app's two filter chains. Both authenticate against {@link UserAccounts} through their own
 * {@link AuthenticationManager} (not a bean, so it never becomes the global one), and both sit
 * after the hotline API's chain ({@code @Order(1)}, {@code /ispws/**}), which authenticates its own
 * clients.
 *
 * <ul>
 *   <li>{@code @Order(5)} {@code /api/**}: HTTP Basic, stateless, JSON 401/403.
 *   <li>{@code @Order(10)} everything else: form login for the pages, session, CSRF.
 * </ul>
 *
 * Every route names its role; anything not listed is denied (fail closed), so a new endpoint is
 * unreachable until it is added here.
 */
@Configuration
class SecurityConfig {
  static final String CSP =
      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
          + " object-src 'none'";

  private final AuthenticationManager apiAuthentication;
  private final AuthenticationManager pageAuthentication;

  SecurityConfig(UserAccounts users, AuditTrail audit) {
    this.apiAuthentication = authentication(users, audit, "api basic");
    this.pageAuthentication = authentication(users, audit, "form");
  }

  /** A manager whose every success and failure goes to the audit log, tagged with its channel. */
  private static AuthenticationManager authentication(
      UserAccounts users, AuditTrail audit, String channel) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users.userDetailsService());
    provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    ProviderManager manager = new ProviderManager(provider);
    manager.setAuthenticationEventPublisher(
        audit.logins(
            channel,
            AuditAction.LOGIN_SUCCEEDED,
            AuditAction.LOGIN_FAILED,
            a ->
                a.getPrincipal() instanceof TiptraceUser u
                    ? Optional.of(u.agency())
                    : Optional.empty()));
    return manager;
  }

  @Bean
  @Order(5)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"Tiptrace API\"");
          new ApiError(401, "authentication required", request.getRequestURI()).writeTo(response);
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            new ApiError(403, "access denied", request.getRequestURI()).writeTo(response);
    http.securityMatcher("/api/**")
        .authenticationManager(apiAuthentication)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.POST, "/api/v1/intake")
                    .hasRole(Role.INTAKE.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/tips", "/api/v1/tips/*")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/queue", "/api/v1/subjects/*")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/subjects/*/split",
                        "/api/v1/subjects/*/merge",
                        "/api/v1/holds")
                    .hasRole(Role.INVESTIGATOR.name())
                    .anyRequest()
                    .denyAll())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // CSRF is off for the API only, because nothing a browser sends on its own authenticates
        // here: the chain is stateless and ignores the page session cookie, so a forged request
        // carries no credentials. The one exception is Basic credentials a browser cached after a
        // 401 challenge; the cross-site guard below refuses any request a browser marks as coming
        // from another site (Fetch Metadata), which closes that path. The pages keep CSRF.
        .csrf(c -> c.disable())
        .addFilterBefore(new CrossSiteRequestGuard(), BasicAuthenticationFilter.class)
        .headers(SecurityConfig::headers);
    return http.build();
  }

  @Bean
  @Order(10)
  SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
    http.authenticationManager(pageAuthentication)
        .authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/login", "/css/**", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/", "/tips/*")
                    .hasRole(Role.ANALYST.name())
                    .anyRequest()
                    .denyAll())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(SecurityConfig::headers);
    return http.build();
  }

  private static void headers(HeadersConfigurer<HttpSecurity> h) {
    h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER));
    // X-Content-Type-Options: nosniff and Cache-Control: no-store are Spring Security defaults.
  }

  /**
   * Refuses API requests that a browser marks as cross-site ({@code Sec-Fetch-Site: cross-site} or
   * {@code same-site}). Non-browser clients send no such header and are not affected.
   */
  static final class CrossSiteRequestGuard extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String site = request.getHeader("Sec-Fetch-Site");
      if (site != null) {
        String s = site.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cross-site") || s.equals("same-site")) {
          new ApiError(403, "cross-site API requests are refused", request.getRequestURI())
              .writeTo(response);
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }
}
