package org.tiptrace.app.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Registers a fresh database ({@link InMemoryBackend#forWebTests()}) before the context starts, the
 * way {@code tiptrace serve} registers the one it opened, and closes it with the context. The
 * readers are the app's own (the real ones).
 */
public final class InMemoryBackendInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    InMemoryBackend backend = InMemoryBackend.forWebTests();
    context.getBeanFactory().registerSingleton("tiptraceBackend", backend);
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) event -> backend.close());
  }
}
