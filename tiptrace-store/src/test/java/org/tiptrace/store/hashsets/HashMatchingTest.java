package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;
import static org.tiptrace.store.hashsets.HashSetTestData.PDQ;
import static org.tiptrace.store.hashsets.HashSetTestData.T0;
import static org.tiptrace.store.hashsets.HashSetTestData.abuseVics;
import static org.tiptrace.store.hashsets.HashSetTestData.goodHashdeep;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;
import static org.tiptrace.store.hashsets.HashSetTestData.pdqNear;
import static org.tiptrace.store.test.TestReports.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashMatcher;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.MatchMethod;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/** The matching stage over the real repository: exact, prefix-only, PDQ, verdicts, re-matching. */
class HashMatchingTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path dir;

  private static FileHash sha256Hash(String hex) {
    return new FileHash(HashAlgorithm.SHA256, "SHA256", hex, HashOrigin.ESP_ORIGINAL);
  }

  private static FileHash pdqHash(String hex) {
    return new FileHash(HashAlgorithm.PDQ, "PDQ", hex, HashOrigin.ESP_DETAILS);
  }

  /** sha1(two) with its last byte changed: the exact index's 16-byte prefix still equals. */
  private static String sha1PrefixTwin() {
    String s = sha1("two");
    char last = s.charAt(39) == '0' ? '1' : '0';
    return s.substring(0, 39) + last;
  }

  private static Report report() {
    return TestReports.report()
        .reportId("500001")
        .file(file("known.jpg", TestReports.md5(md5("one"))))
        .file(file("good.txt", sha256Hash(sha256("three"))))
        .file(file("new.jpg", TestReports.md5(md5("never-seen"))))
        .file(file("sha256-only.jpg", sha256Hash(sha256("never-seen"))))
        .file(file("near.jpg", pdqHash(pdqNear())))
        .file(file("twin.jpg", TestReports.sha1(sha1PrefixTwin())))
        .file(file("no-hash.jpg"))
        .build();
  }

  private static void loadSets(HashSetRepository repo, Path dir) throws Exception {
    importText(
        repo,
        dir,
        HashSetFormat.VICS,
        info("Example VICS", "2026.01", HashSetKind.KNOWN_ABUSE),
        "abuse.json",
        abuseVics());
    importText(
        repo,
        dir,
        HashSetFormat.HASHDEEP,
        info("Example NSRL-like", "7", HashSetKind.KNOWN_GOOD),
        "good.txt",
        goodHashdeep());
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void everyFileGetsItsMatchesAndVerdict(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(repo, dir);
      TipHashMatches result = HashMatcher.load(repo).match(report());

      assertThat(result.sets()).isEqualTo("Example NSRL-like 7, Example VICS 2026.01");
      assertThat(result.verdicts())
          .containsExactly(
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.MATCHED_KNOWN_GOOD,
              FileVerdict.UNMATCHED_POSSIBLE_NEW,
              FileVerdict.NOT_CHECKED, // no abuse set holds SHA-256
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.UNMATCHED_POSSIBLE_NEW, // a prefix-only hit is not a match
              FileVerdict.NOT_CHECKED);
      assertThat(result.files().get(0).matches())
          .containsExactly(
              new HashMatch(
                  "Example VICS",
                  "2026.01",
                  HashSetKind.KNOWN_ABUSE,
                  java.util.Optional.of("1"),
                  java.util.Optional.of("Example Series A"),
                  TriState.TRUE,
                  MatchMethod.EXACT_MD5,
                  "MD5:" + md5("one"),
                  OptionalInt.empty()));
      HashMatch good = result.files().get(1).matches().get(0);
      assertThat(good.setName()).isEqualTo("Example NSRL-like");
      assertThat(good.method()).isEqualTo(MatchMethod.EXACT_SHA256);
      HashMatch near = result.files().get(4).matches().get(0);
      assertThat(near.method()).isEqualTo(MatchMethod.PDQ);
      assertThat(near.distance()).hasValue(5);
      assertThat(result.files().get(5).matches()).isEmpty();
      assertThat(result.files().get(2).matches()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void pdqRadiusBoundsMatchesAndNoSetsMeansNotChecked(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      assertThat(HashMatcher.load(repo).match(report()).verdicts())
          .containsOnly(FileVerdict.NOT_CHECKED);
      loadSets(repo, dir);
      assertThat(HashMatcher.load(repo, 4).match(report()).files().get(4).verdict())
          .isEqualTo(FileVerdict.UNMATCHED_POSSIBLE_NEW);
      Report exact =
          TestReports.report().reportId("500002").file(file("same.jpg", pdqHash(PDQ))).build();
      assertThat(HashMatcher.load(repo, 0).match(exact).files().get(0).matches())
          .singleElement()
          .satisfies(m -> assertThat(m.distance()).hasValue(0));
      repo.setEnabled("Example VICS", false);
      assertThat(HashMatcher.load(repo).match(report()).verdicts())
          .containsExactly(
              FileVerdict.NOT_CHECKED,
              FileVerdict.MATCHED_KNOWN_GOOD,
              FileVerdict.NOT_CHECKED,
              FileVerdict.NOT_CHECKED,
              FileVerdict.NOT_CHECKED,
              FileVerdict.NOT_CHECKED,
              FileVerdict.NOT_CHECKED);
    }
  }

  /**
   * One digest in two sets is two entries under one key of the exact index: the batch lookup must
   * walk both, for every file that carries the digest, and keep each file's own other matches.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aDigestInTwoSetsMatchesBothInEveryFileCarryingIt(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(repo, dir);
      importText(
          repo,
          dir,
          HashSetFormat.HASHDEEP,
          info("Example Other", "1", HashSetKind.OTHER),
          "other.txt",
          goodHashdeep().replace(md5("four"), md5("one")));
      Report twice =
          TestReports.report()
              .reportId("500003")
              .file(file("a.jpg", TestReports.md5(md5("one"))))
              .file(file("b.jpg", TestReports.md5(md5("one")), sha256Hash(sha256("three"))))
              .file(file("c.jpg", TestReports.md5(md5("never-seen"))))
              .build();
      TipHashMatches result = HashMatcher.load(repo).match(twice);

      assertThat(result.verdicts())
          .containsExactly(
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.UNMATCHED_POSSIBLE_NEW);
      assertThat(result.files().get(0).matches())
          .extracting(HashMatch::setName, HashMatch::method)
          .containsExactly(
              tuple("Example VICS", MatchMethod.EXACT_MD5),
              tuple("Example Other", MatchMethod.EXACT_MD5));
      assertThat(result.files().get(1).matches())
          .extracting(HashMatch::setName, HashMatch::method)
          .containsExactlyInAnyOrder(
              tuple("Example VICS", MatchMethod.EXACT_MD5),
              tuple("Example Other", MatchMethod.EXACT_MD5),
              tuple("Example NSRL-like", MatchMethod.EXACT_SHA256),
              tuple("Example Other", MatchMethod.EXACT_SHA256));
      assertThat(result.files().get(2).matches()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void reMatchingMarksOnlyChangedTipsForRetriage(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      Tip tip =
          db.tips()
              .insertIfAbsent(A, Sha256.of("r".getBytes(StandardCharsets.UTF_8)), T0, report())
              .tip();
      Tip plain =
          db.tips()
              .insertIfAbsent(
                  A,
                  Sha256.of("p".getBytes(StandardCharsets.UTF_8)),
                  T0,
                  TestReports.report("500003"))
              .tip();
      TipMatching matching = new TipMatching(repo, db.tips(), CLOCK);

      // On ingest, with no sets: stored, every file not checked.
      assertThat(matching.matchAndStore(A, tip.id()).orElseThrow().verdicts())
          .containsOnly(FileVerdict.NOT_CHECKED);

      loadSets(repo, dir);
      TipMatching.Rematch r = matching.rematchAll("hash set Example VICS imported", (d, t) -> {});
      assertThat(r).isEqualTo(new TipMatching.Rematch(2, 1));
      assertThat(repo.retriageMarks(A))
          .extracting(HashSetRepository.RetriageMark::tip, HashSetRepository.RetriageMark::reason)
          .containsExactly(tuple(tip.id(), "hash set Example VICS imported"));
      assertThat(repo.findMatches(A, tip.id()).orElseThrow().matches().files())
          .extracting(FileMatches::verdict)
          .startsWith(FileVerdict.MATCHED_KNOWN);
      assertThat(repo.findMatches(A, plain.id())).isPresent();

      repo.clearRetriage(A, tip.id());
      assertThat(matching.rematchAll("again", TipMatching.Progress.NONE).changed()).isZero();
      assertThat(repo.retriageMarks(A)).isEmpty();

      repo.remove("Example NSRL-like");
      assertThat(matching.rematchAll("removed", TipMatching.Progress.NONE))
          .isEqualTo(new TipMatching.Rematch(2, 1));
      assertThat(repo.findMatches(A, tip.id()).orElseThrow().matches().verdicts().get(1))
          .isEqualTo(FileVerdict.NOT_CHECKED);
      assertThat(matching.matchAndStore(new AgencyId("other"), tip.id())).isEmpty();
      assertThat(List.of(matching.matcher().describeSets()))
          .containsExactly("Example VICS 2026.01");
    }
  }
}
