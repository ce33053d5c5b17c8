package org.tiptrace.app.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;

/**
 * Base of the HTTP tests: the whole app on a random port, with the real readers and the real store
 * on a fresh database ({@link InMemoryBackendInitializer}: H2 in memory, or PostgreSQL when {@code
 * TIPTRACE_TEST_PG_URL} is set) and the users of {@code application-test.properties}; requests go
 * over real HTTP with the JDK client. All subclasses share one context and so one database: give
 * each test documents and report numbers of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = InMemoryBackendInitializer.class)
public abstract class WebTest {
  protected static final AgencyId AGENCY_A = new AgencyId("ICAC-A");
  protected static final AgencyId AGENCY_B = new AgencyId("ICAC-B");
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  @LocalServerPort protected int port;
  @Autowired protected TiptraceBackend backend;

  /** A client that keeps cookies and never follows redirects. */
  protected static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  protected URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  protected HttpRequest.Builder basic(String path, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request(path).header("Authorization", "Basic " + token);
  }

  protected HttpRequest.Builder alice(String path) {
    return basic(path, "alice", "alice-secret");
  }

  protected HttpRequest.Builder bob(String path) {
    return basic(path, "bob", "bob-secret");
  }

  protected static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) {
    return send(client(), request.build());
  }

  /** The CSRF token of the form on {@code path}, fetched with {@code client}'s session. */
  protected String csrfToken(HttpClient client, String path) {
    HttpResponse<String> page = send(client, request(path).GET().build());
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no _csrf field on " + path + ":\n" + page.body());
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** Logs in through the form; the returned client carries the session. */
  protected HttpClient formLogin(String user, String password) {
    HttpClient client = client();
    String token = csrfToken(client, "/login");
    HttpResponse<String> r = send(client, formPost("/login", user, password, Optional.of(token)));
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new AssertionError(
          "login of " + user + " failed: " + r.statusCode() + " " + r.headers());
    }
    return client;
  }

  protected HttpRequest formPost(String path, String user, String password, Optional<String> csrf) {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + csrf.map(t -> "&_csrf=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /** Ingests an LE JSON download (report number {@code reportId}, one reported {@code user}). */
  protected Tip insertTip(AgencyId agency, String reportId, String user) {
    return TestIntake.ingest(
        backend,
        agency,
        "cybertip-" + reportId + ".json",
        TestDocuments.leJson(reportId, user),
        Instant.parse("2026-02-01T10:00:00Z"));
  }
}
