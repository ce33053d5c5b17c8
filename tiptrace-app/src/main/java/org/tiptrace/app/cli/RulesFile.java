package org.tiptrace.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageRulesException;

/** Reads a triage rules file for a command: missing is exit 3, invalid is exit 2. */
final class RulesFile {
  private RulesFile() {}

  /** Why a rules file could not be used, with the exit code that says so. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final List<String> problems;

    Problem(String message, int exitCode, List<String> problems) {
      super(message);
      this.exitCode = exitCode;
      this.problems = List.copyOf(problems);
    }

    int report(PrintWriter err, String command) {
      err.println(command + ": " + getMessage());
      for (String p : problems) {
        err.println("  " + p);
      }
      err.flush();
      return exitCode;
    }
  }

  static TriageRules load(Path file) throws Problem {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new Problem(file + ": no such readable file", ExitCodes.INPUT, List.of());
    }
    try (InputStream in = Files.newInputStream(file)) {
      return TriageRules.load(in, file.toString());
    } catch (IOException e) {
      throw new Problem(file + ": cannot read: " + e.getMessage(), ExitCodes.INPUT, List.of());
    } catch (TriageRulesException e) {
      throw new Problem(
          file + ": not a usable rules file (" + e.problems().size() + " problems)",
          ExitCodes.USAGE,
          e.problems());
    }
  }
}
