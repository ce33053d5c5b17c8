package org.tiptrace.app.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers an {@link InMemoryBackend} and the {@link TestReaders} before the context starts, the
 * way {@code tiptrace serve} registers the real backend.
 */
public final class InMemoryBackendInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getBeanFactory().registerSingleton("tiptraceBackend", new InMemoryBackend());
    context.getBeanFactory().registerSingleton("documentReaders", TestReaders.readers());
  }
}
