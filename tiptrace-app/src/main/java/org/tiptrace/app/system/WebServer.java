package org.tiptrace.app.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.tiptrace.app.TiptraceWebApp;

/** Starts the web app on an already opened backend. */
public final class WebServer {
  private WebServer() {}

  /**
   * Starts the app and blocks until it shuts down (Ctrl-C or SIGTERM close the context).
   *
   * @param extraUsers users beside {@code tiptrace.users[]} (the demo user)
   * @param configFile an extra properties or YAML file, added to Spring's config locations
   * @throws WebStartupException when the app does not start; the message is the root cause
   */
  public static void serveUntilShutdown(
      TiptraceBackend backend, List<UserAccount> extraUsers, int port, Optional<Path> configFile)
      throws InterruptedException {
    ConfigurableApplicationContext context = start(backend, extraUsers, port, configFile);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
    if (context.isActive()) {
      closed.await();
    }
  }

  /**
   * Starts the app and returns its context: the caller closes it. The backend and the extra users
   * are registered as singletons before any configuration is read, so the app's fallback beans back
   * off.
   */
  public static ConfigurableApplicationContext start(
      TiptraceBackend backend, List<UserAccount> extraUsers, int port, Optional<Path> configFile) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", port);
    // Default properties: a configuration file may still turn the second factor off.
    properties.put("tiptrace.security.require-totp", true);
    configFile.ifPresent(
        f -> properties.put("spring.config.additional-location", "file:" + f.toAbsolutePath()));
    try {
      return new SpringApplicationBuilder(TiptraceWebApp.class)
          .properties(properties)
          .initializers(
              ctx -> {
                ctx.getBeanFactory().registerSingleton("tiptraceBackend", backend);
                ctx.getBeanFactory()
                    .registerSingleton("additionalUsers", new AdditionalUsers(extraUsers));
              })
          .run();
    } catch (RuntimeException e) {
      throw new WebStartupException(rootMessage(e), e);
    }
  }

  /** The innermost message: for a bad configuration that is the line that names the property. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** The web app did not start; the message says why (a bad user entry, a busy port, ...). */
  public static final class WebStartupException extends RuntimeException {
    WebStartupException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
