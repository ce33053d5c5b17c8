package org.tiptrace.app.hotline;

import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.intake.TipSteps;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.espxml.EspXmlReader;
import org.tiptrace.intake.hotline.HotlineConfig;
import org.tiptrace.intake.hotline.HotlineService;

/** Wires the hotline service onto the app's backend. */
@Configuration
class HotlineConfiguration {
  private static final System.Logger LOG = System.getLogger(HotlineConfiguration.class.getName());

  /**
   * Largest upload: the servlet container's multipart limit (application.properties) bounds what
   * reaches the service, so the service's own limit matches it.
   */
  static final long MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

  @Bean
  ConfiguredPlatforms platformCredentials(HotlineProperties properties) {
    return new ConfiguredPlatforms(properties.platformsOrEmpty());
  }

  @Bean
  HotlineService hotlineService(
      TiptraceBackend backend,
      DocumentReaders readers,
      IntakeLimits limits,
      Clock clock,
      TipSteps steps) {
    return new HotlineService(
        backend.hotlineReports(),
        backend.archive(),
        backend.tips(),
        new Intake(backend.archive(), backend.tips(), readers, limits),
        new EspXmlReader(),
        new HotlineConfig(limits, MAX_UPLOAD_BYTES, 1000),
        clock,
        // the filed tip is new or has new files: every step computes again
        (agency, tip) -> steps.after(agency, tip, IntakeOutcome.ACCEPTED));
  }

  /** Finishes reports a crash left half-filed, before the first request arrives. */
  @Bean
  ApplicationRunner resumeHotlineFinishing(HotlineService hotline) {
    return args -> {
      int resumed = hotline.resumeFinishing(10_000);
      if (resumed > 0) {
        LOG.log(System.Logger.Level.INFO, "hotline: resumed {0} interrupted finish(es)", resumed);
      }
    };
  }
}
