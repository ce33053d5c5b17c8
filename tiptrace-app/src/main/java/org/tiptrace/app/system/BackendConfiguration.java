package org.tiptrace.app.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;

/**
 * Core objects for the web app. The CLI registers the backend (and tests their readers) as
 * singletons before the context starts; the beans here are the fallbacks.
 */
@Configuration
class BackendConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(TiptraceBackend.class)
  TiptraceBackend tiptraceBackend(TiptraceProperties properties) {
    DatabaseSettings settings =
        properties.db() == null ? null : properties.db().settings().orElse(null);
    if (settings == null) {
      throw new IllegalStateException(
          "tiptrace.db.url is not set: start the app with 'tiptrace serve' or configure it");
    }
    return TiptraceBackend.open(settings);
  }

  @Bean
  @ConditionalOnMissingBean(DocumentReaders.class)
  DocumentReaders documentReaders() {
    return DocumentReaders.standard();
  }

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean(IntakeLimits.class)
  IntakeLimits intakeLimits() {
    return IntakeLimits.DEFAULT;
  }

  @Bean
  BatchIntake batchIntake(
      TiptraceBackend backend, DocumentReaders readers, IntakeLimits limits, Clock clock) {
    return new BatchIntake(new Intake(backend.archive(), backend.tips(), readers, limits), clock);
  }
}
