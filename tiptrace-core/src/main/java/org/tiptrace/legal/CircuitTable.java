package org.tiptrace.legal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which federal circuit hears appeals from each US state and territory ({@code
 * us-federal-circuits.yaml}, from 28 U.S.C. § 41), so the viewing gate can pick a tip's entry in
 * its rule set from the tip's stored routing decision. A region is matched by its postal code or
 * its name, upper-cased, as routing stores it ({@code CA}, {@code CALIFORNIA}; ISO 3166-2 {@code
 * US-CA} is reduced to {@code CA} by routing). A region the table does not list has no circuit:
 * unknown, never guessed.
 */
public final class CircuitTable {
  /** The bundled table, next to this class. */
  public static final String RESOURCE = "us-federal-circuits.yaml";

  private static final Set<String> TOP =
      Set.of("table", "version", "effective_from", "country", "citations", "sources", "circuits");
  private static final Set<String> CIRCUIT_KEYS = Set.of("id", "name", "members");
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

  /** A federal circuit: {@code US-CA9}, "Ninth Circuit". */
  public record Circuit(String id, String name) {}

  private final String name;
  private final int version;
  private final LocalDate effectiveFrom;
  private final String country;
  private final List<Citation> citations;
  private final Map<String, Circuit> byRegion;
  private final List<Circuit> circuits;

  private CircuitTable(
      String name,
      int version,
      LocalDate effectiveFrom,
      String country,
      List<Citation> citations,
      Map<String, Circuit> byRegion,
      List<Circuit> circuits) {
    this.name = name;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.country = country;
    this.citations = List.copyOf(citations);
    this.byRegion = Map.copyOf(byRegion);
    this.circuits = List.copyOf(circuits);
  }

  /** The table shipped with Tiptrace. */
  public static CircuitTable bundled() {
    try (InputStream in = CircuitTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/tiptrace/legal/" + RESOURCE);
      }
      return parse(in.readAllBytes(), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads and validates a circuit table.
   *
   * @throws RuleSetException naming {@code source}, the line, the key and the reason
   */
  public static CircuitTable parse(byte[] bytes, String source) {
    LocatedYaml yaml = LocatedYaml.parse(bytes, source);
    JsonNode root = yaml.root();
    if (!root.isObject()) {
      throw new RuleSetException(source, 1, "", "expected a mapping at the top");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!TOP.contains(k)) {
        throw new RuleSetException(
            source, yaml.line("/" + k), k, "unknown key (allowed: " + new TreeSet<>(TOP) + ")");
      }
    }
    String name = text(yaml, source, root, "/table", "table");
    int version = root.path("version").isInt() ? root.get("version").intValue() : -1;
    if (version < 1) {
      throw new RuleSetException(
          source, yaml.line("/version"), "version", "required, a whole number >= 1");
    }
    LocalDate effective;
    try {
      effective = LocalDate.parse(text(yaml, source, root, "/effective_from", "effective_from"));
    } catch (DateTimeParseException e) {
      throw new RuleSetException(
          source, yaml.line("/effective_from"), "effective_from", "not a date (YYYY-MM-DD)", e);
    }
    String country = text(yaml, source, root, "/country", "country");
    if (!CODE.matcher(country).matches()) {
      throw new RuleSetException(
          source, yaml.line("/country"), "country", "'" + country + "' is not an ISO 3166 code");
    }
    Map<String, String> sources = new LinkedHashMap<>();
    JsonNode s = root.path("sources");
    if (!s.isObject() || s.isEmpty()) {
      throw new RuleSetException(
          source, yaml.line("/sources"), "sources", "required, a mapping of keys to text");
    }
    s.fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText("").strip()));
    List<Citation> citations = new ArrayList<>();
    JsonNode cl = root.path("citations");
    if (!cl.isArray() || cl.isEmpty()) {
      throw new RuleSetException(
          source,
          yaml.line("/citations"),
          "citations",
          "required, a non-empty list of source keys");
    }
    for (int i = 0; i < cl.size(); i++) {
      String key = cl.get(i).asText("");
      String text = sources.get(key);
      if (text == null || text.isEmpty()) {
        throw new RuleSetException(
            source,
            yaml.line("/citations/" + i),
            "citations[" + i + "]",
            "'" + key + "' is not a key of 'sources'");
      }
      citations.add(new Citation(key, text));
    }
    JsonNode list = root.path("circuits");
    if (!list.isArray() || list.isEmpty()) {
      throw new RuleSetException(
          source, yaml.line("/circuits"), "circuits", "required, a non-empty list");
    }
    Map<String, Circuit> byRegion = new LinkedHashMap<>();
    Map<String, Circuit> byId = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String ptr = "/circuits/" + i;
      JsonNode n = list.get(i);
      if (!n.isObject()) {
        throw new RuleSetException(
            source, yaml.line(ptr), "circuits[" + i + "]", "must be a mapping");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!CIRCUIT_KEYS.contains(k)) {
          throw new RuleSetException(
              source,
              yaml.line(ptr + "/" + k),
              "circuits[" + i + "]." + k,
              "unknown key (allowed: " + new TreeSet<>(CIRCUIT_KEYS) + ")");
        }
      }
      String id = text(yaml, source, n, ptr + "/id", "circuits[" + i + "].id");
      Circuit c = new Circuit(id, text(yaml, source, n, ptr + "/name", "circuits." + id + ".name"));
      if (byId.put(id, c) != null) {
        throw new RuleSetException(
            source, yaml.line(ptr + "/id"), "circuits[" + i + "].id", "duplicate circuit " + id);
      }
      JsonNode members = n.path("members");
      if (!members.isObject() || members.isEmpty()) {
        throw new RuleSetException(
            source,
            yaml.line(ptr + "/members"),
            "circuits." + id + ".members",
            "required, a mapping of postal code to name");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        String at = ptr + "/members/" + m.getKey();
        String key = "circuits." + id + ".members." + m.getKey();
        if (!CODE.matcher(m.getKey()).matches() || !m.getValue().isTextual()) {
          throw new RuleSetException(
              source, yaml.line(at), key, "a two-letter postal code mapped to the member's name");
        }
        for (String region :
            List.of(m.getKey(), m.getValue().textValue().strip().toUpperCase(Locale.ROOT))) {
          Circuit before = byRegion.put(region, c);
          if (before != null) {
            throw new RuleSetException(
                source, yaml.line(at), key, "'" + region + "' is already in " + before.id());
          }
        }
      }
    }
    return new CircuitTable(
        name, version, effective, country, citations, byRegion, List.copyOf(byId.values()));
  }

  private static String text(
      LocatedYaml yaml, String source, JsonNode n, String pointer, String key) {
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw new RuleSetException(source, yaml.line(pointer), key, "required, non-empty text");
    }
    return v.textValue().strip();
  }

  /**
   * The circuit of a region of {@code country}; empty when the country is not this table's, the
   * region is not listed, or either is missing.
   */
  public Optional<Circuit> circuitOf(Optional<String> country, Optional<String> region) {
    if (country.isEmpty()
        || region.isEmpty()
        || !country.get().strip().equalsIgnoreCase(this.country)) {
      return Optional.empty();
    }
    String r = region.get().strip().toUpperCase(Locale.ROOT);
    if (r.startsWith(this.country + "-")) {
      r = r.substring(3);
    }
    return Optional.ofNullable(byRegion.get(r));
  }

  /** Every circuit, in file order. */
  public List<Circuit> circuits() {
    return circuits;
  }

  public List<Citation> citations() {
    return citations;
  }

  public int version() {
    return version;
  }

  /** {@code us-federal-circuits v1 (effective 2026-11-23)}. */
  public String label() {
    return name + " v" + version + " (effective " + effectiveFrom + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
