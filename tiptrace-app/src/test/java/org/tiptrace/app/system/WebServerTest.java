package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.tip.AgencyId;

/**
 * The path {@code serve} and {@code demo} take: the backend and extra users handed to Spring as
 * singletons, no test profile, the real {@code application.properties}.
 */
class WebServerTest {

  @Test
  void demoUserFromTheCliCanUseTheApi() throws Exception {
    try (InMemoryBackend backend = new InMemoryBackend()) {
      demoUserCanUseTheApi(backend);
      assertThat(backend.closeCount()).as("the CLI, not Spring, closes the backend").isZero();
    }
  }

  private static void demoUserCanUseTheApi(InMemoryBackend backend) throws Exception {
    String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("demo-pw");
    UserAccount demo =
        new UserAccount("demo", hash, new AgencyId("DEMO"), EnumSet.allOf(Role.class));

    try (ConfigurableApplicationContext context =
        WebServer.start(backend, List.of(demo), 0, Optional.empty())) {
      assertThat(context.getBean(TiptraceBackend.class)).isSameAs(backend);
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      String auth =
          Base64.getEncoder().encodeToString("demo:demo-pw".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> basic = get(port, "Basic " + auth);
      assertThat(basic.statusCode())
          .as("serve and demo require a second factor, so Basic is refused on the API")
          .isEqualTo(401);
      assertThat(basic.body()).contains("Bearer");

      // The seeded demo account can hold a token, which the API accepts.
      String token = ApiTokens.newToken();
      backend
          .accounts()
          .addToken(
              "demo",
              "test",
              ApiTokens.digest(token),
              java.time.Instant.now().minusSeconds(5),
              java.time.Instant.now().plusSeconds(3600));
      HttpResponse<String> r = get(port, "Bearer " + token);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"total\":0");
    }
  }

  private static HttpResponse<String> get(int port, String authorization) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tips"))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutUsersTheAppRefusesToStartAndSaysWhy() {
    try (InMemoryBackend backend = new InMemoryBackend()) {
      assertThatThrownBy(() -> WebServer.start(backend, List.of(), 0, Optional.empty()))
          .isInstanceOf(WebServer.WebStartupException.class)
          .hasMessageContaining("no users are configured");
    }
  }
}
