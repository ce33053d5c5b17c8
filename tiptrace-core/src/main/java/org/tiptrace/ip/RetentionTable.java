package org.tiptrace.ip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned, cited ISP retention table ({@code isp-retention.yaml}): per ISP the believed
 * retention of IP assignment logs, CGNAT and mobile flags and the delegated IPv6 prefix, plus a
 * default row. Validated on load; an error names the file, the row key, the field and the value.
 *
 * <p>The numbers are estimates from published sources, not legal advice and not a promise by any
 * ISP; the US has no retention mandate. Decisions store {@link #version()}.
 */
public final class RetentionTable {
  public static final String RESOURCE = "isp-retention.yaml";
  private static final Set<String> TOP =
      Set.of("version", "effective_from", "preserve_margin_days", "note", "default", "isps");
  private static final Set<String> ROW =
      Set.of(
          "key",
          "asn",
          "org_names",
          "name",
          "retention_days",
          "cgnat",
          "mobile",
          "ipv6_prefix",
          "source");

  private final int version;
  private final LocalDate effectiveFrom;
  private final Duration preserveMargin;
  private final IspProfile defaultProfile;
  private final List<IspProfile> isps;
  private final Map<Long, IspProfile> byAsn = new HashMap<>();
  private final Map<String, IspProfile> byOrg = new HashMap<>();

  private RetentionTable(
      int version,
      LocalDate effectiveFrom,
      Duration preserveMargin,
      IspProfile defaultProfile,
      List<IspProfile> isps) {
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.preserveMargin = preserveMargin;
    this.defaultProfile = defaultProfile;
    this.isps = List.copyOf(isps);
    for (IspProfile p : isps) {
      p.asn().ifPresent(a -> byAsn.put(a, p));
      p.orgNames().forEach(o -> byOrg.put(o.toLowerCase(Locale.ROOT), p));
    }
  }

  /** The table shipped with Tiptrace. */
  public static RetentionTable bundled() {
    try (InputStream in =
        Objects.requireNonNull(
            RetentionTable.class.getResourceAsStream(RESOURCE), "missing resource " + RESOURCE)) {
      return load(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a table file (e.g. an agency's own copy). */
  public static RetentionTable load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.getFileName().toString());
    }
  }

  /** Reads and validates a table. */
  public static RetentionTable load(InputStream in, String name) throws IOException {
    JsonNode root = new YAMLMapper().readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(name + ": expected a mapping at the top");
    }
    unknownKeys(root, TOP, name, "");
    int version = intField(root, "version", 1, Integer.MAX_VALUE, name, "");
    LocalDate effective = dateField(root, "effective_from", name);
    int margin =
        root.has("preserve_margin_days")
            ? intField(root, "preserve_margin_days", 0, 365, name, "")
            : 14;
    JsonNode def = root.get("default");
    if (def == null || !def.isObject()) {
      throw new IllegalArgumentException(name + ": 'default' is required and must be a mapping");
    }
    IspProfile defaultProfile = row(def, null, name, "default");
    JsonNode list = root.get("isps");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(name + ": 'isps' is required and must be a list");
    }
    List<IspProfile> rows = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<Long> asns = new HashSet<>();
    Set<String> orgs = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode n = list.get(i);
      String where = "isps[" + i + "]";
      if (!n.isObject()) {
        throw new IllegalArgumentException(name + ": " + where + " must be a mapping");
      }
      IspProfile p = row(n, defaultProfile, name, where);
      if (!keys.add(p.key())) {
        throw new IllegalArgumentException(
            name + ": " + where + ": duplicate key '" + p.key() + "'");
      }
      if (p.asn().isPresent() && !asns.add(p.asn().get())) {
        throw new IllegalArgumentException(
            name + ": isps." + p.key() + ".asn: duplicate ASN " + p.asn().get());
      }
      for (String o : p.orgNames()) {
        if (!orgs.add(o.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              name + ": isps." + p.key() + ".org_names: duplicate name '" + o + "'");
        }
      }
      if (p.asn().isEmpty() && p.orgNames().isEmpty()) {
        throw new IllegalArgumentException(
            name + ": isps." + p.key() + ": needs 'asn' or 'org_names' to be selectable");
      }
      rows.add(p);
    }
    return new RetentionTable(version, effective, Duration.ofDays(margin), defaultProfile, rows);
  }

  private static IspProfile row(JsonNode n, IspProfile def, String file, String where) {
    String key = def == null ? "default" : text(n, "key", file, where);
    String at = def == null ? "default" : "isps." + key;
    unknownKeys(n, ROW, file, at + ".");
    Optional<Long> asn = Optional.empty();
    if (n.has("asn")) {
      JsonNode a = n.get("asn");
      if (!a.canConvertToLong()
          || !a.isIntegralNumber()
          || a.asLong() < 0
          || a.asLong() > 4294967295L) {
        throw bad(file, at + ".asn", a, "an integer 0..4294967295");
      }
      asn = Optional.of(a.asLong());
    }
    List<String> orgs = new ArrayList<>();
    if (n.has("org_names")) {
      JsonNode o = n.get("org_names");
      if (!o.isArray()) {
        throw bad(file, at + ".org_names", o, "a list of names");
      }
      for (JsonNode x : o) {
        if (!x.isTextual() || x.asText().isBlank()) {
          throw bad(file, at + ".org_names", x, "a non-empty name");
        }
        orgs.add(x.asText());
      }
    }
    String name = def == null ? n.path("name").asText("default") : text(n, "name", file, at);
    int days =
        def == null || n.has("retention_days")
            ? intField(n, "retention_days", 1, 3650, file, at + ".")
            : def.retentionDays();
    Optional<Boolean> cgnat;
    if (!n.has("cgnat")) {
      cgnat = def == null ? Optional.empty() : def.cgnat();
    } else {
      JsonNode c = n.get("cgnat");
      if (c.isBoolean()) {
        cgnat = Optional.of(c.asBoolean());
      } else if (c.isTextual() && c.asText().equals("unknown")) {
        cgnat = Optional.empty();
      } else {
        throw bad(file, at + ".cgnat", c, "true, false or unknown");
      }
    }
    boolean mobile = false;
    if (n.has("mobile")) {
      JsonNode m = n.get("mobile");
      if (!m.isBoolean()) {
        throw bad(file, at + ".mobile", m, "true or false");
      }
      mobile = m.asBoolean();
    }
    int prefix =
        def == null || n.has("ipv6_prefix")
            ? intField(n, "ipv6_prefix", 16, 64, file, at + ".")
            : def.ipv6PrefixLength();
    String source = text(n, "source", file, at);
    return new IspProfile(key, asn, orgs, name, days, cgnat, mobile, prefix, source);
  }

  private static void unknownKeys(JsonNode n, Set<String> allowed, String file, String at) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new IllegalArgumentException(
            file
                + ": "
                + at
                + f
                + ": unknown field (allowed: "
                + new java.util.TreeSet<>(allowed)
                + ")");
      }
    }
  }

  private static String text(JsonNode n, String field, String file, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw bad(file, at + "." + field, v, "a non-empty text");
    }
    return v.asText();
  }

  private static int intField(JsonNode n, String field, int min, int max, String file, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw bad(file, at + field, v, "an integer " + min + ".." + max);
    }
    return v.asInt();
  }

  private static LocalDate dateField(JsonNode n, String field, String file) {
    JsonNode v = n.get(field);
    try {
      if (v != null && v.isTextual()) {
        return LocalDate.parse(v.asText());
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          file + ": " + field + ": must be a date yyyy-MM-dd, was '" + v.asText() + "'", e);
    }
    throw bad(file, field, v, "a date yyyy-MM-dd");
  }

  private static IllegalArgumentException bad(String file, String at, JsonNode v, String expected) {
    String was = v == null || v.isMissingNode() ? "missing" : "'" + v.asText() + "'";
    return new IllegalArgumentException(
        file + ": " + at + ": must be " + expected + ", was " + was);
  }

  /** The row for an enrichment: by ASN, then by organisation name, else the default row. */
  public IspProfile profileFor(Enrichment e) {
    if (e.asn().isPresent()) {
      IspProfile p = byAsn.get(e.asn().get());
      if (p != null) {
        return p;
      }
    }
    if (e.asOrganization().isPresent()) {
      IspProfile p = byOrg.get(e.asOrganization().get().toLowerCase(Locale.ROOT));
      if (p != null) {
        return p;
      }
    }
    return defaultProfile;
  }

  public int version() {
    return version;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Below this remaining time a preservation request is due now. */
  public Duration preserveMargin() {
    return preserveMargin;
  }

  public IspProfile defaultProfile() {
    return defaultProfile;
  }

  public List<IspProfile> isps() {
    return isps;
  }
}
