package org.tiptrace.app.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
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
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tiptrace.app.web.ApiError;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;

/**
 * The app's two filter chains. Both authenticate against {@link UserAccounts} through their own
 * {@link AuthenticationManager} (not a bean, so it never becomes the global one), wrapped in the
 * login throttle ({@link ThrottledAuthentication}), and both sit after the hotline API's chain
 * ({@code @Order(1)}, {@code /ispws/**}), which authenticates its own clients.
 *
 * <ul>
 *   <li>{@code @Order(5)} {@code /api/**}: bearer tokens ({@link BearerTokenFilter}) and HTTP Basic
 *       (accounts without a second factor only), stateless, JSON 401/403/429.
 *   <li>{@code @Order(10)} everything else: form login (or OIDC single sign-on when configured,
 *       {@link OidcLogin}), then the TOTP step ({@link TotpLogin}) for accounts with a secret or
 *       when {@code tiptrace.security.require-totp}; session, CSRF.
 * </ul>
 *
 * Every route names its {@link Permission} in {@link #API_ROUTES} or {@link #PAGE_ROUTES}: a new
 * endpoint is one line there. Anything not listed is denied (fail closed).
 */
@Configuration
class SecurityConfig {
  static final String CSP =
      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
          + " object-src 'none'";

  /** One line per API route: method, permission, patterns. */
  static final List<Route> API_ROUTES =
      List.of(
          Route.of(HttpMethod.POST, Permission.SUBMIT_INTAKE, "/api/v1/intake"),
          Route.of(
              HttpMethod.GET,
              Permission.READ_TIPS,
              "/api/v1/tips",
              "/api/v1/tips/*",
              "/api/v1/tips/*/graph",
              "/api/v1/routing/review"),
          // The viewing gate (app.evidence): the role reads; the gate decides per file.
          Route.of(
              HttpMethod.GET,
              Permission.READ_TIPS,
              "/api/v1/tips/*/files",
              "/api/v1/tips/*/files/*/content",
              "/api/v1/tips/*/files/*/exif"),
          Route.of(HttpMethod.POST, Permission.WORK_TIPS, "/api/v1/tips/*/warrants"),
          Route.of(HttpMethod.GET, Permission.READ_TIPS, "/api/v1/queue", "/api/v1/subjects/*"),
          Route.of(
              HttpMethod.POST,
              Permission.WORK_TIPS,
              "/api/v1/subjects/*/split",
              "/api/v1/subjects/*/merge",
              "/api/v1/holds"),
          Route.of(HttpMethod.POST, Permission.SUPERVISE, "/api/v1/ip/reassess"),
          Route.of(HttpMethod.GET, Permission.SUPERVISE, "/api/v1/jobs/*"),
          Route.of(HttpMethod.POST, Permission.SUPERVISE, "/api/v1/jobs/*/rerun"),
          Route.of(HttpMethod.GET, Permission.ADMINISTER, "/api/v1/hashsets"),
          Route.of(HttpMethod.POST, Permission.ADMINISTER, "/api/v1/hashsets"),
          Route.of(HttpMethod.DELETE, Permission.ADMINISTER, "/api/v1/hashsets/*"),
          Route.of(HttpMethod.GET, Permission.ADMINISTER, "/api/v1/hashsets/jobs/*"),
          Route.of(HttpMethod.POST, Permission.ADMINISTER, "/api/v1/hashsets/jobs/*/rerun"),
          Route.of(
              HttpMethod.GET,
              Permission.ADMINISTER,
              "/api/v1/rules",
              "/api/v1/rules/*/*",
              "/api/v1/rules/*/*/diff"),
          Route.of(
              HttpMethod.POST,
              Permission.ADMINISTER,
              "/api/v1/rules/*",
              "/api/v1/rules/*/*/activate"),
          // Account and agency administration (app.admin, decision 0016).
          Route.of(
              HttpMethod.GET,
              Permission.ADMINISTER,
              "/api/v1/admin/users",
              "/api/v1/admin/users/*"),
          Route.of(
              HttpMethod.POST,
              Permission.ADMINISTER,
              "/api/v1/admin/users",
              "/api/v1/admin/users/*/disable",
              "/api/v1/admin/users/*/enable",
              "/api/v1/admin/users/*/password",
              "/api/v1/admin/users/*/totp-reset"),
          Route.of(HttpMethod.PUT, Permission.ADMINISTER, "/api/v1/admin/users/*/roles"),
          Route.of(HttpMethod.GET, Permission.MANAGE_AGENCIES, "/api/v1/admin/agencies"),
          Route.of(HttpMethod.POST, Permission.MANAGE_AGENCIES, "/api/v1/admin/agencies"),
          Route.of(HttpMethod.PUT, Permission.MANAGE_AGENCIES, "/api/v1/admin/agencies/*"),
          Route.of(HttpMethod.GET, Permission.SIGNED_IN, "/api/docs", "/api/docs.yaml"));

  /** One line per page route. The login pages are set up in {@link #pageChain}. */
  static final List<Route> PAGE_ROUTES =
      List.of(
          Route.of(
              HttpMethod.GET,
              Permission.READ_TIPS,
              "/",
              "/tips/*",
              "/queue",
              "/queue/*/explanation",
              "/deadlines",
              "/dashboard",
              "/tips/*/graph",
              "/tips/*/graph.json",
              "/subjects",
              "/subjects/*/graph",
              "/subjects/*/graph.json"),
          Route.of(
              HttpMethod.GET, Permission.READ_TIPS, "/tips/*/files", "/tips/*/files/*/content"),
          Route.of(HttpMethod.POST, Permission.READ_TIPS, "/tips/*/files/*/reveal"),
          Route.of(HttpMethod.POST, Permission.WORK_TIPS, "/tips/*/warrants"),
          Route.of(HttpMethod.GET, Permission.SUPERVISE, "/ip/reassess", "/ip/jobs/*"),
          Route.of(HttpMethod.POST, Permission.SUPERVISE, "/ip/reassess"),
          Route.of(HttpMethod.POST, Permission.SUPERVISE, "/ip/jobs/*/rerun"),
          Route.of(HttpMethod.GET, Permission.ADMINISTER, "/admin"),
          Route.of(
              HttpMethod.GET, Permission.ADMINISTER, "/admin/hashsets", "/admin/hashsets/jobs/*"),
          Route.of(
              HttpMethod.POST,
              Permission.ADMINISTER,
              "/admin/hashsets",
              "/admin/hashsets/remove",
              "/admin/hashsets/category-map"),
          Route.of(HttpMethod.POST, Permission.ADMINISTER, "/admin/hashsets/jobs/*/rerun"),
          Route.of(HttpMethod.GET, Permission.ADMINISTER, "/admin/rules", "/admin/rules/*/*"),
          Route.of(
              HttpMethod.POST,
              Permission.ADMINISTER,
              "/admin/rules/*",
              "/admin/rules/*/*/activate"),
          Route.of(HttpMethod.GET, Permission.ADMINISTER, "/admin/users", "/admin/users/*"),
          Route.of(
              HttpMethod.POST,
              Permission.ADMINISTER,
              "/admin/users",
              "/admin/users/*/roles",
              "/admin/users/*/enabled",
              "/admin/users/*/password",
              "/admin/users/*/totp-reset"),
          Route.of(HttpMethod.GET, Permission.MANAGE_AGENCIES, "/admin/agencies"),
          Route.of(
              HttpMethod.POST,
              Permission.MANAGE_AGENCIES,
              "/admin/agencies",
              "/admin/agencies/*/name"));

  /** A route: requests of {@code method} to any of {@code patterns} need {@code permission}. */
  record Route(HttpMethod method, Permission permission, List<String> patterns) {
    static Route of(HttpMethod method, Permission permission, String... patterns) {
      return new Route(method, permission, List.of(patterns));
    }
  }

  private final AuthenticationManager apiAuthentication;
  private final AuthenticationManager pageAuthentication;
  private final UserAccounts users;
  private final AuditTrail audit;
  private final LoginThrottle throttle;
  private final TotpLogin totp;
  private final OidcLogin oidc;
  private final Clock clock;

  SecurityConfig(
      UserAccounts users,
      AuditTrail audit,
      LoginThrottle throttle,
      TotpLogin totp,
      SecuritySettings settings,
      OidcLogin oidc,
      Clock clock) {
    this.users = users;
    this.oidc = oidc;
    this.audit = audit;
    this.throttle = throttle;
    this.totp = totp;
    this.clock = clock;
    this.apiAuthentication = authentication("api basic", true, settings.requireTotp());
    this.pageAuthentication = authentication("form", false, settings.requireTotp());
  }

  /** A manager whose every success and failure goes to the audit log, tagged with its channel. */
  private AuthenticationManager authentication(String channel, boolean api, boolean requireTotp) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users.userDetailsService());
    provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    ProviderManager manager =
        new ProviderManager(
            new ThrottledAuthentication(
                provider, throttle, users, audit, clock, channel, api, requireTotp));
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
          if (e instanceof ThrottledAuthentication.LoginThrottledException) {
            new ApiError(429, "too many failed logins; retry later", request.getRequestURI())
                .writeTo(response);
            return;
          }
          response.setHeader("WWW-Authenticate", "Basic realm=\"Tiptrace API\"");
          String message =
              e instanceof ThrottledAuthentication.SecondFactorRequiredException
                  ? e.getMessage()
                  : "authentication required";
          new ApiError(401, message, request.getRequestURI()).writeTo(response);
        };
    AccessDeniedHandler forbidden =
        (request, response, e) -> {
          List<String> allowed = allowedMethods(request.getMethod(), request.getRequestURI());
          if (!allowed.isEmpty()) {
            response.setHeader("Allow", String.join(", ", allowed));
            new ApiError(405, "method not allowed", request.getRequestURI()).writeTo(response);
            return;
          }
          new ApiError(403, "access denied", request.getRequestURI()).writeTo(response);
        };
    http.securityMatcher("/api/**")
        .authenticationManager(apiAuthentication)
        .authorizeHttpRequests(
            a -> {
              for (Route r : API_ROUTES) {
                a.requestMatchers(r.method(), r.patterns().toArray(String[]::new))
                    .hasAnyRole(r.permission().roleNames());
              }
              a.anyRequest().denyAll();
            })
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
        .addFilterBefore(
            new BearerTokenFilter(users, throttle, audit, clock), BasicAuthenticationFilter.class)
        .headers(SecurityConfig::headers);
    return http.build();
  }

  @Bean
  @Order(10)
  SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
    AccessDeniedHandler pendingGoesToTotp =
        (request, response, e) -> {
          if (TotpLogin.pending().isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login/totp");
          } else {
            response.sendError(403);
          }
        };
    http.authenticationManager(pageAuthentication)
        .securityContext(c -> c.securityContextRepository(totp.contexts()))
        .authorizeHttpRequests(
            a -> {
              a.dispatcherTypeMatchers(DispatcherType.ERROR)
                  .permitAll()
                  .requestMatchers(
                      HttpMethod.GET,
                      "/login",
                      "/favicon.svg",
                      "/css/**",
                      "/js/**",
                      "/webjars/**",
                      "/error",
                      OidcLogin.REFUSED_PAGE)
                  .permitAll()
                  .requestMatchers("/login/totp", "/login/totp/enrol")
                  .hasAuthority(PendingTotpAuthentication.AUTHORITY);
              for (Route r : PAGE_ROUTES) {
                a.requestMatchers(r.method(), r.patterns().toArray(String[]::new))
                    .hasAnyRole(r.permission().roleNames());
              }
              a.anyRequest().denyAll();
            })
        .formLogin(f -> f.loginPage("/login").successHandler(totp.afterPassword()))
        .logout(
            l ->
                l.logoutSuccessUrl("/login?logout")
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null) {
                            audit.record(
                                authentication.getName(),
                                authentication.getPrincipal() instanceof TiptraceUser u
                                    ? Optional.of(u.agency())
                                    : Optional.empty(),
                                AuditAction.LOGOUT,
                                AuditSubjectType.NONE,
                                "",
                                "form");
                          }
                        }))
        .exceptionHandling(e -> e.accessDeniedHandler(pendingGoesToTotp))
        // A session whose account changed since the sign-in ends on its next request.
        .addFilterBefore(new SessionRecheck(users, audit), AuthorizationFilter.class)
        .headers(SecurityConfig::headers);
    // Single sign-on, only when tiptrace.oidc.issuer-uri is set.
    oidc.configure(http);
    return http.build();
  }

  /**
   * The methods {@link #API_ROUTES} list for {@code path} when {@code method} is not among them:
   * the route exists, so the answer is 405 with {@code Allow}, not 403. Empty otherwise.
   */
  static List<String> allowedMethods(String method, String path) {
    AntPathMatcher matcher = new AntPathMatcher();
    List<String> allowed =
        API_ROUTES.stream()
            .filter(r -> r.patterns().stream().anyMatch(p -> matcher.match(p, path)))
            .map(r -> r.method().name())
            .distinct()
            .sorted()
            .toList();
    return allowed.contains(method) ? List.of() : allowed;
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
