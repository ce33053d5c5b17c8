package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;
import static org.tiptrace.store.hashsets.HashSetTestData.T0;
import static org.tiptrace.store.hashsets.HashSetTestData.abuseVics;
import static org.tiptrace.store.hashsets.HashSetTestData.goodHashdeep;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;
import static org.tiptrace.store.hashsets.HashSetTestData.pdqNear;
import static org.tiptrace.store.test.TestReports.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;

/**
 * Batched re-matching ({@link TipMatching#rematchAll}: pages of tips, one batched lookup and one
 * transaction per page) against matching tip by tip, and a changed VICS category map reaching what
 * is stored ({@link TipMatching#applyCategoryMap}); H2 always, PostgreSQL when configured.
 */
class RematchBatchTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  private static final long SEED = 20261123L;

  @TempDir Path dir;

  private static FileHash sha256Hash(String hex) {
    return new FileHash(HashAlgorithm.SHA256, "SHA256", hex, HashOrigin.ESP_ORIGINAL);
  }

  private static FileHash pdqHash(String hex) {
    return new FileHash(HashAlgorithm.PDQ, "PDQ", hex, HashOrigin.ESP_DETAILS);
  }

  /** One file of a mixed corpus: known abuse, known-good, unknown, near PDQ, no hash. */
  private static ReportedFile someFile(SplittableRandom r, int n) {
    return switch (r.nextInt(8)) {
      case 0 -> file("known" + n + ".jpg", TestReports.md5(md5("one")));
      case 1 -> file("cat2-" + n + ".jpg", TestReports.sha1(sha1("two")));
      case 2 -> file("good" + n + ".txt", sha256Hash(sha256("three")));
      case 3 -> file("good" + n + ".bin", TestReports.md5(md5("four")));
      case 4 -> file("new" + n + ".jpg", TestReports.md5(md5("never-" + r.nextInt(50))));
      case 5 -> file("near" + n + ".jpg", pdqHash(pdqNear()));
      case 6 -> file("sha256-" + n + ".jpg", sha256Hash(sha256("unseen-" + n)));
      default -> file("none" + n + ".jpg");
    };
  }

  private record Corpus(List<Tip> tips) {}

  /** The same seeded corpus in a database; half the tips matched once before any set existed. */
  private static Corpus corpus(TestDatabase db, int count) {
    SplittableRandom r = new SplittableRandom(SEED);
    HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
    TipMatching early = new TipMatching(repo, db.tips(), CLOCK);
    List<Tip> tips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TestReports.Builder b = TestReports.report().reportId(Integer.toString(700000 + i));
      int files = r.nextInt(5);
      for (int f = 0; f < files; f++) {
        b.file(someFile(r, i * 10 + f));
      }
      Report report = b.build();
      AgencyId agency = r.nextBoolean() ? A : B;
      Tip t =
          db.tips()
              .insertIfAbsent(
                  agency, Sha256.of(("c" + i).getBytes(StandardCharsets.UTF_8)), T0, report)
              .tip();
      if (r.nextBoolean()) {
        early.matchAndStore(agency, t.id());
      }
      tips.add(t);
    }
    return new Corpus(tips);
  }

  private void loadSets(HashSetRepository repo) throws IOException {
    importText(repo, dir, HashSetFormat.VICS, vicsInfo(), "abuse.json", abuseVics());
    importText(
        repo,
        dir,
        HashSetFormat.HASHDEEP,
        info("Example NSRL-like", "7", HashSetKind.KNOWN_GOOD),
        "good.txt",
        goodHashdeep());
  }

  private static HashSetInfo vicsInfo() {
    return new HashSetInfo(
        "Example VICS",
        "2026.01",
        Optional.of("synthetic test data"),
        Optional.of("CC0 test data"),
        "VICS 2.0 US",
        HashSetKind.KNOWN_ABUSE,
        true);
  }

  /**
   * Issue 3 §6: the batched re-match stores, for every tip of a mixed corpus across two agencies,
   * exactly the matches and re-triage marks that matching the tips one by one stores (the path
   * rematchAll took before it was batched), over pages that do not divide the corpus.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void batchedRematchStoresWhatTipByTipMatchingStores(TestBackend backend) throws Exception {
    int count = 430;
    try (TestDatabase one = backend.open();
        TestDatabase paged = backend.open()) {
      Corpus c1 = corpus(one, count);
      Corpus c2 = corpus(paged, count);
      HashSetRepository r1 = new JdbcHashSetRepository(one.database().dataSource());
      HashSetRepository r2 = new JdbcHashSetRepository(paged.database().dataSource());
      loadSets(r1);
      loadSets(r2);

      TipMatching byTip = new TipMatching(r1, one.tips(), CLOCK);
      for (Tip t : c1.tips()) {
        byTip.rematch(t.agency(), t.id(), "sets loaded");
      }
      List<int[]> pages = new ArrayList<>();
      TipMatching.Rematch r =
          new TipMatching(r2, paged.tips(), CLOCK)
              .rematchAll("sets loaded", (done, total) -> pages.add(new int[] {done, total}), 97);

      assertThat(r.tips()).isEqualTo(count);
      assertThat(pages).hasSize(5);
      assertThat(pages.get(pages.size() - 1)).containsExactly(count, count);
      int marked1 = r1.retriageMarks(A).size() + r1.retriageMarks(B).size();
      assertThat(r.changed()).isEqualTo(marked1).isPositive();
      List<FileVerdict> seen = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Tip t1 = c1.tips().get(i);
        Tip t2 = c2.tips().get(i);
        TipHashMatches expected = r1.findMatches(t1.agency(), t1.id()).orElseThrow().matches();
        TipHashMatches actual = r2.findMatches(t2.agency(), t2.id()).orElseThrow().matches();
        assertThat(actual).as("tip %d (seed %d)", i, SEED).isEqualTo(expected);
        seen.addAll(actual.verdicts());
      }
      assertThat(seen).contains(FileVerdict.values());
      for (AgencyId agency : List.of(A, B)) {
        assertThat(r2.retriageMarks(agency))
            .extracting(m -> c2.tips().indexOf(find(c2, m.tip().value())), m -> m.reason())
            .containsExactlyInAnyOrderElementsOf(
                r1.retriageMarks(agency).stream()
                    .map(m -> tuple(c1.tips().indexOf(find(c1, m.tip().value())), m.reason()))
                    .toList());
      }
      // Nothing changed since: a second run marks nothing.
      r2.retriageMarks(A).forEach(m -> r2.clearRetriage(A, m.tip()));
      r2.retriageMarks(B).forEach(m -> r2.clearRetriage(B, m.tip()));
      assertThat(
              new TipMatching(r2, paged.tips(), CLOCK)
                  .rematchAll("again", TipMatching.Progress.NONE, 50)
                  .changed())
          .isZero();
    }
  }

  private static Tip find(Corpus c, long id) {
    return c.tips().stream().filter(t -> t.id().value() == id).findFirst().orElseThrow();
  }

  /** The bundled map with another version, reading category 2 as known-good (a past mistake). */
  private static VicsCategoryMap oldMap() throws IOException {
    String text;
    try (InputStream in = VicsCategoryMap.class.getResourceAsStream(VicsCategoryMap.RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed =
        text.replace(
                "version: \"" + VicsCategoryMap.bundled().version() + "\"", "version: \"old-1\"")
            .replace(
                "    meaning: Child exploitive (non-CAM) / age difficult\n    reads_as: KNOWN_ABUSE",
                "    meaning: Child exploitive (non-CAM) / age difficult\n    reads_as: KNOWN_GOOD");
    assertThat(changed).isNotEqualTo(text).contains("old-1");
    return VicsCategoryMap.load(
        new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)), "old.yaml");
  }

  /**
   * Issue 3 §1/§6 with decision 0014 §2: a set imported under another VICS category map version is
   * found stale; applying the current map re-matches only the tips holding a match in it, marks
   * those whose matches now read differently, and records the current map on the set.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aChangedCategoryMapReachesStoredMatchesAndMarksChangedTips(TestBackend backend)
      throws Exception {
    try (TestDatabase db = backend.open()) {
      VicsCategoryMap old = oldMap();
      VicsCategoryMap now = VicsCategoryMap.bundled();
      HashSetRepository before = new JdbcHashSetRepository(db.database().dataSource(), old);
      importText(before, dir, HashSetFormat.VICS, vicsInfo(), "abuse.json", abuseVics());
      assertThat(before.find("Example VICS").orElseThrow().categoryMap())
          .hasValue("vics-categories old-1");

      Tip cat2 = insert(db, "c2", file("cat2.jpg", TestReports.sha1(sha1("two"))));
      Tip cat1 = insert(db, "c1", file("cat1.jpg", TestReports.md5(md5("one"))));
      Tip none = insert(db, "n", file("new.jpg", TestReports.md5(md5("never-seen"))));
      TipMatching oldMatching = new TipMatching(before, db.tips(), CLOCK);
      for (Tip t : List.of(cat2, cat1, none)) {
        before.replaceMatches(
            A, t.id(), oldMatching.matcher().withCategoryMap(old).match(t.report()), T0);
      }
      assertThat(before.findMatches(A, cat2.id()).orElseThrow().matches().verdicts())
          .containsExactly(FileVerdict.MATCHED_KNOWN_GOOD);

      // Start-up with the current map: the set is stale.
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource(), now);
      TipMatching matching = new TipMatching(repo, db.tips(), CLOCK);
      assertThat(matching.staleCategoryMap(now))
          .extracting(s -> s.info().name())
          .containsExactly("Example VICS");
      List<Integer> progress = new ArrayList<>();
      TipMatching.CategoryMapRefresh r =
          matching.applyCategoryMap(now, "VICS category map changed", (d, t) -> progress.add(d));

      assertThat(r.sets()).containsEntry("Example VICS", "vics-categories old-1");
      assertThat(r.tips()).isEqualTo(3);
      assertThat(r.rematched()).isEqualTo(2);
      assertThat(r.changed()).isEqualTo(1);
      assertThat(progress).isNotEmpty().endsWith(3);
      assertThat(repo.findMatches(A, cat2.id()).orElseThrow().matches().verdicts())
          .containsExactly(FileVerdict.MATCHED_KNOWN);
      assertThat(repo.retriageMarks(A))
          .extracting(HashSetRepository.RetriageMark::tip, HashSetRepository.RetriageMark::reason)
          .containsExactly(tuple(cat2.id(), "VICS category map changed"));
      // The tip without a match in the set was not re-matched (its row is the old one).
      assertThat(repo.findMatches(A, none.id()).orElseThrow().matches().verdicts())
          .containsExactly(FileVerdict.UNMATCHED_POSSIBLE_NEW);
      StoredHashSet set = repo.find("Example VICS").orElseThrow();
      assertThat(set.categoryMap()).hasValue(now.label());
      assertThat(matching.staleCategoryMap(now)).isEmpty();
      assertThat(matching.applyCategoryMap(now, "again", TipMatching.Progress.NONE).sets())
          .isEmpty();
    }
  }

  private static Tip insert(TestDatabase db, String key, ReportedFile f) {
    return db.tips()
        .insertIfAbsent(
            A,
            Sha256.of(key.getBytes(StandardCharsets.UTF_8)),
            T0,
            TestReports.report().reportId("8" + Math.abs(key.hashCode() % 100000)).file(f).build())
        .tip();
  }
}
