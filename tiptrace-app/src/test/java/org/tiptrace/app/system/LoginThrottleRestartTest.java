package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tiptrace.app.TiptraceWebApp;
import org.tiptrace.app.testing.TestStorage;
import org.tiptrace.store.test.TestBackend;

/**
 * The login throttle survives a restart: failures counted by one app context are still counted by a
 * new one on the same database (a restarted instance, or a second instance behind a balancer).
 */
class LoginThrottleRestartTest {

  private static ConfigurableApplicationContext start(TestStorage storage) {
    TiptraceBackend backend = storage.open();
    return new SpringApplicationBuilder(TiptraceWebApp.class)
        .profiles("test")
        .properties("server.port=0")
        .initializers(
            c -> {
              c.getBeanFactory().registerSingleton("tiptraceBackend", backend);
              c.addApplicationListener(
                  (org.springframework.context.ApplicationListener<
                          org.springframework.context.event.ContextClosedEvent>)
                      e -> backend.close());
            })
        .run();
  }

  private static int get(ConfigurableApplicationContext context, String password) throws Exception {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    String basic =
        Base64.getEncoder().encodeToString(("carol:" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/intake"))
            .header("Authorization", "Basic " + basic)
            .GET()
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .statusCode();
  }

  @Test
  void aNewAppContextOnTheSameDatabaseStillThrottles(@TempDir Path dir) throws Exception {
    TestStorage storage =
        TestStorage.durable(
            TestBackend.postgresUrl().isPresent() ? TestBackend.POSTGRESQL : TestBackend.H2, dir);
    try {
      try (ConfigurableApplicationContext first = start(storage)) {
        assertThat(get(first, "carol-secret"))
            .as("the right password, not throttled")
            .isEqualTo(405);
        for (int i = 0; i < 5; i++) { // tiptrace.security.throttle.user-failures defaults to 5
          assertThat(get(first, "wrong-" + i)).isEqualTo(401);
        }
        assertThat(get(first, "carol-secret")).isEqualTo(429);
      }
      try (ConfigurableApplicationContext second = start(storage)) {
        assertThat(get(second, "carol-secret"))
            .as("the restarted app remembers the failures")
            .isEqualTo(429);
      }
    } finally {
      storage.drop();
    }
  }
}
