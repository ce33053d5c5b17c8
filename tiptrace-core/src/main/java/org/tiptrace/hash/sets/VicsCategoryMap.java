package org.tiptrace.hash.sets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tiptrace.hash.sets.LocatedYaml.ListNode;
import org.tiptrace.hash.sets.LocatedYaml.MapNode;
import org.tiptrace.hash.sets.LocatedYaml.Node;
import org.tiptrace.hash.sets.LocatedYaml.Scalar;

/**
 * How the categories of a VICS hash set read when an entry matches: the versioned, cited data file
 * {@code vics-categories.yaml} next to this class (hash-sets-and-forensics.md §1.4), validated on
 * load; every error names the file, the line and the reason.
 *
 * <p>The map applies to a set imported with the kind {@code applies_to.set_kind} (KNOWN_ABUSE)
 * whose category scheme starts with {@code applies_to.scheme_prefix} (VICS) and has none of the
 * excluded flavours (UK) among its words. For such a set, an entry's category reads as its listed
 * kind; an absent category as {@code uncategorised}; any other category as {@code unlisted}. Every
 * other set keeps its kind for every entry.
 */
public final class VicsCategoryMap {
  /** The bundled map, next to this class. */
  public static final String RESOURCE = "vics-categories.yaml";

  private static final Set<String> TOP =
      Set.of(
          "map",
          "version",
          "effective",
          "sources",
          "applies_to",
          "categories",
          "uncategorised",
          "unlisted");
  private static final Pattern SOURCE_ID = Pattern.compile("[A-Z][A-Z0-9.-]{0,31}");
  private static final Pattern CATEGORY = Pattern.compile("0|[1-9][0-9]{0,3}");

  /**
   * One mapping.
   *
   * @param meaning what the category is, as the sources describe it (empty for the fallbacks)
   * @param sources the ids of the sources that support it
   */
  public record Mapping(HashSetKind readsAs, String meaning, List<String> sources) {
    public Mapping {
      Objects.requireNonNull(readsAs, "readsAs");
      Objects.requireNonNull(meaning, "meaning");
      sources = List.copyOf(sources);
    }
  }

  private final String name;
  private final String version;
  private final LocalDate effective;
  private final Map<String, String> sources;
  private final HashSetKind setKind;
  private final String schemePrefix;
  private final Set<String> excludedFlavours;
  private final Map<String, Mapping> categories;
  private final Mapping uncategorised;
  private final Mapping unlisted;

  private VicsCategoryMap(
      String name,
      String version,
      LocalDate effective,
      Map<String, String> sources,
      HashSetKind setKind,
      String schemePrefix,
      Set<String> excludedFlavours,
      Map<String, Mapping> categories,
      Mapping uncategorised,
      Mapping unlisted) {
    this.name = name;
    this.version = version;
    this.effective = effective;
    this.sources = Map.copyOf(sources);
    this.setKind = setKind;
    this.schemePrefix = schemePrefix;
    this.excludedFlavours = Set.copyOf(excludedFlavours);
    this.categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    this.uncategorised = uncategorised;
    this.unlisted = unlisted;
  }

  private static final class Bundled {
    static final VicsCategoryMap MAP = readBundled();
  }

  /**
   * The map shipped with Tiptrace, read and validated once.
   *
   * @throws CategoryMapException when the bundled file is invalid (a build error)
   */
  public static VicsCategoryMap bundled() {
    return Bundled.MAP;
  }

  private static VicsCategoryMap readBundled() {
    try (InputStream in = VicsCategoryMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/tiptrace/hash/sets/" + RESOURCE);
      }
      return load(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a map file. */
  public static VicsCategoryMap load(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return load(in, path.toString());
    }
  }

  /**
   * Reads and validates map YAML.
   *
   * @throws CategoryMapException naming {@code file}, the line and the reason
   */
  public static VicsCategoryMap load(InputStream in, String file) throws IOException {
    Node root = LocatedYaml.read(in, file);
    MapNode top = map(root, file, "the document");
    LocatedYaml.onlyKeys(top, TOP, file, "");
    String name = text(top, "map", file);
    String version = text(top, "version", file);
    Scalar eff = scalar(top, "effective", file);
    LocalDate effective;
    try {
      effective = LocalDate.parse(eff.text().orElse(""));
    } catch (DateTimeParseException e) {
      throw new CategoryMapException(
          file, eff.line(), "effective: " + eff.what() + " is not a date (YYYY-MM-DD)");
    }

    Map<String, String> sources = new LinkedHashMap<>();
    for (Node n : list(top, "sources", file).items()) {
      MapNode s = map(n, file, "a source");
      LocatedYaml.onlyKeys(s, Set.of("id", "cite"), file, "source");
      Scalar id = scalar(s, "id", file);
      String key = id.text().orElse("");
      if (!SOURCE_ID.matcher(key).matches()) {
        throw new CategoryMapException(
            file, id.line(), "source id " + id.what() + " must be upper-case letters and digits");
      }
      if (sources.put(key, text(s, "cite", file)) != null) {
        throw new CategoryMapException(file, id.line(), "duplicate source id '" + key + "'");
      }
    }

    MapNode applies = map(get(top, "applies_to", file), file, "applies_to");
    LocatedYaml.onlyKeys(
        applies, Set.of("set_kind", "scheme_prefix", "excluded_flavours"), file, "applies_to");
    HashSetKind setKind = kind(scalar(applies, "set_kind", file), file);
    String prefix = text(applies, "scheme_prefix", file);
    Set<String> excluded = new java.util.HashSet<>();
    for (Node n : list(applies, "excluded_flavours", file).items()) {
      MapNode f = map(n, file, "an excluded flavour");
      LocatedYaml.onlyKeys(f, Set.of("flavour", "reason", "sources"), file, "excluded flavour");
      Scalar flavour = scalar(f, "flavour", file);
      text(f, "reason", file);
      citations(f, sources, file);
      if (!excluded.add(flavour.text().orElse("").toUpperCase(Locale.ROOT))) {
        throw new CategoryMapException(
            file, flavour.line(), "duplicate excluded flavour " + flavour.what());
      }
    }

    Map<String, Mapping> categories = new LinkedHashMap<>();
    for (Node n : list(top, "categories", file).items()) {
      MapNode c = map(n, file, "a category");
      LocatedYaml.onlyKeys(
          c, Set.of("category", "meaning", "reads_as", "sources"), file, "category");
      Scalar category = scalar(c, "category", file);
      String code = category.text().orElse("");
      if (!CATEGORY.matcher(code).matches()) {
        throw new CategoryMapException(
            file,
            category.line(),
            "category " + category.what() + " must be a whole number 0–9999 without leading zeros");
      }
      Mapping m =
          new Mapping(
              kind(scalar(c, "reads_as", file), file),
              text(c, "meaning", file),
              citations(c, sources, file));
      if (categories.put(code, m) != null) {
        throw new CategoryMapException(
            file, category.line(), "category " + code + " is listed twice");
      }
    }
    if (categories.isEmpty()) {
      throw new CategoryMapException(
          file, get(top, "categories", file).line(), "categories: at least one category");
    }
    return new VicsCategoryMap(
        name,
        version,
        effective,
        sources,
        setKind,
        prefix,
        excluded,
        categories,
        fallback(top, "uncategorised", sources, file),
        fallback(top, "unlisted", sources, file));
  }

  /** "name version", as recorded with each import. */
  public String label() {
    return name + " " + version;
  }

  public String version() {
    return version;
  }

  public LocalDate effective() {
    return effective;
  }

  /** Source id → citation. */
  public Map<String, String> sources() {
    return sources;
  }

  /** The listed categories, in file order. */
  public Map<String, Mapping> categories() {
    return categories;
  }

  /** Whether the map decides how the entries of a set of this kind and category scheme read. */
  public boolean appliesTo(HashSetKind kind, String categoryScheme) {
    if (kind != setKind
        || !categoryScheme.regionMatches(true, 0, schemePrefix, 0, schemePrefix.length())) {
      return false;
    }
    for (String word : categoryScheme.toUpperCase(Locale.ROOT).split("\\s+")) {
      if (excludedFlavours.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /** What a match of {@code entry} in {@code set} means. */
  public HashSetKind kindOf(StoredHashSet set, HashEntry entry) {
    HashSetKind kind = set.info().kind();
    if (!appliesTo(kind, set.info().categoryScheme())) {
      return kind;
    }
    if (entry.category().isEmpty()) {
      return uncategorised.readsAs();
    }
    Mapping m = categories.get(entry.category().get());
    return (m == null ? unlisted : m).readsAs();
  }

  private static Mapping fallback(
      MapNode top, String key, Map<String, String> sources, String file) {
    MapNode f = map(get(top, key, file), file, key);
    LocatedYaml.onlyKeys(f, Set.of("reads_as", "sources"), file, key);
    Scalar readsAs = scalar(f, "reads_as", file);
    HashSetKind kind = kind(readsAs, file);
    if (key.equals("unlisted") && kind == HashSetKind.KNOWN_GOOD) {
      throw new CategoryMapException(
          file,
          readsAs.line(),
          "unlisted: an unknown category must never read as KNOWN_GOOD (it would hide a match)");
    }
    return new Mapping(kind, "", citations(f, sources, file));
  }

  private static List<String> citations(MapNode n, Map<String, String> sources, String file) {
    ListNode l = list(n, "sources", file);
    if (l.items().isEmpty()) {
      throw new CategoryMapException(file, l.line(), "sources: cite at least one source");
    }
    List<String> out = new ArrayList<>();
    for (Node s : l.items()) {
      if (!(s instanceof Scalar sc) || sc.text().isEmpty()) {
        throw new CategoryMapException(file, s.line(), "sources: expected a source id");
      }
      if (!sources.containsKey(sc.text().get())) {
        throw new CategoryMapException(
            file,
            s.line(),
            "source '" + sc.text().get() + "' is not one of the sources " + sources.keySet());
      }
      out.add(sc.text().get());
    }
    return out;
  }

  private static HashSetKind kind(Scalar s, String file) {
    String v = s.text().orElse("");
    for (HashSetKind k : HashSetKind.values()) {
      if (k.name().equals(v)) {
        return k;
      }
    }
    throw new CategoryMapException(
        file,
        s.line(),
        s.what() + " is not a kind; one of " + java.util.Arrays.toString(HashSetKind.values()));
  }

  private static Node get(MapNode n, String key, String file) {
    Node v = n.entries().get(key);
    if (v == null) {
      throw new CategoryMapException(file, n.line(), "missing key '" + key + "'");
    }
    return v;
  }

  private static MapNode map(Node n, String file, String what) {
    if (n instanceof MapNode m) {
      return m;
    }
    throw new CategoryMapException(
        file, n.line(), what + ": expected a mapping, found " + n.what());
  }

  private static ListNode list(MapNode n, String key, String file) {
    Node v = get(n, key, file);
    if (v instanceof ListNode l) {
      return l;
    }
    throw new CategoryMapException(file, v.line(), key + ": expected a list, found " + v.what());
  }

  private static Scalar scalar(MapNode n, String key, String file) {
    Node v = get(n, key, file);
    if (v instanceof Scalar s) {
      return s;
    }
    throw new CategoryMapException(file, v.line(), key + ": expected a value, found " + v.what());
  }

  private static String text(MapNode n, String key, String file) {
    Scalar s = scalar(n, key, file);
    String t = s.text().map(String::strip).orElse("");
    if (t.isEmpty()) {
      throw new CategoryMapException(file, s.line(), key + ": must not be empty");
    }
    return t;
  }
}
