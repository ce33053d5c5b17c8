package org.tiptrace.app.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tiptrace.app.testing.SuppressForbidden;

/**
 * A small OpenID Connect provider for the tests, on a random port of 127.0.0.1: discovery document,
 * authorization endpoint (no login: a consent page whose link leads back with a code and the
 * state), token endpoint (client_secret_basic, PKCE S256 checked, an RS256-signed ID token with the
 * nonce of the authorization request) and JWKS. What the next sign-in looks like (subject, amr,
 * email, and deliberate faults: wrong nonce, wrong audience, a signature by another key) is set
 * with {@link #nextLogin}.
 */
@SuppressForbidden(
    reason =
        "com.sun.net.httpserver is the JDK's exported, supported HTTP server (module"
            + " jdk.httpserver); forbidden-apis lists every com.sun package as non-portable")
final class TestIdentityProvider implements AutoCloseable {
  /** The next sign-in's identity and faults. */
  record Login(
      String subject,
      List<String> amr,
      Optional<String> acr,
      Optional<String> email,
      boolean emailVerified,
      Map<String, Object> extraClaims,
      Optional<String> nonceOverride,
      Optional<String> audienceOverride,
      boolean forgedSignature) {
    static Login of(String subject, String... amr) {
      return new Login(
          subject,
          List.of(amr),
          Optional.empty(),
          Optional.empty(),
          false,
          Map.of(),
          Optional.empty(),
          Optional.empty(),
          false);
    }

    Login withEmail(String email, boolean verified) {
      return new Login(
          subject,
          amr,
          acr,
          Optional.of(email),
          verified,
          extraClaims,
          nonceOverride,
          audienceOverride,
          forgedSignature);
    }

    Login withAcr(String value) {
      return new Login(
          subject,
          amr,
          Optional.of(value),
          email,
          emailVerified,
          extraClaims,
          nonceOverride,
          audienceOverride,
          forgedSignature);
    }

    Login withClaims(Map<String, Object> claims) {
      return new Login(
          subject,
          amr,
          acr,
          email,
          emailVerified,
          claims,
          nonceOverride,
          audienceOverride,
          forgedSignature);
    }

    Login withNonce(String nonce) {
      return new Login(
          subject,
          amr,
          acr,
          email,
          emailVerified,
          extraClaims,
          Optional.of(nonce),
          audienceOverride,
          forgedSignature);
    }

    Login withAudience(String audience) {
      return new Login(
          subject,
          amr,
          acr,
          email,
          emailVerified,
          extraClaims,
          nonceOverride,
          Optional.of(audience),
          forgedSignature);
    }

    Login forged() {
      return new Login(
          subject,
          amr,
          acr,
          email,
          emailVerified,
          extraClaims,
          nonceOverride,
          audienceOverride,
          true);
    }
  }

  /** One authorization request as received, for assertions. */
  record AuthorizeRequest(Map<String, String> parameters) {}

  private record Grant(Login login, String nonce, String redirectUri, String codeChallenge) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final RSAKey key;
  private final RSAKey rogueKey;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final List<AuthorizeRequest> authorizeRequests = new CopyOnWriteArrayList<>();
  private volatile Login next = Login.of("nobody");

  TestIdentityProvider(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    try {
      this.key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
      // Same key id: a token signed by it claims to be the provider's and must fail verification.
      this.rogueKey = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
    server.createContext("/idp/.well-known/openid-configuration", this::discovery);
    server.createContext("/idp/authorize", this::authorize);
    server.createContext("/idp/token", this::token);
    server.createContext("/idp/jwks", this::jwks);
    server.start();
  }

  String issuer() {
    return issuer;
  }

  void nextLogin(Login login) {
    this.next = login;
  }

  List<AuthorizeRequest> authorizeRequests() {
    return List.copyOf(authorizeRequests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange x) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer);
    doc.put("authorization_endpoint", issuer + "/authorize");
    doc.put("token_endpoint", issuer + "/token");
    doc.put("jwks_uri", issuer + "/jwks");
    doc.put("response_types_supported", List.of("code"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("scopes_supported", List.of("openid", "email"));
    doc.put("claims_supported", List.of("sub", "email", "email_verified", "amr", "acr"));
    respond(x, 200, "application/json", JSON.writeValueAsString(doc));
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> p = form(x.getRequestURI().getRawQuery());
    authorizeRequests.add(new AuthorizeRequest(p));
    if (!"code".equals(p.get("response_type"))
        || !clientId.equals(p.get("client_id"))
        || p.get("redirect_uri") == null
        || p.get("nonce") == null
        || !"S256".equals(p.get("code_challenge_method"))) {
      respond(x, 400, "text/plain", "bad authorization request: " + p);
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(
        code, new Grant(next, p.get("nonce"), p.get("redirect_uri"), p.get("code_challenge")));
    String back =
        p.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(p.get("state"), StandardCharsets.UTF_8);
    // A page of the provider's own, as a real provider shows (login, consent): the way back is then
    // a navigation this site starts, cross-site for the app, as in real use.
    respond(
        x,
        200,
        "text/html",
        "<!DOCTYPE html><html><head><title>Test IdP</title></head><body>"
            + "<a id=\"consent\" href=\""
            + back.replace("&", "&amp;")
            + "\">Continue to the app</a></body></html>");
  }

  /** The way back to the app on the provider's consent page. */
  static String consentLink(String html) {
    String marker = "id=\"consent\" href=\"";
    int start = html.indexOf(marker);
    if (start < 0) {
      throw new IllegalStateException("no consent link in " + html);
    }
    start += marker.length();
    return html.substring(start, html.indexOf('"', start)).replace("&amp;", "&");
  }

  private void token(HttpExchange x) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                            + ":"
                            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
      respond(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, String> p =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant = p.get("code") == null ? null : codes.remove(p.get("code"));
    if (grant == null
        || !"authorization_code".equals(p.get("grant_type"))
        || !grant.redirectUri().equals(p.get("redirect_uri"))
        || p.get("code_verifier") == null
        || !grant.codeChallenge().equals(s256(p.get("code_verifier")))) {
      respond(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    Login login = grant.login();
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(login.subject())
            .audience(login.audienceOverride().orElse(clientId))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", login.nonceOverride().orElse(grant.nonce()));
    if (!login.amr().isEmpty()) {
      claims.claim("amr", login.amr());
    }
    login.acr().ifPresent(a -> claims.claim("acr", a));
    login.email().ifPresent(e -> claims.claim("email", e));
    if (login.email().isPresent()) {
      claims.claim("email_verified", login.emailVerified());
    }
    login.extraClaims().forEach(claims::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(login.forgedSignature() ? rogueKey : key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", UUID.randomUUID().toString());
    body.put("token_type", "Bearer");
    body.put("expires_in", 300);
    body.put("scope", "openid email");
    body.put("id_token", jwt.serialize());
    respond(x, 200, "application/json", JSON.writeValueAsString(body));
  }

  private void jwks(HttpExchange x) throws IOException {
    respond(x, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> map = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    List<String> pairs = new ArrayList<>(List.of(raw.split("&")));
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      map.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return map;
  }

  private static void respond(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type + ";charset=utf-8");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
