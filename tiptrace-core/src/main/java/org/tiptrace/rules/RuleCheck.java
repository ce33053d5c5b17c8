package org.tiptrace.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.legal.RuleSetException;
import org.tiptrace.triage.TriageRules;
import org.tiptrace.triage.TriageRulesException;

/**
 * Checks a submitted rule file with the real parser of its kind ({@link TriageRules}, {@link
 * GateRuleSet}: nothing is re-implemented here) plus what versioning needs, and names each
 * problem's line and reason.
 *
 * <ul>
 *   <li>UTF-8, non-empty, at most {@link #MAX_BYTES}.
 *   <li>Triage: the file's {@code version} is not one already stored (so a stored triage result's
 *       rules version names one file), at most {@link #MAX_FILE_VERSION} characters.
 *   <li>Viewing gate: the file's {@code version} is the stored version it will get (one above the
 *       highest), so every gate decision, which records the file's version, records the stored
 *       version. Counsel review is checked on activation, not here: an unreviewed draft may be
 *       stored and reviewed.
 * </ul>
 */
public final class RuleCheck {
  /** The largest rule file accepted. */
  public static final int MAX_BYTES = 512 * 1024;

  /** The longest triage {@code version} (the stored result records {@code v<N> (<version>)}). */
  public static final int MAX_FILE_VERSION = 40;

  private RuleCheck() {}

  /** What a check found: the file's own version and a summary, or the problems. */
  public sealed interface Outcome permits Accepted, Refused {}

  /**
   * @param fileVersion the {@code version} the file declares
   * @param summary one line about the content (rules, tiers, review)
   */
  public record Accepted(RuleKind kind, String fileVersion, String summary) implements Outcome {}

  public record Refused(List<RuleProblem> problems) implements Outcome {
    public Refused {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs a problem");
      }
    }
  }

  /**
   * Checks {@code bytes} as a new version of {@code kind}, given the versions already stored.
   *
   * @param name the submitted file's name, for the parser's messages
   */
  public static Outcome check(
      RuleKind kind, byte[] bytes, String name, List<StoredRuleSet> stored) {
    List<RuleProblem> problems = new ArrayList<>();
    if (bytes.length == 0) {
      return refused("the file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      return refused(
          "the file has " + bytes.length + " bytes; at most " + MAX_BYTES + " are accepted");
    }
    OptionalInt badUtf8 = malformedUtf8Line(bytes);
    if (badUtf8.isPresent()) {
      return new Refused(List.of(new RuleProblem(badUtf8, "not UTF-8 text")));
    }
    YamlLines lines = YamlLines.of(bytes);
    return switch (kind) {
      case TRIAGE -> checkTriage(bytes, name, stored, lines, problems);
      case VIEWING_GATE -> checkGate(bytes, name, stored, lines, problems);
    };
  }

  private static Outcome checkTriage(
      byte[] bytes, String name, List<StoredRuleSet> stored, YamlLines lines, List<RuleProblem> p) {
    TriageRules rules;
    try {
      rules = triage(bytes, name);
    } catch (TriageRulesException e) {
      OptionalInt syntax = syntaxLine(e);
      for (String problem : e.problems()) {
        p.add(
            new RuleProblem(syntax.isPresent() ? syntax : lines.locate(problem), problem.strip()));
      }
      return new Refused(p);
    }
    for (String problem : rules.hashVerdictProblems()) {
      p.add(new RuleProblem(lines.locate(problem), problem));
    }
    if (rules.version().length() > MAX_FILE_VERSION) {
      p.add(
          new RuleProblem(
              lines.line("version"),
              "version: '"
                  + rules.version()
                  + "' is longer than "
                  + MAX_FILE_VERSION
                  + " characters"));
    }
    for (StoredRuleSet s : stored) {
      if (s.fileVersion().equals(rules.version())) {
        p.add(
            new RuleProblem(
                lines.line("version"),
                "version: '"
                    + rules.version()
                    + "' is already stored as "
                    + s.label()
                    + "; give the changed file a new version"));
      }
    }
    if (!p.isEmpty()) {
      return new Refused(p);
    }
    return new Accepted(
        RuleKind.TRIAGE,
        rules.version(),
        rules.rules().size()
            + " rules, "
            + rules.floors().size()
            + " floors, tiers "
            + rules.tier1()
            + "/"
            + rules.tier2()
            + "/"
            + rules.tier3()
            + ", effective "
            + rules.effective());
  }

  private static Outcome checkGate(
      byte[] bytes, String name, List<StoredRuleSet> stored, YamlLines lines, List<RuleProblem> p) {
    GateRuleSet rules;
    try {
      rules = gate(bytes, name);
    } catch (RuleSetException e) {
      String message = e.getMessage() == null ? "invalid" : e.getMessage();
      // GateRuleSet names the place as "source:LINE: key: reason" (or "source: key: reason")
      Matcher placed = Pattern.compile("^" + Pattern.quote(name) + ":(\\d+): ").matcher(message);
      if (placed.find()) {
        return new Refused(
            List.of(
                new RuleProblem(
                    OptionalInt.of(Integer.parseInt(placed.group(1))),
                    message.substring(placed.end()))));
      }
      String prefix = name + ": ";
      String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
      OptionalInt syntax = syntaxLine(e);
      return new Refused(
          List.of(new RuleProblem(syntax.isPresent() ? syntax : lines.locate(reason), reason)));
    }
    int next = stored.stream().mapToInt(StoredRuleSet::version).max().orElse(0) + 1;
    if (rules.version() != next) {
      return new Refused(
          List.of(
              new RuleProblem(
                  lines.line("version"),
                  "version: "
                      + rules.version()
                      + " must be "
                      + next
                      + ", the stored version this file will get (gate decisions record the"
                      + " file's version, so the two must be the same)")));
    }
    return new Accepted(
        RuleKind.VIEWING_GATE,
        String.valueOf(rules.version()),
        rules.label()
            + ", "
            + rules.rules().size()
            + " rules, "
            + rules.jurisdictions().size()
            + " jurisdictions, "
            + review(rules));
  }

  /** {@code reviewed by X on D}, or that no counsel review is recorded. */
  public static String review(GateRuleSet rules) {
    return rules.reviewedBy().isPresent()
        ? "reviewed by " + rules.reviewedBy().get() + " on " + rules.reviewedOn().orElseThrow()
        : "no counsel review recorded";
  }

  /**
   * Parses triage rule bytes with {@link TriageRules}.
   *
   * @throws TriageRulesException naming the problems
   */
  public static TriageRules triage(byte[] bytes, String name) {
    return TriageRules.load(new ByteArrayInputStream(bytes), name);
  }

  /**
   * Parses gate rule bytes with {@link GateRuleSet}.
   *
   * @throws RuleSetException naming the key and reason
   */
  public static GateRuleSet gate(byte[] bytes, String name) {
    try {
      return GateRuleSet.load(new ByteArrayInputStream(bytes), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static Refused refused(String reason) {
    return new Refused(List.of(new RuleProblem(OptionalInt.empty(), reason)));
  }

  /** The line of a YAML syntax error among the causes, if that is what failed. */
  private static OptionalInt syntaxLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException j && j.getLocation() != null) {
        int line = j.getLocation().getLineNr();
        if (line > 0) {
          return OptionalInt.of(line);
        }
      }
    }
    return OptionalInt.empty();
  }

  /** The line of the first byte that is not UTF-8, if any. */
  private static OptionalInt malformedUtf8Line(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (!r.isError()) {
      return OptionalInt.empty();
    }
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return OptionalInt.of(line);
  }
}
