package org.tiptrace.legal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
      Set.of("id", "name", "policy", "public_opens", "holding", "citations");
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
      return load(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a rule file (an agency's reviewed copy). */
  public static GateRuleSet load(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return load(in, path.toString());
    }
  }

  /**
   * Reads and validates rule YAML.
   *
   * @throws RuleSetException naming {@code file}, the key and the reason
   */
  public static GateRuleSet load(InputStream in, String file) throws IOException {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw new RuleSetException(file, "", "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RuleSetException(file, "", "expected a mapping at the top");
    }
    unknownKeys(root, TOP, file, "");
    Map<String, String> sources = sources(root, file);
    String name = text(root, "rule_set", file, "");
    int version = root.path("version").isInt() ? root.get("version").intValue() : -1;
    if (version < 1) {
      throw new RuleSetException(file, "version", "required, a whole number >= 1");
    }
    LocalDate effective =
        date(root, "effective_from", file)
            .orElseThrow(
                () ->
                    new RuleSetException(file, "effective_from", "required, a date (YYYY-MM-DD)"));
    Optional<String> reviewedBy = optionalText(root, "reviewed_by", file);
    Optional<LocalDate> reviewedOn = date(root, "reviewed_on", file);
    if (reviewedBy.isPresent() != reviewedOn.isPresent()) {
      throw new RuleSetException(
          file, "reviewed_on", "reviewed_by and reviewed_on are given together or not at all");
    }
    String notice = text(root, "notice", file, "");
    if (!notice.toLowerCase(Locale.ROOT).contains("not give legal advice")
        && !notice.toLowerCase(Locale.ROOT).contains("not legal advice")) {
      throw new RuleSetException(
          file, "notice", "must say that Tiptrace does not give legal advice");
    }

    Map<GateScope, Map<GateBasis, GateRule>> rules = new EnumMap<>(GateScope.class);
    JsonNode ruleList = root.path("rules");
    if (!ruleList.isArray() || ruleList.isEmpty()) {
      throw new RuleSetException(file, "rules", "required, a non-empty list");
    }
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < ruleList.size(); i++) {
      String where = "rules[" + i + "]";
      JsonNode n = ruleList.get(i);
      if (!n.isObject()) {
        throw new RuleSetException(file, where, "must be a mapping");
      }
      unknownKeys(n, RULE_KEYS, file, where);
      String id = text(n, "id", file, where);
      if (!RULE_ID.matcher(id).matches()) {
        throw new RuleSetException(
            file, where + ".id", "'" + id + "' must be upper-case letters, digits and '_'");
      }
      if (!ids.add(id)) {
        throw new RuleSetException(file, where + ".id", "duplicate rule id '" + id + "'");
      }
      String rule = "rules." + id;
      GateScope scope =
          enumValue(GateScope.class, text(n, "applies_to", file, rule), file, rule + ".applies_to");
      String opensText = text(n, "opens", file, rule);
      GateBasis opens =
          opensText.equals("nothing")
              ? GateBasis.NONE
              : enumValue(GateBasis.class, opensText, file, rule + ".opens");
      if (opens == GateBasis.NONE && opensText.equalsIgnoreCase("none")) {
        throw new RuleSetException(file, rule + ".opens", "write 'nothing' for the blocking rule");
      }
      if (scope == GateScope.EXIF && opens == GateBasis.PUBLICLY_AVAILABLE) {
        throw new RuleSetException(
            file,
            rule + ".opens",
            "an EXIF rule cannot open on publicly_available: EXIF stays hidden unless"
                + " exifViewedByEsp is true or a warrant covers the file (legal-rules.md §3.2)");
      }
      GateRule parsed =
          new GateRule(
              id, scope, opens, text(n, "text", file, rule), citations(n, sources, file, rule));
      GateRule before =
          rules.computeIfAbsent(scope, s -> new EnumMap<>(GateBasis.class)).put(opens, parsed);
      if (before != null) {
        throw new RuleSetException(
            file,
            rule,
            "rule "
                + before.id()
                + " already covers "
                + scope.name().toLowerCase(Locale.ROOT)
                + " opened by "
                + opensText);
      }
    }
    require(rules, GateScope.CONTENT, GateBasis.ESP_VIEWED, file);
    require(rules, GateScope.CONTENT, GateBasis.PUBLICLY_AVAILABLE, file);
    require(rules, GateScope.CONTENT, GateBasis.WARRANT, file);
    require(rules, GateScope.CONTENT, GateBasis.NONE, file);
    require(rules, GateScope.EXIF, GateBasis.ESP_VIEWED, file);
    require(rules, GateScope.EXIF, GateBasis.WARRANT, file);
    require(rules, GateScope.EXIF, GateBasis.NONE, file);

    Map<String, GateJurisdiction> jurisdictions = new LinkedHashMap<>();
    JsonNode jList = root.path("jurisdictions");
    if (!jList.isArray() || jList.isEmpty()) {
      throw new RuleSetException(file, "jurisdictions", "required, a non-empty list");
    }
    for (int i = 0; i < jList.size(); i++) {
      String where = "jurisdictions[" + i + "]";
      JsonNode n = jList.get(i);
      if (!n.isObject()) {
        throw new RuleSetException(file, where, "must be a mapping");
      }
      unknownKeys(n, JURISDICTION_KEYS, file, where);
      String id = text(n, "id", file, where);
      if (!JURISDICTION_ID.matcher(id).matches()) {
        throw new RuleSetException(file, where + ".id", "'" + id + "' is not a jurisdiction id");
      }
      String key = "jurisdictions." + id;
      if (!n.path("public_opens").isBoolean()) {
        throw new RuleSetException(file, key + ".public_opens", "required, true or false");
      }
      GateJurisdiction j =
          new GateJurisdiction(
              id,
              text(n, "name", file, key),
              enumValue(GatePolicy.class, text(n, "policy", file, key), file, key + ".policy"),
              n.get("public_opens").booleanValue(),
              text(n, "holding", file, key),
              citations(n, sources, file, key));
      if (jurisdictions.put(id, j) != null) {
        throw new RuleSetException(file, where + ".id", "duplicate jurisdiction '" + id + "'");
      }
    }
    String defaultId = text(root, "default_jurisdiction", file, "");
    GateJurisdiction def = jurisdictions.get(defaultId);
    if (def == null) {
      throw new RuleSetException(
          file, "default_jurisdiction", "'" + defaultId + "' is not one of the jurisdictions");
    }
    Map<GateScope, Map<GateBasis, GateRule>> frozen = new EnumMap<>(GateScope.class);
    rules.forEach((s, m) -> frozen.put(s, java.util.Collections.unmodifiableMap(new EnumMap<>(m))));
    return new GateRuleSet(
        file,
        name,
        version,
        effective,
        reviewedBy,
        reviewedOn,
        notice,
        java.util.Collections.unmodifiableMap(frozen),
        java.util.Collections.unmodifiableMap(jurisdictions),
        def);
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

  /** {@code viewing-gate v1 (effective 2026-11-23)}. */
  public String label() {
    return name + " v" + version + " (effective " + effectiveFrom + ")";
  }

  @Override
  public String toString() {
    return label();
  }

  // ---------------------------------------------------------------- validation helpers

  private static void require(
      Map<GateScope, Map<GateBasis, GateRule>> rules,
      GateScope scope,
      GateBasis basis,
      String file) {
    if (!rules.getOrDefault(scope, Map.of()).containsKey(basis)) {
      throw new RuleSetException(
          file,
          "rules",
          "no rule for "
              + scope.name().toLowerCase(Locale.ROOT)
              + " opened by "
              + (basis == GateBasis.NONE ? "nothing" : basis.name().toLowerCase(Locale.ROOT))
              + ": the decision table must be complete");
    }
  }

  private static Map<String, String> sources(JsonNode root, String file) {
    JsonNode s = root.path("sources");
    if (!s.isObject() || s.isEmpty()) {
      throw new RuleSetException(file, "sources", "required, a mapping of source keys to text");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
        throw new RuleSetException(file, "sources." + e.getKey(), "must be non-empty text");
      }
      out.put(e.getKey(), e.getValue().textValue().strip());
    }
    return out;
  }

  private static List<Citation> citations(
      JsonNode n, Map<String, String> sources, String file, String where) {
    JsonNode list = n.path("citations");
    if (!list.isArray() || list.isEmpty()) {
      throw new RuleSetException(
          file, where + ".citations", "required, a non-empty list of source keys");
    }
    List<Citation> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = list.get(i).asText("");
      String text = sources.get(key);
      if (text == null) {
        throw new RuleSetException(
            file, where + ".citations[" + i + "]", "'" + key + "' is not a key of 'sources'");
      }
      out.add(new Citation(key, text));
    }
    return out;
  }

  private static void unknownKeys(JsonNode n, Set<String> allowed, String file, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new RuleSetException(
            file,
            where.isEmpty() ? k : where + "." + k,
            "unknown key (allowed: " + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String text(JsonNode n, String key, String file, String where) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw new RuleSetException(
          file, where.isEmpty() ? key : where + "." + key, "required, non-empty text");
    }
    return v.textValue().strip();
  }

  private static Optional<String> optionalText(JsonNode n, String key, String file) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.textValue().isBlank()) {
      throw new RuleSetException(file, key, "must be non-empty text or null");
    }
    return Optional.of(v.textValue().strip());
  }

  private static Optional<LocalDate> date(JsonNode n, String key, String file) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.asText()));
    } catch (DateTimeParseException e) {
      throw new RuleSetException(file, key, "'" + v.asText() + "' is not a date (YYYY-MM-DD)", e);
    }
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String file, String key) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw new RuleSetException(file, key, "'" + value + "' is not one of " + allowed, e);
    }
  }
}
