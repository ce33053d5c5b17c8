package org.tiptrace.app.hotline;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;
import org.tiptrace.intake.hotline.HotlineXml;
import org.tiptrace.intake.hotline.ResponseCode;

/**
 * The hotline API's own filter chain ({@code @Order(1)}, {@code /ispws/**}): HTTP Basic against the
 * configured platform accounts only — an investigator's account cannot submit reports, and a
 * platform's cannot read tips. Stateless; CSRF is off because a platform client is not a browser
 * and no cookie authenticates here. A failed login answers HTTP 401 with a {@code reportResponse}
 * of code 2000, which clients accept in either form (shared/reference/cybertip-esp-xml.md §1).
 */
@Configuration
class HotlineSecurityConfig {
  static final String ROLE = "HOTLINE_PLATFORM";

  @Bean
  @Order(1)
  SecurityFilterChain hotlineChain(
      HttpSecurity http, ConfiguredPlatforms platforms, AuditTrail audit) throws Exception {
    UserDetailsService accounts =
        username -> {
          var account =
              platforms
                  .find(username)
                  .orElseThrow(() -> new UsernameNotFoundException("no such platform"));
          return User.withUsername(username)
              .password(account.passwordHash())
              .disabled(!account.enabled())
              .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)))
              .build();
        };
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          String why = e instanceof DisabledException ? "platform account is suspended" : "";
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          response.setHeader("WWW-Authenticate", "Basic realm=\"Tiptrace hotline\"");
          response.setContentType(HotlineXml.CONTENT_TYPE);
          response
              .getOutputStream()
              .write(
                  HotlineXml.toXml(ReportResponse.error(ResponseCode.AUTHENTICATION_REQUIRED, why))
                      .getBytes(StandardCharsets.UTF_8));
        };
    ProviderManager manager = new ProviderManager(provider);
    manager.setAuthenticationEventPublisher(
        audit.logins(
            "hotline",
            AuditAction.HOTLINE_LOGIN_SUCCEEDED,
            AuditAction.HOTLINE_LOGIN_FAILED,
            a -> platforms.find(a.getName()).map(p -> p.platform().agency())));
    http.securityMatcher("/ispws/**")
        .authenticationManager(manager)
        .authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE))
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }
}
