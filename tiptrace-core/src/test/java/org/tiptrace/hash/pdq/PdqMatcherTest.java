package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdqMatcherTest {

  private static final Path HAYSTACK = PdqTestData.file("reg-test-input/haystack.txt");
  private static final Path NEEDLES = PdqTestData.file("reg-test-input/needles.txt");

  /** Reference §7.4: pair counts and needles with a match, by inclusive radius. */
  @ParameterizedTest(name = "d={0}")
  @CsvSource({
    "0, 50, 50", "15, 151, 100", "16, 152, 100", "31, 250, 100",
    "32, 250, 100", "47, 287, 100", "48, 317, 100", "63, 352, 100"
  })
  void haystackNeedlesOracle(int d, int pairs, int needlesMatched) throws Exception {
    List<PdqLineMatch> m =
        PdqMatcher.matchFiles(HAYSTACK, NEEDLES, d, PdqMatcher.Variants.ORIGINAL);
    assertThat(m).hasSize(pairs);
    assertThat(m.stream().map(PdqLineMatch::needleLine).distinct().count())
        .isEqualTo(needlesMatched);
    assertThat(m).allSatisfy(x -> assertThat(x.distance() % 2).isZero());
    assertThat(m).isEqualTo(bruteForce(d));
  }

  @Test
  void everyNeedleHasTwoOrThreeMatchesAt31() throws Exception {
    List<PdqLineMatch> m =
        PdqMatcher.matchFiles(HAYSTACK, NEEDLES, 31, PdqMatcher.Variants.ORIGINAL);
    for (int n = 1; n <= 100; n++) {
      int needle = n;
      assertThat(m.stream().filter(x -> x.needleLine() == needle).count()).isBetween(2L, 3L);
    }
    assertThat(m.get(0).toCsv()).matches("1,\\d+,\\d+");
  }

  private static List<PdqLineMatch> bruteForce(int d) throws Exception {
    List<PdqHash> hay = PdqMatcher.readHashes(HAYSTACK);
    List<PdqHash> needles = PdqMatcher.readHashes(NEEDLES);
    List<PdqLineMatch> out = new ArrayList<>();
    for (int n = 0; n < needles.size(); n++) {
      List<PdqLineMatch> one = new ArrayList<>();
      for (int h = 0; h < hay.size(); h++) {
        int dist = needles.get(n).distance(hay.get(h));
        if (dist <= d) {
          one.add(new PdqLineMatch(n + 1, h + 1, dist));
        }
      }
      one.sort(
          (a, b) ->
              a.distance() != b.distance()
                  ? Integer.compare(a.distance(), b.distance())
                  : Integer.compare(a.haystackLine(), b.haystackLine()));
      out.addAll(one);
    }
    return out;
  }

  /**
   * The haystack holds the hashes of the 8 transformed bridge files. Querying with bridge-1's own
   * hash finds only itself; with its 8 dihedral variants it finds all 8 files (reference §1.8).
   */
  @Test
  void dihedralNeedlesFindRotatedAndFlippedCopies(@TempDir Path dir) throws Exception {
    PdqHasher hasher = new PdqHasher();
    List<Path> files = PdqTestData.list("reg-test-input/dih", "jpg");
    List<String> hay = new ArrayList<>();
    for (Path f : files) {
      hay.add(hasher.hash(f).hash().toHex());
    }
    Path haystack = Files.write(dir.resolve("hay.txt"), hay, StandardCharsets.UTF_8);
    Path needles =
        Files.write(
            dir.resolve("needles.txt"),
            List.of(PdqMatcher.dihedralLine(hasher.hashDihedral(files.get(0)))),
            StandardCharsets.UTF_8);

    List<PdqLineMatch> plain =
        PdqMatcher.matchFiles(haystack, needles, 31, PdqMatcher.Variants.ORIGINAL);
    assertThat(plain).containsExactly(new PdqLineMatch(1, 1, 0));

    List<PdqLineMatch> all =
        PdqMatcher.matchFiles(haystack, needles, 31, PdqMatcher.Variants.DIHEDRAL);
    Set<Integer> lines = new HashSet<>();
    all.forEach(m -> lines.add(m.haystackLine()));
    assertThat(lines).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(all).allSatisfy(m -> assertThat(m.distance()).isLessThanOrEqualTo(8));

    List<List<PdqHash>> fromImages =
        PdqMatcher.needlesFromImages(List.of(files.get(0)), hasher, PdqMatcher.Variants.DIHEDRAL);
    assertThat(PdqMatcher.match(PdqMatcher.readHashes(haystack), fromImages, 31)).isEqualTo(all);
  }

  @Test
  void dihedralOnSingleHashNeedlesIsAnError() {
    assertThatThrownBy(
            () -> PdqMatcher.matchFiles(HAYSTACK, NEEDLES, 31, PdqMatcher.Variants.DIHEDRAL))
        .hasMessageContaining("needles.txt:1")
        .hasMessageContaining("8 variant hashes");
  }

  @Test
  void malformedLinesNameFileAndLine(@TempDir Path dir) throws Exception {
    Path f =
        Files.write(
            dir.resolve("bad.txt"),
            List.of("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", "xyz"),
            StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PdqMatcher.readHashes(f)).hasMessageContaining("bad.txt:2");
    Path blank = Files.write(dir.resolve("blank.txt"), List.of(""), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PdqMatcher.readHashes(blank)).hasMessageContaining("blank line");
  }
}
