package org.tiptrace.app.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.LinkTriageStep;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.triage.HashVerdictSource;
import org.tiptrace.triage.TriageRules;

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

  /**
   * The IP attribution run on {@code POST /api/v1/intake}: no data sets, production mode, unless
   * the app is given its own {@link IpEnrichment} bean.
   */
  @Bean
  @ConditionalOnMissingBean(IpEnrichment.class)
  IpEnrichment ipEnrichment(TiptraceBackend backend, Clock clock) {
    return IpEnrichment.withoutData(
        AttributionMode.PRODUCTION, backend.tips(), backend.ipAssessments(), clock);
  }

  /** Linking and triage on the stored state: the bundled rules, hash verdicts "not checked". */
  @Bean
  @ConditionalOnMissingBean(LinkTriageService.class)
  LinkTriageService linkTriageService(TiptraceBackend backend, Clock clock) {
    return LinkTriageService.of(
        backend, HashVerdictSource.notChecked(), TriageRules.defaults(), clock);
  }

  @Bean
  BatchIntake batchIntake(
      TiptraceBackend backend,
      DocumentReaders readers,
      IntakeLimits limits,
      Clock clock,
      IpEnrichment enrichment,
      LinkTriageService linkTriage) {
    return new BatchIntake(
        new Intake(backend.archive(), backend.tips(), readers, limits),
        clock,
        TipSteps.of(enrichment, new LinkTriageStep(linkTriage)));
  }
}
