package org.tiptrace.hash.sets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.tip.TriState;

/**
 * The VICS category map as data: the bundled file's mappings, and errors naming line and reason.
 */
class VicsCategoryMapTest {
  private static final VicsCategoryMap MAP = VicsCategoryMap.bundled();

  private static StoredHashSet set(HashSetKind kind, String scheme) {
    return new StoredHashSet(
        1,
        new HashSetInfo("S", "1", Optional.empty(), Optional.empty(), scheme, kind, true),
        HashSetFormat.VICS,
        1,
        Instant.parse("2026-11-23T00:00:00Z"),
        "00".repeat(32),
        Optional.of("2.0"));
  }

  private static HashEntry entry(Optional<String> category) {
    return new HashEntry(
        Digest.parseHex(DigestAlgorithm.MD5, "1a79a4d60de6718e8e5b326e338ae533"),
        category,
        Optional.empty(),
        TriState.UNKNOWN);
  }

  /** hash-sets-and-forensics.md §1.4, as the bundled file states it. */
  @ParameterizedTest
  @CsvSource({
    "KNOWN_ABUSE, VICS 2.0 US, 0, KNOWN_GOOD",
    "KNOWN_ABUSE, VICS 2.0 US, 1, KNOWN_ABUSE",
    "KNOWN_ABUSE, VICS 2.0 US, 2, KNOWN_ABUSE",
    "KNOWN_ABUSE, VICS 2.0 US, 3, KNOWN_ABUSE",
    "KNOWN_ABUSE, VICS 2.0 US, 4, OTHER",
    "KNOWN_ABUSE, VICS 1.3, 0, KNOWN_GOOD",
    "KNOWN_ABUSE, VICS 2.0 DEFAULT, 4, OTHER",
    "KNOWN_ABUSE, VICS 2.0 US, 77, KNOWN_ABUSE",
    "KNOWN_ABUSE, VICS 2.0 UK, 0, KNOWN_ABUSE",
    "KNOWN_ABUSE, unspecified, 0, KNOWN_ABUSE",
    "KNOWN_GOOD, VICS 1.2, 1, KNOWN_GOOD",
    "OTHER, VICS 2.0 US, 0, OTHER"
  })
  void bundledMapReadsCategoriesAsTheReferenceSays(
      HashSetKind setKind, String scheme, String category, HashSetKind expected) {
    assertThat(MAP.kindOf(set(setKind, scheme), entry(Optional.of(category)))).isEqualTo(expected);
  }

  @Test
  void uncategorisedEntriesOfAnAbuseSetStayAbuse() {
    assertThat(MAP.kindOf(set(HashSetKind.KNOWN_ABUSE, "VICS 2.0 US"), entry(Optional.empty())))
        .isEqualTo(HashSetKind.KNOWN_ABUSE);
  }

  @Test
  void bundledMapIsVersionedAndEveryMappingIsCited() {
    assertThat(MAP.label()).isEqualTo("vics-categories 2026.11-1");
    assertThat(MAP.sources().get("HSF-1.4")).contains("hash-sets-and-forensics.md §1.4");
    assertThat(MAP.categories()).containsOnlyKeys("0", "1", "2", "3", "4");
    assertThat(MAP.categories().values())
        .allSatisfy(m -> assertThat(m.sources()).isNotEmpty().allMatch(MAP.sources()::containsKey));
  }

  private static String bundledText() throws IOException {
    try (InputStream in = VicsCategoryMap.class.getResourceAsStream(VicsCategoryMap.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as(needle).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static CategoryMapException fails(String yaml) {
    try {
      VicsCategoryMap.load(
          new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "edited.yaml");
    } catch (CategoryMapException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("loaded: " + yaml);
  }

  @Test
  void anUnknownKindIsNamedWithItsLine() throws IOException {
    String text = bundledText().replace("reads_as: OTHER", "reads_as: COMPARISON");
    CategoryMapException e = fails(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "reads_as: COMPARISON"));
    assertThat(e.getMessage())
        .startsWith("edited.yaml:" + e.line() + ": ")
        .contains("'COMPARISON' is not a kind");
  }

  @Test
  void anUncitedOrUnknownSourceIsRefused() throws IOException {
    String text = bundledText().replace("sources: [HSF-1.4, AUTOPSY]\n", "sources: [NOPE]\n");
    CategoryMapException e = fails(text);

    assertThat(e.line()).isEqualTo(lineOf(text, "sources: [NOPE]"));
    assertThat(e.getMessage()).contains("source 'NOPE' is not one of the sources");
    assertThat(fails(bundledText().replace("sources: [HSF-1.4, AUTOPSY]\n", "sources: []\n")))
        .hasMessageContaining("cite at least one source");
  }

  @Test
  void aCategoryListedTwiceOrMalformedIsRefused() throws IOException {
    String twice = bundledText().replace("- category: 4", "- category: 3");
    CategoryMapException e = fails(twice);
    assertThat(e.getMessage()).contains("category 3 is listed twice");
    int second = twice.lastIndexOf("- category: 3");
    assertThat(e.line())
        .isEqualTo((int) twice.substring(0, second).chars().filter(c -> c == '\n').count() + 1);

    assertThat(fails(bundledText().replace("- category: 4", "- category: 04")))
        .hasMessageContaining("must be a whole number");
  }

  @Test
  void anUnlistedCategoryMayNeverReadAsKnownGood() throws IOException {
    String text =
        bundledText()
            .replace("unlisted:\n  reads_as: KNOWN_ABUSE", "unlisted:\n  reads_as: KNOWN_GOOD");
    assertThat(fails(text)).hasMessageContaining("must never read as KNOWN_GOOD");
  }

  @Test
  void unknownKeysMissingKeysAndBrokenYamlAreNamed() throws IOException {
    assertThat(
            fails(
                bundledText().replace("effective: 2026-11-23", "effective: 2026-11-23\nowner: x")))
        .hasMessageContaining("unknown key 'owner'");
    assertThat(fails(bundledText().replace("version: \"2026.11-1\"\n", "")))
        .hasMessageContaining("missing key 'version'");
    CategoryMapException broken = fails("map: x\ncategories: [\n");
    assertThat(broken.getMessage()).startsWith("edited.yaml:").contains("not valid YAML");
    assertThat(broken.line()).isPositive();
  }
}
