package org.tiptrace.app.system;

import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.HashMatchingStep;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.ip.InstalledIpData;
import org.tiptrace.app.ip.IpProperties;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.LinkTriageStep;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.JurisdictionTable;

/**
 * Core objects for the web app. The CLI registers the backend (and tests their readers) as
 * singletons before the context starts; the beans here are the fallbacks.
 */
@Configuration
class BackendConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(TiptraceBackend.class)
  TiptraceBackend tiptraceBackend(
      TiptraceProperties properties,
      @org.springframework.beans.factory.annotation.Value(
              "${tiptrace.security.secret-key-file:${TIPTRACE_SECRET_KEY_FILE:}}")
          String secretKeyFile,
      @org.springframework.beans.factory.annotation.Value(
              "${tiptrace.hashsets.index-cache:${TIPTRACE_INDEX_CACHE:}}")
          String indexCache) {
    DatabaseSettings settings =
        properties.db() == null ? null : properties.db().settings().orElse(null);
    if (settings == null) {
      throw new IllegalStateException(
          "tiptrace.db.url is not set: start the app with 'tiptrace serve' or configure it");
    }
    if (!secretKeyFile.isBlank()) {
      settings =
          settings.withSecretKey(
              SecretKeyLocation.configured(java.nio.file.Path.of(secretKeyFile.strip())));
    }
    if (!indexCache.isBlank()) {
      settings = settings.withIndexCache(java.nio.file.Path.of(indexCache.strip()));
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
   * The IP attribution run on {@code POST /api/v1/intake} and the hotline finish: the installed IP
   * data sets ({@code tiptrace ipdata}, picked up when they change), production mode unless {@code
   * tiptrace.ip.synthetic}, the routing table of {@code tiptrace.ip.routing-table} or the bundled
   * one. A routing table that does not load stops the start, naming the file.
   */
  @Bean
  @ConditionalOnMissingBean(IpEnrichment.class)
  IpEnrichment ipEnrichment(TiptraceBackend backend, Clock clock, IpProperties ip)
      throws IOException {
    JurisdictionTable routing =
        ip.routingTableFile().isPresent()
            ? JurisdictionTable.load(ip.routingTableFile().get())
            : JurisdictionTable.bundled();
    return new IpEnrichment(
        new InstalledIpData(
            backend.ipData(),
            ip.syntheticMode() ? AttributionMode.SYNTHETIC_DATA : AttributionMode.PRODUCTION,
            routing,
            clock),
        backend.tips(),
        backend.ipAssessments(),
        clock);
  }

  /** The steps run on every tip intake or the hotline created or changed. */
  @Bean
  TipSteps tipSteps(
      IpEnrichment enrichment, HashMatchingStep hashMatching, LinkTriageService linkTriage) {
    return TipSteps.of(enrichment, hashMatching, new LinkTriageStep(linkTriage));
  }

  /** Hash matching on {@code POST /api/v1/intake}, against the stored, enabled hash sets. */
  @Bean
  @ConditionalOnMissingBean(HashMatchingStep.class)
  HashMatchingStep hashMatchingStep(TiptraceBackend backend, Clock clock) {
    return HashMatchingStep.of(backend, clock);
  }

  /**
   * Linking and triage on the stored state: the active stored triage rules (the jar's file until an
   * administrator activates another version), the stored hash verdicts.
   */
  @Bean
  @ConditionalOnMissingBean(LinkTriageService.class)
  LinkTriageService linkTriageService(TiptraceBackend backend, ActiveRules rules, Clock clock) {
    return LinkTriageService.of(backend, rules::triage, clock);
  }

  /** The active rule sets; seeds the jar's files as version 1 into an empty database. */
  @Bean
  @ConditionalOnMissingBean(ActiveRules.class)
  ActiveRules activeRules(TiptraceBackend backend, Clock clock) {
    return ActiveRules.seeded(backend.ruleSets(), clock);
  }

  @Bean
  BatchIntake batchIntake(
      TiptraceBackend backend,
      DocumentReaders readers,
      IntakeLimits limits,
      Clock clock,
      TipSteps steps) {
    return new BatchIntake(
        new Intake(backend.archive(), backend.tips(), readers, limits), clock, steps);
  }
}
