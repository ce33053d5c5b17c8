package org.tiptrace.app.evidence;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.evidence.EvidenceFiles;

/**
 * {@link EvidenceFiles} gated by the active stored viewing-gate rules ({@link ActiveRules}: the
 * jar's file until an administrator activates a counsel-reviewed version under {@code
 * /admin/rules}); every decision reads the active version, so an activation applies at once.
 */
@Configuration
class EvidenceConfiguration {

  @Bean
  EvidenceFiles evidenceFiles(TiptraceBackend backend, ActiveRules rules, Clock clock) {
    return new EvidenceFiles(
        backend.archive(),
        backend.evidence().contents(),
        backend.evidence().warrants(),
        rules::gate,
        clock);
  }
}
