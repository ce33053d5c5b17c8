package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;
import static org.tiptrace.store.hashsets.HashSetTestData.T0;
import static org.tiptrace.store.hashsets.HashSetTestData.abuseVics;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.hash.sets.StoredEntry;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.intake.Problem;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

class JdbcHashSetRepositoryTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void importStoresProvenanceAndEveryEntry(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      HashSetRepository.Imported imported =
          importText(
              repo,
              dir,
              HashSetFormat.VICS,
              info("Example VICS", "2026.01", HashSetKind.KNOWN_ABUSE),
              "abuse.json",
              abuseVics());

      assertThat(imported.replaced()).isEmpty();
      assertThat(imported.summary().records()).isEqualTo(3);
      StoredHashSet set = repo.find("Example VICS").orElseThrow();
      assertThat(set).isEqualTo(imported.set());
      assertThat(set.entryCount()).isEqualTo(3);
      assertThat(set.format()).isEqualTo(HashSetFormat.VICS);
      assertThat(set.info().categoryScheme()).isEqualTo("VICS 2.0 US");
      assertThat(set.info().source()).contains("synthetic test data");
      assertThat(set.info().licence()).contains("CC0 test data");
      assertThat(set.fileVersion()).contains("2.0");
      assertThat(set.fileSha256()).isEqualTo(sha256(abuseVics()));
      assertThat(set.importedAt()).isEqualTo(T0);
      assertThat(repo.list()).containsExactly(set);

      List<Long> ids = new ArrayList<>();
      List<DigestAlgorithm> algorithms = new ArrayList<>();
      repo.forEachEntryOf(
          set.id(),
          (id, setId, algorithm, digest) -> {
            assertThat(setId).isEqualTo(set.id());
            ids.add(id);
            algorithms.add(algorithm);
          });
      // Ids follow the file on H2, the digests on PostgreSQL (sorted load, decision 0019).
      assertThat(algorithms)
          .containsExactlyInAnyOrder(
              DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.PDQ);
      StoredEntry first = repo.entries(ids).get(ids.get(algorithms.indexOf(DigestAlgorithm.MD5)));
      assertThat(first.entry())
          .isEqualTo(
              new HashEntry(
                  Digest.parseHex(DigestAlgorithm.MD5, md5("one")),
                  Optional.of("1"),
                  Optional.of("Example Series A"),
                  TriState.TRUE));
      assertThat(repo.entries(List.of(ids.get(1), 999_999_999L))).containsOnlyKeys(ids.get(1));
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aNewVersionReplacesTheOldAndAFailedImportChangesNothing(TestBackend backend)
      throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      StoredHashSet v1 =
          importText(
                  repo,
                  dir,
                  HashSetFormat.VICS,
                  info("Example", "1", HashSetKind.KNOWN_ABUSE),
                  "v1.json",
                  abuseVics())
              .set();
      HashSetRepository.Imported v2 =
          importText(
              repo,
              dir,
              HashSetFormat.CSV,
              info("Example", "2", HashSetKind.KNOWN_ABUSE),
              "v2.csv",
              "md5,category\n" + md5("new") + ",1\n");
      assertThat(v2.replaced()).contains(v1);
      assertThat(v2.set().id()).isNotEqualTo(v1.id());
      assertThat(repo.list()).extracting(s -> s.info().version()).containsExactly("2");
      assertThat(countEntries(repo)).isEqualTo(1);

      // The reader fails after two entries: the import rolls back, version 2 stays.
      assertThatThrownBy(
              () ->
                  repo.importSet(
                      info("Example", "3", HashSetKind.KNOWN_ABUSE),
                      HashSetFormat.CSV,
                      sha256("v3"),
                      T0,
                      sink -> {
                        sink.accept(HashEntry.bare(Digest.parseHex(DigestAlgorithm.MD5, md5("a"))));
                        sink.accept(HashEntry.bare(Digest.parseHex(DigestAlgorithm.MD5, md5("b"))));
                        throw new HashSetFormatException(
                            Problem.error("v3.csv", 3, 1, "md5", "not a MD5 digest"));
                      }))
          .isInstanceOf(HashSetFormatException.class)
          .hasMessage("v3.csv:3:1: md5: not a MD5 digest");
      assertThat(repo.find("Example").orElseThrow()).isEqualTo(v2.set());
      assertThat(countEntries(repo)).isEqualTo(1);
    }
  }

  /**
   * The bulk path (PostgreSQL COPY text format, H2 batches) stores what it was given: values with
   * the characters COPY escapes, non-ASCII text, absent values, and enough rows to cross the COPY
   * buffer and the batch size several times.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void bulkImportKeepsEveryValueAcrossBuffersAndBatches(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      List<HashEntry> odd =
          List.of(
              new HashEntry(
                  Digest.parseHex(DigestAlgorithm.SHA256, sha256("odd-1")),
                  Optional.of("1\t2 literal \\t"),
                  Optional.of("tab\there, back\\slash \\N, line\nbreak\r end"),
                  TriState.TRUE),
              new HashEntry(
                  Digest.parseHex(DigestAlgorithm.MD5, md5("odd-2")),
                  Optional.of("Série ✓"),
                  Optional.empty(),
                  TriState.FALSE),
              new HashEntry(
                  Digest.parseHex(DigestAlgorithm.SHA1, sha1("odd-3")),
                  Optional.empty(),
                  Optional.of("x".repeat(190)),
                  TriState.UNKNOWN));
      int bulk = 25_003;
      HashSetRepository.Imported imported =
          repo.importSet(
              info("Bulk", "1", HashSetKind.KNOWN_ABUSE),
              HashSetFormat.CSV,
              sha256("bulk"),
              T0,
              sink -> {
                for (int i = 0; i < bulk; i++) {
                  sink.accept(
                      new HashEntry(
                          Digest.parseHex(DigestAlgorithm.SHA256, sha256("bulk-" + i)),
                          Optional.of(Integer.toString(i % 3 + 1)),
                          Optional.of("series " + i),
                          TriState.UNKNOWN));
                  if (i == 12_345) {
                    odd.forEach(sink::accept);
                  }
                }
                return new ReadSummary(
                    bulk + 3, bulk + 3, Optional.empty(), Optional.empty(), List.of());
              });

      assertThat(imported.set().entryCount()).isEqualTo(bulk + 3);
      assertThat(countEntries(repo)).isEqualTo(bulk + 3);
      List<Long> ids = new ArrayList<>();
      repo.forEachEntryOf(imported.set().id(), (id, setId, algorithm, digest) -> ids.add(id));
      List<HashEntry> stored =
          repo.entries(ids).values().stream()
              .sorted(java.util.Comparator.comparingLong(StoredEntry::id))
              .map(StoredEntry::entry)
              .toList();
      // Ids follow the file on H2, the digests on PostgreSQL (sorted load, decision 0019): compare
      // as multisets.
      assertThat(stored).hasSize(bulk + 3).containsAll(odd);
      assertThat(stored)
          .filteredOn(e -> e.series().equals(Optional.of("series 0")))
          .singleElement()
          .extracting(HashEntry::digest)
          .isEqualTo(Digest.parseHex(DigestAlgorithm.SHA256, sha256("bulk-0")));
      assertThat(stored)
          .extracting(HashEntry::digest)
          .contains(Digest.parseHex(DigestAlgorithm.SHA256, sha256("bulk-" + (bulk - 1))));
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void removeAndDisable(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      importText(
          repo,
          dir,
          HashSetFormat.VICS,
          info("One", "1", HashSetKind.KNOWN_ABUSE),
          "one.json",
          abuseVics());
      importText(
          repo,
          dir,
          HashSetFormat.HASHDEEP,
          info("Two", "1", HashSetKind.KNOWN_GOOD),
          "two.txt",
          HashSetTestData.goodHashdeep());
      assertThat(countEntries(repo)).isEqualTo(5);

      assertThat(repo.setEnabled("Two", false)).isTrue();
      assertThat(repo.find("Two").orElseThrow().info().enabled()).isFalse();
      assertThat(countEntries(repo)).isEqualTo(3);
      assertThat(repo.setEnabled("Nope", false)).isFalse();

      assertThat(repo.remove("One")).isTrue();
      assertThat(repo.remove("One")).isFalse();
      assertThat(repo.list()).extracting(s -> s.info().name()).containsExactly("Two");
      assertThat(countEntries(repo)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void matchesAndRetriageMarksBelongToTheTipsAgency(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      Tip tip =
          db.tips()
              .insertIfAbsent(
                  A,
                  Sha256.of("m".getBytes(StandardCharsets.UTF_8)),
                  T0,
                  TestReports.report("400001"))
              .tip();
      TipHashMatches m =
          new TipHashMatches(
              List.of(new FileMatches(0, FileVerdict.UNMATCHED_POSSIBLE_NEW, List.of())),
              "Example 1");
      assertThat(repo.replaceMatches(B, tip.id(), m, T0)).isFalse();
      assertThat(repo.replaceMatches(A, tip.id(), m, T0)).isTrue();
      assertThat(repo.findMatches(A, tip.id()).orElseThrow().matches()).isEqualTo(m);
      assertThat(repo.findMatches(A, tip.id()).orElseThrow().computedAt()).isEqualTo(T0);
      assertThat(repo.findMatches(B, tip.id())).isEmpty();
      assertThat(repo.allTips()).containsExactly(new HashSetRepository.TipRef(A, tip.id()));

      repo.markForRetriage(B, tip.id(), "not yours", T0);
      assertThat(repo.retriageMarks(B)).isEmpty();
      repo.markForRetriage(A, tip.id(), "hash set Example 1 imported", T0);
      repo.markForRetriage(A, tip.id(), "hash set Example 2 imported", T0.plusSeconds(5));
      assertThat(repo.retriageMarks(A))
          .containsExactly(
              new HashSetRepository.RetriageMark(
                  A, tip.id(), "hash set Example 2 imported", T0.plusSeconds(5)));
      assertThat(repo.clearRetriage(B, tip.id())).isFalse();
      assertThat(repo.clearRetriage(A, tip.id())).isTrue();
      assertThat(repo.retriageMarks(A)).isEmpty();
    }
  }

  private static int countEntries(HashSetRepository repo) {
    int[] n = {0};
    for (StoredHashSet s : repo.list()) {
      if (s.info().enabled()) {
        repo.forEachEntryOf(s.id(), (id, setId, a, d) -> n[0]++);
      }
    }
    return n[0];
  }
}
