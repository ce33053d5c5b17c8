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
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.StoredGateFacts;
import org.tiptrace.legal.CircuitTable;
import org.tiptrace.legal.GateRuleSet;

/**
 * The gate's rule set and {@link EvidenceFiles}. The rules are the bundled file unless {@code
 * tiptrace.evidence.gate-rules} names an agency's reviewed copy; either is validated at start, so a
 * broken file stops the app with the file and key named.
 */
@Configuration
class EvidenceConfiguration {

  @Bean
  @ConditionalOnMissingBean(GateRuleSet.class)
  GateRuleSet gateRuleSet(@Value("${tiptrace.evidence.gate-rules:}") String file) {
    if (file.isBlank()) {
      return GateRuleSet.bundled();
    }
    try {
      return GateRuleSet.load(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read tiptrace.evidence.gate-rules=" + file + ": " + e.getMessage(), e);
    }
  }

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
      TiptraceBackend backend, GateRuleSet rules, CircuitTable circuits, Clock clock) {
    return new EvidenceFiles(
        backend.archive(),
        backend.evidence().contents(),
        backend.evidence().warrants(),
        rules,
        new StoredGateFacts(backend.ipAssessments(), backend.hashSets(), circuits),
        clock);
  }
}
