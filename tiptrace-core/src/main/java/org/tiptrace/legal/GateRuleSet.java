package org.tiptrace.legal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tiptrace.hash.sets.MatchMethod;

/**
 * The file-viewing gate's rule set ({@code viewing-gate-rules.yaml}): the decision table of
 * legal-rules.md §3.2 as rules with ids and citations, the per-jurisdiction entries of §3.1, the
 * version and the effective date. Validated on load; every error names the file and the key.
 *
 * <p>The table must be complete: one content rule for each of {@link GateBasis#ESP_VIEWED}, {@link
 * GateBasis#PUBLICLY_AVAILABLE}, {@link GateBasis#WARRANT} and {@link GateBasis#NONE}, one EXIF
 * rule for each of {@code ESP_VIEWED}, {@code WARRANT} and {@code NONE}. An EXIF rule opened by a
 * file being public is refused: the reference keeps a public file's EXIF hidden.
 */
public final class GateRuleSet {
  /** The bundled rule file, next to this class. */
  public static final String RESOURCE = "viewing-gate-rules.yaml";

  private static final Set<String> TOP =
      Set.of(
          "rule_set",
          "version",
          "effective_from",
          "reviewed_by",
          "reviewed_on",
          "notice",
          "default_jurisdiction",
          "rules",
          "jurisdictions",
          "sources");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "applies_to", "opens", "text", "citations");
  private static final Set<String> JURISDICTION_KEYS =
      Set.of("id", "name", "mode", "public_opens", "relaxed_basis", "holding", "citations");
  private static final Set<String> RELAXED_KEYS =
      Set.of("opens", "match_methods", "text", "citations");
  private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern JURISDICTION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

  private final String name;
  private final int version;
  private final LocalDate effectiveFrom;
  private final Optional<String> reviewedBy;
  private final Optional<LocalDate> reviewedOn;
  private final String notice;
  private final Map<GateScope, Map<GateBasis, GateRule>> rules;
  private final Map<String, GateJurisdiction> jurisdictions;
  private final GateJurisdiction defaultJurisdiction;
  private final String file;

  private GateRuleSet(
      String file,
      String name,
      int version,
      LocalDate effectiveFrom,
      Optional<String> reviewedBy,
      Optional<LocalDate> reviewedOn,
      String notice,
      Map<GateScope, Map<GateBasis, GateRule>> rules,
      Map<String, GateJurisdiction> jurisdictions,
      GateJurisdiction defaultJurisdiction) {
    this.file = file;
    this.name = name;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.reviewedBy = reviewedBy;
    this.reviewedOn = reviewedOn;
    this.notice = notice;
    this.rules = rules;
    this.jurisdictions = jurisdictions;
    this.defaultJurisdiction = defaultJurisdiction;
  }

  /** The rule set shipped with Tiptrace. */
  public static GateRuleSet bundled() {
    try (InputStream in = GateRuleSet.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/tiptrace/legal/" + RESOURCE);
      }
      return parse(in.readAllBytes(), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a rule file (an agency's reviewed copy). */
  public static GateRuleSet load(Path path) throws IOException {
    return parse(Files.readAllBytes(path), path.toString());
  }

  /** Reads and validates rule YAML from a stream; as {@link #parse(byte[], String)}. */
  public static GateRuleSet load(InputStream in, String file) throws IOException {
    return parse(in.readAllBytes(), file);
  }

  /**
   * The one parser and validator of viewing-gate rule files: the bundled file, an agency's copy on
   * disk, or a version stored in the database all come through here.
   *
   * @param bytes the file, UTF-8 YAML
   * @param source how errors name it (a path, {@code viewing-gate v3 (database)})
   * @throws RuleSetException naming {@code source}, the line, the key and the reason
   */
  public static GateRuleSet parse(byte[] bytes, String source) {
    return new Parser(LocatedYaml.parse(bytes, source), source).ruleSet();
  }

  /** The rule set's name ({@code viewing-gate}). */
  public String name() {
    return name;
  }

  public int version() {
    return version;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Counsel who reviewed this version; empty while no review is recorded. */
  public Optional<String> reviewedBy() {
    return reviewedBy;
  }

  public Optional<LocalDate> reviewedOn() {
    return reviewedOn;
  }

  /** The rule file's statement that Tiptrace applies these rules and gives no legal advice. */
  public String notice() {
    return notice;
  }

  /** Where the rules were read from. */
  public String file() {
    return file;
  }

  /** The rule of {@code scope} that accepts {@code basis}; every one exists (checked on load). */
  public GateRule rule(GateScope scope, GateBasis basis) {
    return rules.get(scope).get(basis);
  }

  /** Every rule, content rules first. */
  public List<GateRule> rules() {
    List<GateRule> all = new ArrayList<>();
    rules.values().forEach(m -> all.addAll(m.values()));
    return List.copyOf(all);
  }

  /** Every jurisdiction entry, in file order. */
  public List<GateJurisdiction> jurisdictions() {
    return List.copyOf(jurisdictions.values());
  }

  /** The entry that decides while a tip's own jurisdiction is not known. */
  public GateJurisdiction defaultJurisdiction() {
    return defaultJurisdiction;
  }

  /**
   * The entry that decides for a tip in {@code circuit}: that circuit's own entry, else the
   * default. An unknown circuit always gets the default, which the parser keeps strict.
   */
  public GateJurisdiction jurisdictionFor(Optional<String> circuit) {
    return circuit.map(jurisdictions::get).orElse(defaultJurisdiction);
  }

  /** {@code viewing-gate v1 (effective 2026-11-23)}. */
  public String label() {
    return name + " v" + version + " (effective " + effectiveFrom + ")";
  }

  @Override
  public String toString() {
    return label();
  }

  // ---------------------------------------------------------------- parsing

  /** One parse: the located tree, its source name, and every check with the line it failed on. */
  private static final class Parser {
    private final LocatedYaml yaml;
    private final String file;
    private Map<String, String> sources = Map.of();

    Parser(LocatedYaml yaml, String file) {
      this.yaml = yaml;
      this.file = file;
    }

    private RuleSetException fail(String pointer, String key, String reason) {
      return new RuleSetException(file, yaml.line(pointer), key, reason);
    }

    private RuleSetException fail(String pointer, String key, String reason, Throwable cause) {
      return new RuleSetException(file, yaml.line(pointer), key, reason, cause);
    }

    GateRuleSet ruleSet() {
      JsonNode root = yaml.root();
      if (!root.isObject()) {
        throw fail("", "", "expected a mapping at the top");
      }
      unknownKeys(root, "", TOP, "");
      sources = sources(root);
      String name = text(root, "", "rule_set", "");
      int version = root.path("version").isInt() ? root.get("version").intValue() : -1;
      if (version < 1) {
        throw fail("/version", "version", "required, a whole number >= 1");
      }
      LocalDate effective =
          date(root, "effective_from")
              .orElseThrow(
                  () -> fail("/effective_from", "effective_from", "required, a date (YYYY-MM-DD)"));
      Optional<String> reviewedBy = optionalText(root, "reviewed_by");
      Optional<LocalDate> reviewedOn = date(root, "reviewed_on");
      if (reviewedBy.isPresent() != reviewedOn.isPresent()) {
        throw fail(
            "/reviewed_on",
            "reviewed_on",
            "reviewed_by and reviewed_on are given together or not at all");
      }
      String notice = text(root, "", "notice", "");
      if (!notice.toLowerCase(Locale.ROOT).contains("not give legal advice")
          && !notice.toLowerCase(Locale.ROOT).contains("not legal advice")) {
        throw fail("/notice", "notice", "must say that Tiptrace does not give legal advice");
      }
      Map<GateScope, Map<GateBasis, GateRule>> rules = rules(root);
      Map<String, GateJurisdiction> jurisdictions = jurisdictions(root);
      String defaultId = text(root, "", "default_jurisdiction", "");
      GateJurisdiction def = jurisdictions.get(defaultId);
      if (def == null) {
        throw fail(
            "/default_jurisdiction",
            "default_jurisdiction",
            "'" + defaultId + "' is not one of the jurisdictions");
      }
      if (def.mode() != GateMode.STRICT) {
        throw fail(
            "/default_jurisdiction",
            "default_jurisdiction",
            "'"
                + defaultId
                + "' must be strict: it decides where the tip's jurisdiction is unknown, and"
                + " unknown is never relaxed");
      }
      for (GateJurisdiction j : jurisdictions.values()) {
        if (j.mode() == GateMode.RELAXED && reviewedBy.isEmpty()) {
          throw fail(
              "/reviewed_by",
              "jurisdictions." + j.id() + ".mode",
              "a relaxed entry needs a recorded counsel review (reviewed_by, reviewed_on)");
        }
      }
      Map<GateScope, Map<GateBasis, GateRule>> frozen = new EnumMap<>(GateScope.class);
      rules.forEach((sc, m) -> frozen.put(sc, Collections.unmodifiableMap(new EnumMap<>(m))));
      return new GateRuleSet(
          file,
          name,
          version,
          effective,
          reviewedBy,
          reviewedOn,
          notice,
          Collections.unmodifiableMap(frozen),
          Collections.unmodifiableMap(jurisdictions),
          def);
    }

    private Map<GateScope, Map<GateBasis, GateRule>> rules(JsonNode root) {
      Map<GateScope, Map<GateBasis, GateRule>> rules = new EnumMap<>(GateScope.class);
      JsonNode ruleList = root.path("rules");
      if (!ruleList.isArray() || ruleList.isEmpty()) {
        throw fail("/rules", "rules", "required, a non-empty list");
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < ruleList.size(); i++) {
        String where = "rules[" + i + "]";
        String ptr = "/rules/" + i;
        JsonNode n = ruleList.get(i);
        if (!n.isObject()) {
          throw fail(ptr, where, "must be a mapping");
        }
        unknownKeys(n, ptr, RULE_KEYS, where);
        String id = text(n, ptr, "id", where);
        if (!RULE_ID.matcher(id).matches()) {
          throw fail(
              ptr + "/id",
              where + ".id",
              "'" + id + "' must be upper-case letters, digits and '_'");
        }
        if (!ids.add(id)) {
          throw fail(ptr + "/id", where + ".id", "duplicate rule id '" + id + "'");
        }
        String rule = "rules." + id;
        GateScope scope =
            enumValue(
                GateScope.class,
                text(n, ptr, "applies_to", rule),
                ptr + "/applies_to",
                rule + ".applies_to");
        String opensText = text(n, ptr, "opens", rule);
        GateBasis opens =
            opensText.equals("nothing")
                ? GateBasis.NONE
                : enumValue(GateBasis.class, opensText, ptr + "/opens", rule + ".opens");
        if (opens == GateBasis.NONE && opensText.equalsIgnoreCase("none")) {
          throw fail(ptr + "/opens", rule + ".opens", "write 'nothing' for the blocking rule");
        }
        if (scope == GateScope.EXIF
            && (opens == GateBasis.PUBLICLY_AVAILABLE
                || opens == GateBasis.KNOWN_ABUSE_HASH_MATCH)) {
          throw fail(
              ptr + "/opens",
              rule + ".opens",
              "an EXIF rule cannot open on "
                  + opensText
                  + ": EXIF stays hidden unless exifViewedByEsp is true or a warrant covers the"
                  + " file (legal-rules.md §3.2)");
        }
        GateRule parsed =
            new GateRule(id, scope, opens, text(n, ptr, "text", rule), citations(n, ptr, rule));
        GateRule before =
            rules.computeIfAbsent(scope, s -> new EnumMap<>(GateBasis.class)).put(opens, parsed);
        if (before != null) {
          throw fail(
              ptr,
              rule,
              "rule "
                  + before.id()
                  + " already covers "
                  + scope.name().toLowerCase(Locale.ROOT)
                  + " opened by "
                  + opensText);
        }
      }
      for (GateBasis b : GateBasis.values()) {
        require(rules, GateScope.CONTENT, b);
      }
      require(rules, GateScope.EXIF, GateBasis.ESP_VIEWED);
      require(rules, GateScope.EXIF, GateBasis.WARRANT);
      require(rules, GateScope.EXIF, GateBasis.NONE);
      return rules;
    }

    private Map<String, GateJurisdiction> jurisdictions(JsonNode root) {
      Map<String, GateJurisdiction> jurisdictions = new LinkedHashMap<>();
      JsonNode jList = root.path("jurisdictions");
      if (!jList.isArray() || jList.isEmpty()) {
        throw fail("/jurisdictions", "jurisdictions", "required, a non-empty list");
      }
      for (int i = 0; i < jList.size(); i++) {
        String where = "jurisdictions[" + i + "]";
        String ptr = "/jurisdictions/" + i;
        JsonNode n = jList.get(i);
        if (!n.isObject()) {
          throw fail(ptr, where, "must be a mapping");
        }
        unknownKeys(n, ptr, JURISDICTION_KEYS, where);
        String id = text(n, ptr, "id", where);
        if (!JURISDICTION_ID.matcher(id).matches()) {
          throw fail(ptr + "/id", where + ".id", "'" + id + "' is not a jurisdiction id");
        }
        String key = "jurisdictions." + id;
        if (!n.path("public_opens").isBoolean()) {
          throw fail(ptr + "/public_opens", key + ".public_opens", "required, true or false");
        }
        GateMode mode =
            enumValue(GateMode.class, text(n, ptr, "mode", key), ptr + "/mode", key + ".mode");
        Optional<RelaxedBasis> relaxed = relaxedBasis(n, ptr, key);
        if (mode == GateMode.RELAXED && relaxed.isEmpty()) {
          throw fail(
              ptr + "/mode",
              key + ".mode",
              "a relaxed entry must name its relaxed_basis (what it accepts, with citations)");
        }
        GateJurisdiction j =
            new GateJurisdiction(
                id,
                text(n, ptr, "name", key),
                mode,
                n.get("public_opens").booleanValue(),
                relaxed,
                text(n, ptr, "holding", key),
                citations(n, ptr, key));
        if (jurisdictions.put(id, j) != null) {
          throw fail(ptr + "/id", where + ".id", "duplicate jurisdiction '" + id + "'");
        }
      }
      return jurisdictions;
    }

    private Optional<RelaxedBasis> relaxedBasis(JsonNode j, String jPtr, String jKey) {
      JsonNode n = j.get("relaxed_basis");
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
      String ptr = jPtr + "/relaxed_basis";
      String key = jKey + ".relaxed_basis";
      if (!n.isObject()) {
        throw fail(ptr, key, "must be a mapping (opens, match_methods, text, citations)");
      }
      unknownKeys(n, ptr, RELAXED_KEYS, key);
      GateBasis opens =
          enumValue(GateBasis.class, text(n, ptr, "opens", key), ptr + "/opens", key + ".opens");
      if (opens != GateBasis.KNOWN_ABUSE_HASH_MATCH) {
        throw fail(
            ptr + "/opens",
            key + ".opens",
            "only known_abuse_hash_match can be a relaxed basis; the strict bases apply anyway");
      }
      JsonNode list = n.path("match_methods");
      if (!list.isArray() || list.isEmpty()) {
        throw fail(
            ptr + "/match_methods",
            key + ".match_methods",
            "required, a non-empty list of exact_md5, exact_sha1, exact_sha256, pdq");
      }
      Set<MatchMethod> methods = EnumSet.noneOf(MatchMethod.class);
      for (int i = 0; i < list.size(); i++) {
        methods.add(
            enumValue(
                MatchMethod.class,
                list.get(i).asText(""),
                ptr + "/match_methods/" + i,
                key + ".match_methods[" + i + "]"));
      }
      return Optional.of(
          new RelaxedBasis(opens, methods, text(n, ptr, "text", key), citations(n, ptr, key)));
    }

    private void require(
        Map<GateScope, Map<GateBasis, GateRule>> rules, GateScope scope, GateBasis basis) {
      if (!rules.getOrDefault(scope, Map.of()).containsKey(basis)) {
        throw fail(
            "/rules",
            "rules",
            "no rule for "
                + scope.name().toLowerCase(Locale.ROOT)
                + " opened by "
                + (basis == GateBasis.NONE ? "nothing" : basis.name().toLowerCase(Locale.ROOT))
                + ": the decision table must be complete");
      }
    }

    private Map<String, String> sources(JsonNode root) {
      JsonNode s = root.path("sources");
      if (!s.isObject() || s.isEmpty()) {
        throw fail("/sources", "sources", "required, a mapping of source keys to text");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
          throw fail("/sources/" + e.getKey(), "sources." + e.getKey(), "must be non-empty text");
        }
        out.put(e.getKey(), e.getValue().textValue().strip());
      }
      return out;
    }

    private List<Citation> citations(JsonNode n, String ptr, String where) {
      JsonNode list = n.path("citations");
      if (!list.isArray() || list.isEmpty()) {
        throw fail(
            ptr + "/citations", where + ".citations", "required, a non-empty list of source keys");
      }
      List<Citation> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String key = list.get(i).asText("");
        String text = sources.get(key);
        if (text == null) {
          throw fail(
              ptr + "/citations/" + i,
              where + ".citations[" + i + "]",
              "'" + key + "' is not a key of 'sources'");
        }
        out.add(new Citation(key, text));
      }
      return out;
    }

    private void unknownKeys(JsonNode n, String ptr, Set<String> allowed, String where) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!allowed.contains(k)) {
          throw fail(
              ptr + "/" + k,
              where.isEmpty() ? k : where + "." + k,
              "unknown key (allowed: " + new TreeSet<>(allowed) + ")");
        }
      }
    }

    private String text(JsonNode n, String ptr, String key, String where) {
      JsonNode v = n.get(key);
      if (v == null || !v.isTextual() || v.textValue().isBlank()) {
        throw fail(
            ptr + "/" + key, where.isEmpty() ? key : where + "." + key, "required, non-empty text");
      }
      return v.textValue().strip();
    }

    private Optional<String> optionalText(JsonNode n, String key) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      if (!v.isTextual() || v.textValue().isBlank()) {
        throw fail("/" + key, key, "must be non-empty text or null");
      }
      return Optional.of(v.textValue().strip());
    }

    private Optional<LocalDate> date(JsonNode n, String key) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(v.asText()));
      } catch (DateTimeParseException e) {
        throw fail("/" + key, key, "'" + v.asText() + "' is not a date (YYYY-MM-DD)", e);
      }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String ptr, String key) {
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        List<String> allowed = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
          allowed.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw fail(ptr, key, "'" + value + "' is not one of " + allowed, e);
      }
    }
  }
}
