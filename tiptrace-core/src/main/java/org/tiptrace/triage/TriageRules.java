package org.tiptrace.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A versioned triage rule set, read from YAML ({@code org/tiptrace/triage/triage-rules.yaml}) and
 * validated on load: every problem names the rule and the value.
 *
 * @param tier1 minimum score of tier 1; tier 2 and 3 likewise; below tier 3 is tier 4
 * @param memeSpreadThreshold a file reported by at least this many distinct subjects is viral
 * @param repeatedDistributionFiles this many files in one tip counts as repeated distribution
 * @param perishableDays an attribution deadline within this many days of receipt is perishable
 */
public record TriageRules(
    String version,
    LocalDate effective,
    int tier1,
    int tier2,
    int tier3,
    int memeSpreadThreshold,
    int repeatedDistributionFiles,
    int perishableDays,
    List<Rule> rules,
    List<Floor> floors,
    String source) {

  /** The classpath location of the shipped rule file. */
  public static final String RESOURCE = "/org/tiptrace/triage/triage-rules.yaml";

  private static final int MAX_POINTS = 500;
  private static final Set<String> TOP_KEYS =
      Set.of("version", "effective", "tiers", "informational", "attribution", "rules", "floors");

  /**
   * One rule.
   *
   * @param cap for per-unit rules, the most points the rule can give
   */
  public record Rule(String name, int points, OptionalInt cap, String rationale) {}

  /**
   * A floor: when the rule {@code when} fires, the score is raised to at least {@code minScore} (an
   * explanation line shows the raise, so the lines still sum to the score).
   */
  public record Floor(String name, String when, int minScore, String rationale) {}

  public TriageRules {
    rules = List.copyOf(rules);
    floors = List.copyOf(floors);
    Objects.requireNonNull(effective, "effective");
    List<String> problems = new ArrayList<>();
    validate(
        version,
        tier1,
        tier2,
        tier3,
        memeSpreadThreshold,
        repeatedDistributionFiles,
        perishableDays,
        rules,
        floors,
        problems);
    if (!problems.isEmpty()) {
      throw new TriageRulesException(source, problems);
    }
  }

  /** The shipped rule file. */
  public static TriageRules defaults() {
    try (InputStream in = TriageRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("rule file " + RESOURCE + " is missing from the classpath");
      }
      return load(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a rule file; {@code source} names it in error messages. */
  public static TriageRules load(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new TriageRulesException(source, List.of("not valid YAML: " + e.getMessage()), e);
    }
    return fromTree(root, source);
  }

  /** Reads and validates rule YAML given as text. */
  public static TriageRules parse(String yaml, String source) {
    return load(
        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        source);
  }

  private static TriageRules fromTree(JsonNode root, String source) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new TriageRulesException(source, List.of("the document must be a mapping"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        problems.add("unknown top-level key '" + key + "'");
      }
    }
    String version = text(root, "version", "version", problems);
    LocalDate effective = LocalDate.MIN;
    String eff = text(root, "effective", "effective", problems);
    if (!eff.isEmpty()) {
      try {
        effective = LocalDate.parse(eff);
      } catch (DateTimeParseException e) {
        problems.add("effective: '" + eff + "' is not a date (yyyy-mm-dd)");
      }
    }
    JsonNode tiers = root.path("tiers");
    int t1 = integer(tiers, "tier1", "tiers.tier1", problems);
    int t2 = integer(tiers, "tier2", "tiers.tier2", problems);
    int t3 = integer(tiers, "tier3", "tiers.tier3", problems);
    JsonNode info = root.path("informational");
    int spread =
        integer(info, "memeSpreadThreshold", "informational.memeSpreadThreshold", problems);
    int repeated =
        integer(
            info, "repeatedDistributionFiles", "informational.repeatedDistributionFiles", problems);
    int perishable =
        integer(root.path("attribution"), "perishableDays", "attribution.perishableDays", problems);
    List<Rule> rules = new ArrayList<>();
    JsonNode ruleNodes = root.path("rules");
    if (!ruleNodes.isArray()) {
      problems.add("rules: must be a list");
    } else {
      for (int i = 0; i < ruleNodes.size(); i++) {
        JsonNode n = ruleNodes.get(i);
        String name = n.path("name").asText("");
        String where = name.isEmpty() ? "rules[" + i + "]" : "rule '" + name + "'";
        if (name.isEmpty()) {
          problems.add(where + ": name is missing");
        }
        int points = integer(n, "points", where + ": points", problems);
        OptionalInt cap = OptionalInt.empty();
        if (n.has("cap")) {
          cap = OptionalInt.of(integer(n, "cap", where + ": cap", problems));
        }
        rules.add(new Rule(name, points, cap, n.path("rationale").asText("")));
      }
    }
    List<Floor> floors = new ArrayList<>();
    JsonNode floorNodes = root.path("floors");
    if (!floorNodes.isMissingNode() && !floorNodes.isArray()) {
      problems.add("floors: must be a list");
    } else if (floorNodes.isArray()) {
      for (int i = 0; i < floorNodes.size(); i++) {
        JsonNode n = floorNodes.get(i);
        String name = n.path("name").asText("");
        String where = name.isEmpty() ? "floors[" + i + "]" : "floor '" + name + "'";
        if (name.isEmpty()) {
          problems.add(where + ": name is missing");
        }
        floors.add(
            new Floor(
                name,
                n.path("when").asText(""),
                integer(n, "minScore", where + ": minScore", problems),
                n.path("rationale").asText("")));
      }
    }
    if (!problems.isEmpty()) {
      throw new TriageRulesException(source, problems);
    }
    return new TriageRules(
        version, effective, t1, t2, t3, spread, repeated, perishable, rules, floors, source);
  }

  private static String text(JsonNode node, String field, String where, List<String> problems) {
    JsonNode v = node.path(field);
    if (!v.isValueNode() || v.asText().isBlank()) {
      problems.add(where + ": is missing");
      return "";
    }
    return v.asText().strip();
  }

  private static int integer(JsonNode node, String field, String where, List<String> problems) {
    JsonNode v = node.path(field);
    if (v.isMissingNode() || v.isNull()) {
      problems.add(where + ": is missing");
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      problems.add(where + ": '" + v.asText() + "' is not an integer");
      return 0;
    }
    return v.intValue();
  }

  private static void validate(
      String version,
      int tier1,
      int tier2,
      int tier3,
      int memeSpreadThreshold,
      int repeatedDistributionFiles,
      int perishableDays,
      List<Rule> rules,
      List<Floor> floors,
      List<String> problems) {
    if (version.isBlank()) {
      problems.add("version: is missing");
    }
    if (!(tier1 > tier2 && tier2 > tier3 && tier3 > 0)) {
      problems.add(
          "tiers: thresholds must fall strictly, tier1 > tier2 > tier3 > 0, were "
              + tier1
              + ", "
              + tier2
              + ", "
              + tier3);
    }
    if (memeSpreadThreshold < 2) {
      problems.add(
          "informational.memeSpreadThreshold: "
              + memeSpreadThreshold
              + " must be at least 2 (one subject is not a spread)");
    }
    if (repeatedDistributionFiles < 2) {
      problems.add(
          "informational.repeatedDistributionFiles: "
              + repeatedDistributionFiles
              + " must be at least 2");
    }
    if (perishableDays < 0) {
      problems.add("attribution.perishableDays: " + perishableDays + " must be >= 0");
    }
    Map<Factor, Rule> seen = new EnumMap<>(Factor.class);
    for (Rule rule : rules) {
      String where = "rule '" + rule.name() + "'";
      var factor = Factor.byName(rule.name());
      if (factor.isEmpty()) {
        problems.add(where + ": unknown rule name");
        continue;
      }
      if (seen.put(factor.get(), rule) != null) {
        problems.add(where + ": given more than once");
      }
      if (rule.rationale().isBlank()) {
        problems.add(where + ": rationale is missing");
      }
      int p = rule.points();
      switch (factor.get().kind()) {
        case ONCE -> {
          if (p < 0 || p > MAX_POINTS) {
            problems.add(
                where
                    + ": points "
                    + p
                    + " must be between 0 and "
                    + MAX_POINTS
                    + (factor.get() == Factor.FILE_GENERATIVE_AI
                        ? " (a generative-AI flag never lowers a score)"
                        : ""));
          }
          if (rule.cap().isPresent()) {
            problems.add(where + ": cap " + rule.cap().getAsInt() + " is only for per-unit rules");
          }
        }
        case PER_UNIT -> {
          if (p < 0 || p > MAX_POINTS) {
            problems.add(where + ": points " + p + " must be between 0 and " + MAX_POINTS);
          }
          if (rule.cap().isEmpty()) {
            problems.add(where + ": a per-unit rule needs a cap");
          } else if (rule.cap().getAsInt() < p || rule.cap().getAsInt() > MAX_POINTS) {
            problems.add(
                where
                    + ": cap "
                    + rule.cap().getAsInt()
                    + " must be between points ("
                    + p
                    + ") and "
                    + MAX_POINTS);
          }
        }
        case DEDUCTION -> {
          if (p > 0 || p < -MAX_POINTS) {
            problems.add(where + ": points " + p + " must be between -" + MAX_POINTS + " and 0");
          }
          if (rule.cap().isPresent()) {
            problems.add(where + ": cap is only for per-unit rules");
          }
        }
      }
    }
    for (Factor f : Factor.values()) {
      if (!seen.containsKey(f)) {
        problems.add("rule '" + f.ruleName() + "': is missing");
      }
    }
    for (Floor floor : floors) {
      String where = "floor '" + floor.name() + "'";
      if (Factor.byName(floor.when()).isEmpty()) {
        problems.add(where + ": when '" + floor.when() + "' is not a rule name");
      }
      if (floor.minScore() < 0 || floor.minScore() > MAX_POINTS * 4) {
        problems.add(where + ": minScore " + floor.minScore() + " is out of range");
      }
      if (floor.rationale().isBlank()) {
        problems.add(where + ": rationale is missing");
      }
    }
  }

  /**
   * What a new rule set must not do with the hash verdicts, beyond {@link #load}'s checks (which
   * every stored version, old ones included, passes): a file never checked must not score like a
   * known abuse match ({@code hash.notChecked} = {@code hash.knownMatch}), like "no match" ({@code
   * hash.notChecked} = the per-file points of {@code hash.possibleNewMaterial}), or like nothing at
   * all (0). Checked when a version is submitted ({@code RuleCheck}); the shipped file passes.
   *
   * @return the problems, each naming the rules and points; empty when there are none
   */
  public List<String> hashVerdictProblems() {
    List<String> out = new ArrayList<>();
    Rule notChecked = rule(Factor.HASH_NOT_CHECKED);
    Rule known = rule(Factor.HASH_KNOWN);
    Rule fresh = rule(Factor.HASH_NEW);
    String where = "rule '" + notChecked.name() + "': points " + notChecked.points();
    if (notChecked.points() == 0) {
      out.add(
          where + " must be above 0: a file never checked is unknown, never \"nothing to see\"");
    }
    if (notChecked.points() == known.points()) {
      out.add(
          where
              + " equals rule '"
              + known.name()
              + "': a file never checked against any set would score like a known abuse match");
    }
    if (notChecked.points() == fresh.points()) {
      out.add(
          where
              + " equals the per-file points of rule '"
              + fresh.name()
              + "': a file never checked would score like one checked with no match");
    }
    return out;
  }

  /** The rule of a name; a validated rule set has every known name. */
  public Rule rule(String name) {
    for (Rule r : rules) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no rule named '" + name + "'");
  }

  Rule rule(Factor f) {
    return rule(f.ruleName());
  }

  /** A candidate rule set with one rule's points changed and a new version (for replay). */
  public TriageRules withPoints(String name, int points, String newVersion) {
    List<Rule> changed = new ArrayList<>();
    rule(name);
    for (Rule r : rules) {
      changed.add(r.name().equals(name) ? new Rule(name, points, r.cap(), r.rationale()) : r);
    }
    return new TriageRules(
        newVersion,
        effective,
        tier1,
        tier2,
        tier3,
        memeSpreadThreshold,
        repeatedDistributionFiles,
        perishableDays,
        Collections.unmodifiableList(changed),
        floors,
        source + " (" + name + "=" + points + ")");
  }
}
