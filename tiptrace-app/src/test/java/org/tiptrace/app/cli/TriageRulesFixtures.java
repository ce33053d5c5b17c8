package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tiptrace.triage.TriageRules;

/** Candidate rule files made from the bundled YAML by editing its text. */
final class TriageRulesFixtures {
  private TriageRulesFixtures() {}

  /** The bundled rules with incident.childPornography at {@code points}, as a new version. */
  static String candidate(int points) {
    String yaml = bundled();
    String before = "  - name: incident.childPornography\n    points: 10\n";
    assertThat(yaml).contains(before).contains("version: \"2026.11-2\"");
    return yaml.replace(before, "  - name: incident.childPornography\n    points: " + points + "\n")
        .replace("version: \"2026.11-2\"", "version: \"2026.11-2-candidate\"");
  }

  /** The bundled rules with two errors. */
  static String broken() {
    String yaml = bundled();
    String before = "  - name: incident.childPornography\n    points: 10\n";
    assertThat(yaml).contains(before).contains("effective: 2026-11-23");
    return yaml.replace(before, "  - name: incident.childPornography\n    points: lots\n")
        .replace("effective: 2026-11-23", "effective: someday");
  }

  private static String bundled() {
    try (InputStream in =
        Objects.requireNonNull(TriageRules.class.getResourceAsStream(TriageRules.RESOURCE))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
