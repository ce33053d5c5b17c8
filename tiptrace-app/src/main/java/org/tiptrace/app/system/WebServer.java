package org.tiptrace.app.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tiptrace.app.TiptraceWebApp;

/** Starts the web app on an already opened backend and blocks until it shuts down. */
public final class WebServer {
  private WebServer() {}

  /**
   * @param extraUsers users beside {@code tiptrace.users[]} (the demo user)
   * @param configFile an extra properties or YAML file, added to Spring's config locations
   */
  public static void serveUntilShutdown(
      TiptraceBackend backend, List<UserAccount> extraUsers, int port, Optional<Path> configFile)
      throws InterruptedException {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", port);
    configFile.ifPresent(
        f -> properties.put("spring.config.additional-location", "file:" + f.toAbsolutePath()));
    CountDownLatch closed = new CountDownLatch(1);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TiptraceWebApp.class)
            .properties(properties)
            .initializers(
                ctx -> {
                  ctx.getBeanFactory().registerSingleton("tiptraceBackend", backend);
                  ctx.getBeanFactory()
                      .registerSingleton("additionalUsers", new AdditionalUsers(extraUsers));
                })
            .listeners(
                event -> {
                  if (event instanceof ContextClosedEvent) {
                    closed.countDown();
                  }
                })
            .run();
    if (context.isActive()) {
      closed.await();
    }
  }
}
