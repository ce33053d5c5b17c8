package org.tiptrace.intake.fuzz;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.Severity;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.TipJson;

/**
 * The contract every fuzz target checks on every input: intake never crashes and never loses a
 * document silently, whatever the bytes.
 *
 * <ol>
 *   <li>No exception or error escapes {@link DocumentReaders#read}, in either {@link ParseMode}.
 *   <li>Every problem names the given source and has a reason; none is a reader's internal-error
 *       safety net (a caught {@code RuntimeException} is a reader bug, only hidden).
 *   <li>A {@link ParseResult.Rejected} carries at least one {@link Severity#ERROR}; an accepted
 *       result carries only {@link Severity#WARNING}s.
 *   <li>An accepted report (or {@code fileDetails} file) survives {@link TipJson#write} and reads
 *       back through {@link TipJson#readReport} ({@link TipJson#readFile}) to an equal value.
 *   <li>STRICT only rejects more: a STRICT accept implies a TOLERANT accept of the same bytes, with
 *       the same result kind and an equal model.
 * </ol>
 *
 * The time bound per input is not checked here but by the targets' {@code @Timeout}, which Jazzer
 * turns into its per-input timeout while fuzzing (docs/fuzzing.md).
 *
 * <p>A violation is an {@link AssertionError} whose message starts with the input as base64, so a
 * finding printed by any runner can be turned back into a corpus file.
 */
final class IntakeInvariants {
  static final String SOURCE = "fuzz-input";

  /** The marker {@code LeJsonReader} puts on the rejection it makes of an escaped exception. */
  private static final String INTERNAL_ERROR = "internal error";

  /**
   * Safety-net reasons of open findings (none today; F1 is fixed and its input is a seed). A
   * fuzzing session may skip them with {@code -Dtiptrace.fuzz.skipOpenFindings=true} to look for
   * other bugs instead of finding the same one again; the default build never skips them.
   */
  private static final List<String> OPEN_FINDINGS = List.of();

  private static final boolean SKIP_OPEN_FINDINGS =
      Boolean.getBoolean("tiptrace.fuzz.skipOpenFindings");

  private IntakeInvariants() {}

  /**
   * Reads {@code bytes} in both modes with {@link IntakeLimits#DEFAULT} and checks the contract.
   */
  static void check(DocumentReaders readers, byte[] bytes) {
    check(readers, bytes, IntakeLimits.DEFAULT);
  }

  static void check(DocumentReaders readers, byte[] bytes, IntakeLimits limits) {
    ParseResult tolerant = read(readers, bytes, ParseMode.TOLERANT, limits);
    ParseResult strict = read(readers, bytes, ParseMode.STRICT, limits);
    List<String> violations = new ArrayList<>();
    checkOne(tolerant, ParseMode.TOLERANT, violations);
    checkOne(strict, ParseMode.STRICT, violations);
    if (accepted(strict)) {
      if (!accepted(tolerant)) {
        violations.add("STRICT accepted but TOLERANT rejected: " + messages(tolerant.problems()));
      } else if (!sameModel(strict, tolerant)) {
        violations.add(
            "STRICT and TOLERANT accepted different models:\n  STRICT:   "
                + describe(strict)
                + "\n  TOLERANT: "
                + describe(tolerant));
      }
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "intake contract violated for input (base64) "
              + Base64.getEncoder().encodeToString(bytes)
              + "\n- "
              + String.join("\n- ", violations));
    }
  }

  private static ParseResult read(
      DocumentReaders readers, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    ParseResult result;
    try {
      result = readers.read(SOURCE, bytes.clone(), mode, limits);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          mode
              + " read threw instead of returning a Problem, input (base64) "
              + Base64.getEncoder().encodeToString(bytes),
          e);
    }
    if (result == null) {
      throw new AssertionError(
          mode
              + " read returned null, input (base64) "
              + Base64.getEncoder().encodeToString(bytes));
    }
    return result;
  }

  private static void checkOne(ParseResult result, ParseMode mode, List<String> violations) {
    List<Problem> problems = result.problems();
    if (problems == null) {
      violations.add(mode + ": problems() is null");
      return;
    }
    for (Problem p : problems) {
      if (p == null) {
        violations.add(mode + ": a null problem");
        continue;
      }
      if (!SOURCE.equals(p.source())) {
        violations.add(mode + ": problem names source '" + p.source() + "': " + p.message());
      }
      if (p.reason() == null || p.reason().isBlank()) {
        violations.add(mode + ": problem without a reason: " + p);
      } else if (p.reason().startsWith(INTERNAL_ERROR) && !skipped(p.reason())) {
        violations.add(mode + ": a reader bug reached the safety net: " + p.message());
      }
      if (p.severity() == null || p.path() == null) {
        violations.add(mode + ": problem without severity or path: " + p);
      }
    }
    switch (result) {
      case ParseResult.Rejected r -> {
        if (r.problems().stream()
            .noneMatch(p -> p != null && p.isError() && SOURCE.equals(p.source()))) {
          violations.add(mode + ": rejected without an error naming the source");
        }
      }
      case ParseResult.ReportParsed r -> {
        warningsOnly(problems, mode, violations);
        roundTrip(r.report(), mode, TipJson::readReport, violations);
      }
      case ParseResult.FileDetailsParsed f -> {
        warningsOnly(problems, mode, violations);
        if (f.reportId() == null || f.file() == null) {
          violations.add(mode + ": fileDetails accepted without report id or file");
        } else {
          roundTrip(f.file(), mode, violations);
        }
      }
    }
  }

  private static boolean skipped(String reason) {
    return SKIP_OPEN_FINDINGS && OPEN_FINDINGS.stream().anyMatch(reason::startsWith);
  }

  private static void warningsOnly(List<Problem> problems, ParseMode mode, List<String> out) {
    for (Problem p : problems) {
      if (p != null && p.severity() != Severity.WARNING) {
        out.add(mode + ": accepted with a non-warning problem: " + p.message());
      }
    }
  }

  /**
   * @param readBack {@link TipJson#readReport} in the check; a test passes a lossy one to show the
   *     invariant fires
   */
  static void roundTrip(
      Report report, ParseMode mode, Function<String, Report> readBack, List<String> out) {
    if (report == null) {
      out.add(mode + ": accepted without a report");
      return;
    }
    String json;
    try {
      json = TipJson.write(report);
    } catch (RuntimeException e) {
      out.add(mode + ": TipJson.write failed on an accepted report: " + e);
      return;
    }
    try {
      Report back = readBack.apply(json);
      if (!report.equals(back)) {
        out.add(
            mode
                + ": report does not round-trip through TipJson\n  was:  "
                + report
                + "\n  back: "
                + back
                + "\n  json: "
                + json);
      }
    } catch (RuntimeException e) {
      out.add(mode + ": TipJson.readReport failed on its own output: " + e + "\n  json: " + json);
    }
  }

  private static void roundTrip(ReportedFile file, ParseMode mode, List<String> out) {
    String json;
    try {
      json = TipJson.write(file);
    } catch (RuntimeException e) {
      out.add(mode + ": TipJson.write failed on an accepted file: " + e);
      return;
    }
    try {
      ReportedFile back = TipJson.readFile(json);
      if (!file.equals(back)) {
        out.add(
            mode
                + ": file does not round-trip through TipJson\n  was:  "
                + file
                + "\n  back: "
                + back);
      }
    } catch (RuntimeException e) {
      out.add(mode + ": TipJson.readFile failed on its own output: " + e + "\n  json: " + json);
    }
  }

  static boolean accepted(ParseResult r) {
    return !(r instanceof ParseResult.Rejected);
  }

  private static boolean sameModel(ParseResult a, ParseResult b) {
    return switch (a) {
      case ParseResult.ReportParsed x ->
          b instanceof ParseResult.ReportParsed y && Objects.equals(x.report(), y.report());
      case ParseResult.FileDetailsParsed x ->
          b instanceof ParseResult.FileDetailsParsed y
              && Objects.equals(x.reportId(), y.reportId())
              && Objects.equals(x.file(), y.file());
      case ParseResult.Rejected x -> b instanceof ParseResult.Rejected;
    };
  }

  private static String describe(ParseResult r) {
    return switch (r) {
      case ParseResult.ReportParsed x -> String.valueOf(x.report());
      case ParseResult.FileDetailsParsed x -> x.reportId() + " " + x.file();
      case ParseResult.Rejected x -> "rejected " + messages(x.problems());
    };
  }

  static List<String> messages(List<Problem> problems) {
    return problems.stream().map(p -> p == null ? "null" : p.message()).toList();
  }
}
