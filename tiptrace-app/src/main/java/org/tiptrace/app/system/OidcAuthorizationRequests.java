package org.tiptrace.app.system;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Where a started OIDC sign-in (state, nonce, PKCE verifier) waits for the provider's answer.
 *
 * <p>Not in the HTTP session: the session cookie is {@code SameSite=Strict}, so a browser does not
 * send it on the provider's redirect back (a cross-site navigation), and the session-based store
 * would never find the request. Instead the request is kept here, keyed by its {@code state}, and
 * bound to the browser that started it by a random value in a cookie of its own ({@code
 * SameSite=Lax}, HTTP-only, limited to the callback path, 10 minutes): a callback with another
 * browser's state (login CSRF) does not match. Only the SHA-256 of the cookie value is kept. One
 * use: the callback removes the request. In memory, like the sessions: a restart forgets sign-ins
 * that were under way.
 */
final class OidcAuthorizationRequests
    implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
  static final String COOKIE = "TIPTRACE_OIDC";
  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final int MAX_PENDING = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Pending(OAuth2AuthorizationRequest request, byte[] bindingSha256, Instant until) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String callbackPath;

  OidcAuthorizationRequests(Clock clock, String callbackPath) {
    this.clock = clock;
    this.callbackPath = callbackPath;
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    return find(request).map(Pending::request).orElse(null);
  }

  @Override
  public void saveAuthorizationRequest(
      @Nullable OAuth2AuthorizationRequest authorizationRequest,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorizationRequest == null) {
      removeAuthorizationRequest(request, response);
      return;
    }
    Instant now = clock.instant();
    if (pending.size() >= MAX_PENDING) {
      pending.values().removeIf(p -> !now.isBefore(p.until()));
      while (pending.size() >= MAX_PENDING) {
        pending.entrySet().stream()
            .min(Comparator.comparing(e -> e.getValue().until()))
            .ifPresent(e -> pending.remove(e.getKey()));
      }
    }
    byte[] binding = new byte[32];
    RANDOM.nextBytes(binding);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(binding);
    pending.put(
        authorizationRequest.getState(),
        new Pending(authorizationRequest, sha256(value), now.plus(LIFETIME)));
    cookie(response, request, value, LIFETIME);
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    Optional<Pending> found = find(request);
    found.ifPresent(p -> pending.remove(p.request().getState()));
    if (found.isPresent()) {
      cookie(response, request, "", Duration.ZERO);
    }
    return found.map(Pending::request).orElse(null);
  }

  /** The request of this callback's state, when this browser started it and it has not expired. */
  private Optional<Pending> find(HttpServletRequest request) {
    String state = request.getParameter(OAuth2ParameterNames.STATE);
    Optional<String> binding = binding(request);
    if (state == null || binding.isEmpty()) {
      return Optional.empty();
    }
    Pending p = pending.get(state);
    if (p == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(p.until())) {
      pending.remove(state);
      return Optional.empty();
    }
    return MessageDigest.isEqual(p.bindingSha256(), sha256(binding.get()))
        ? Optional.of(p)
        : Optional.empty();
  }

  private static Optional<String> binding(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  private void cookie(
      HttpServletResponse response, HttpServletRequest request, String value, Duration maxAge) {
    ResponseCookie cookie =
        ResponseCookie.from(COOKIE, value)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .path(request.getContextPath() + callbackPath)
            .maxAge(maxAge)
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
