package org.tiptrace.app.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.StoredGateFacts;
import org.tiptrace.legal.CircuitTable;

/**
 * {@link EvidenceFiles} gated by the active stored viewing-gate rules ({@link ActiveRules}: the
 * jar's file until an administrator activates a counsel-reviewed version under {@code
 * /admin/rules}); every decision reads the active version, so an activation applies at once.
 */
@Configuration
class EvidenceConfiguration {

  /**
   * Which federal circuit each US state and territory belongs to: the bundled table unless {@code
   * tiptrace.evidence.circuits} names another file; validated at start.
   */
  @Bean
  @ConditionalOnMissingBean(CircuitTable.class)
  CircuitTable circuitTable(@Value("${tiptrace.evidence.circuits:}") String file) {
    if (file.isBlank()) {
      return CircuitTable.bundled();
    }
    try {
      return CircuitTable.parse(Files.readAllBytes(Path.of(file)), file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read tiptrace.evidence.circuits=" + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The gate reads each tip's place from its stored routing decision and its files' known-abuse
   * matches from the hash step (only a circuit counsel relaxed uses the matches).
   */
  @Bean
  EvidenceFiles evidenceFiles(
      TiptraceBackend backend, ActiveRules rules, CircuitTable circuits, Clock clock) {
    return new EvidenceFiles(
        backend.archive(),
        backend.evidence().contents(),
        backend.evidence().warrants(),
        rules::gate,
        new StoredGateFacts(backend.ipAssessments(), backend.hashSets(), circuits),
        clock);
  }
}
