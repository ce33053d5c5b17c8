package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.store.hashsets.HashSetTestData.abuseVics;
import static org.tiptrace.store.hashsets.HashSetTestData.goodHashdeep;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;
import static org.tiptrace.store.hashsets.HashSetTestData.pdqNear;
import static org.tiptrace.store.test.TestReports.file;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.EntryFingerprint;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatcher;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.Report;

/**
 * The on-disk index cache (decision 0019) over the real repository, on H2 and PostgreSQL: a warm
 * start reads no entries from the database and matches as a cold one does; damaged, truncated,
 * stale and misnamed files are never used; a replaced set's files go and its successor's come.
 */
class SetIndexCacheTest {
  @TempDir Path dir;

  /** The repository, counting how many sets' entries were read from the database. */
  private record Counted(HashSetRepository repo, AtomicInteger setReads) {}

  private static Counted counted(HashSetRepository real) {
    AtomicInteger reads = new AtomicInteger();
    HashSetRepository proxy =
        (HashSetRepository)
            Proxy.newProxyInstance(
                HashSetRepository.class.getClassLoader(),
                new Class<?>[] {HashSetRepository.class},
                (p, method, args) -> {
                  if (method.getName().equals("forEachEntryOf")) {
                    reads.incrementAndGet();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new Counted(proxy, reads);
  }

  private static FileHash pdqHash(String hex) {
    return new FileHash(HashAlgorithm.PDQ, "PDQ", hex, HashOrigin.ESP_DETAILS);
  }

  private static Report report() {
    return TestReports.report()
        .reportId("500002")
        .file(file("known.jpg", TestReports.md5(md5("one"))))
        .file(file("good.txt", TestReports.md5(md5("four"))))
        .file(file("new.jpg", TestReports.md5(md5("never-seen"))))
        .file(file("near.jpg", pdqHash(pdqNear())))
        .file(file("sha1.jpg", TestReports.sha1(sha1("two"))))
        .build();
  }

  private void loadSets(HashSetRepository repo) throws Exception {
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

  private static final List<FileVerdict> EXPECTED =
      List.of(
          FileVerdict.MATCHED_KNOWN,
          FileVerdict.MATCHED_KNOWN_GOOD,
          FileVerdict.UNMATCHED_POSSIBLE_NEW,
          FileVerdict.MATCHED_KNOWN,
          FileVerdict.MATCHED_KNOWN);

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aWarmStartReadsNoEntriesAndMatchesAsAColdOne(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository plain = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(plain);
      TipHashMatches uncached = HashMatcher.load(plain).match(report());
      assertThat(uncached.verdicts()).containsExactlyElementsOf(EXPECTED);

      FileSetIndexCache cache = FileSetIndexCache.in(dir.resolve("index-cache"));
      Counted cold = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(cold.repo()).match(report())).isEqualTo(uncached);
      assertThat(cold.setReads()).hasValue(2);
      assertThat(cacheFiles(cache)).hasSize(3); // two .idx, one .pdq (only the VICS set has PDQ)

      Counted warm = counted(plain.withIndexCache(cache));
      HashMatcher matcher = HashMatcher.load(warm.repo());
      assertThat(warm.setReads()).hasValue(0);
      assertThat(matcher.match(report())).isEqualTo(uncached);
      assertThat(matcher.memoryBytes()).isEqualTo(HashMatcher.load(plain).memoryBytes());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theImportRecordsTheFingerprintOfItsRows(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(repo);
      for (StoredHashSet set : repo.list()) {
        EntryFingerprint rows = new EntryFingerprint();
        repo.forEachEntryOf(
            set.id(), (id, setId, algorithm, digest) -> rows.add(algorithm, digest));
        assertThat(set.contentFingerprint()).contains(rows.value());
        assertThat(rows.count()).isEqualTo(set.entryCount());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aDamagedFileIsNotUsedAndIsWrittenAgain(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository plain = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(plain);
      TipHashMatches expected = HashMatcher.load(plain).match(report());
      FileSetIndexCache cache = FileSetIndexCache.in(dir.resolve("index-cache"));
      HashMatcher.load(plain.withIndexCache(cache));
      long abuse = plain.find("Example VICS").orElseThrow().id();
      Path idx = cache.indexFile(abuse);
      byte[] good = Files.readAllBytes(idx);

      // One flipped bit in the middle of the exact index: only the checksum sees it.
      byte[] bad = good.clone();
      bad[bad.length / 2] ^= 0x10;
      Files.write(idx, bad);
      Counted damaged = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(damaged.repo()).match(report())).isEqualTo(expected);
      assertThat(damaged.setReads()).hasValue(1);
      assertThat(Files.readAllBytes(idx)).isEqualTo(good);

      // Truncated.
      Files.write(idx, java.util.Arrays.copyOf(good, good.length - 9));
      Counted truncated = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(truncated.repo()).match(report())).isEqualTo(expected);
      assertThat(truncated.setReads()).hasValue(1);

      // The PDQ snapshot beside it damaged.
      Path pdq = cache.pdqFile(abuse);
      try (FileChannel ch = FileChannel.open(pdq, StandardOpenOption.WRITE)) {
        ch.truncate(Files.size(pdq) - 1);
      }
      Counted pdqDamaged = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(pdqDamaged.repo()).match(report())).isEqualTo(expected);
      assertThat(pdqDamaged.setReads()).hasValue(1);

      // Garbage.
      Files.writeString(idx, "not an index");
      Counted garbage = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(garbage.repo()).match(report())).isEqualTo(expected);
      assertThat(garbage.setReads()).hasValue(1);
      assertThat(Files.readAllBytes(idx)).isEqualTo(good);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aFileOfAnotherImportIsNeverUsed(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository plain = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(plain);
      TipHashMatches expected = HashMatcher.load(plain).match(report());
      FileSetIndexCache cache = FileSetIndexCache.in(dir.resolve("index-cache"));
      HashMatcher.load(plain.withIndexCache(cache));
      long abuse = plain.find("Example VICS").orElseThrow().id();
      long good = plain.find("Example NSRL-like").orElseThrow().id();

      // The known-good set's file under the abuse set's name: a valid file of the wrong set.
      Files.copy(
          cache.indexFile(good),
          cache.indexFile(abuse),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Counted swapped = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(swapped.repo()).match(report())).isEqualTo(expected);
      assertThat(swapped.setReads()).hasValue(1);

      // The database's record changed under the file (a restored or edited database).
      setFingerprint(db, abuse, Optional.of("fp1-" + "0".repeat(32)));
      Counted stale = counted(plain.withIndexCache(cache));
      assertThat(HashMatcher.load(stale.repo()).match(report())).isEqualTo(expected);
      assertThat(stale.setReads()).hasValue(1);
      assertThat(cache.indexFile(abuse)).doesNotExist(); // rows differ from the record: not cached

      // No recorded fingerprint (imported before V16): always from the database, never cached.
      setFingerprint(db, abuse, Optional.empty());
      for (int run = 0; run < 2; run++) {
        Counted old = counted(plain.withIndexCache(cache));
        assertThat(HashMatcher.load(old.repo()).match(report())).isEqualTo(expected);
        assertThat(old.setReads()).hasValue(1);
        assertThat(cache.indexFile(abuse)).doesNotExist();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aReplacedSetIsReadAloneAndItsOldFilesGo(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository plain = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(plain);
      FileSetIndexCache cache = FileSetIndexCache.in(dir.resolve("index-cache"));
      Counted counting = counted(plain.withIndexCache(cache));
      HashMatcher before = HashMatcher.load(counting.repo());
      long oldGood = plain.find("Example NSRL-like").orElseThrow().id();

      // A new version of the known-good set that no longer lists md5(four).
      importText(
          plain,
          dir,
          HashSetFormat.HASHDEEP,
          info("Example NSRL-like", "8", HashSetKind.KNOWN_GOOD),
          "good8.txt",
          "%%%% HASHDEEP-1.0\n%%%% size,md5,filename\n5," + md5("five") + ",/software/b.txt\n");
      long newGood = plain.find("Example NSRL-like").orElseThrow().id();

      counting.setReads().set(0);
      HashMatcher after = HashMatcher.load(counting.repo(), 31, Optional.of(before));
      assertThat(counting.setReads()).as("only the new set is read").hasValue(1);
      assertThat(after.match(report()).verdicts())
          .containsExactly(
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.UNMATCHED_POSSIBLE_NEW,
              FileVerdict.UNMATCHED_POSSIBLE_NEW,
              FileVerdict.MATCHED_KNOWN,
              FileVerdict.MATCHED_KNOWN);
      assertThat(cache.indexFile(oldGood)).doesNotExist();
      assertThat(cache.indexFile(newGood)).exists();
      assertThat(after.match(report())).isEqualTo(HashMatcher.load(plain).match(report()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aFailedImportLeavesTheOldSetWhole(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      JdbcHashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      loadSets(repo);
      StoredHashSet before = repo.find("Example VICS").orElseThrow();
      assertThatThrownBy(
              () ->
                  repo.importSet(
                      info("Example VICS", "2026.02", HashSetKind.KNOWN_ABUSE),
                      HashSetFormat.CSV,
                      "0".repeat(64),
                      HashSetTestData.T0,
                      sink -> {
                        for (int i = 0; i < 5000; i++) {
                          sink.accept(
                              new org.tiptrace.hash.sets.HashEntry(
                                  org.tiptrace.hash.sets.Digest.parseHex(
                                      DigestAlgorithm.MD5, md5("bulk-" + i)),
                                  Optional.empty(),
                                  Optional.empty(),
                                  org.tiptrace.tip.TriState.UNKNOWN));
                        }
                        throw new IOException("example.csv line 5001: broken row");
                      }))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("line 5001");
      assertThat(repo.find("Example VICS")).contains(before);
      EntryFingerprint rows = new EntryFingerprint();
      repo.forEachEntryOf(before.id(), (id, setId, a, d) -> rows.add(a, d));
      assertThat(before.contentFingerprint()).contains(rows.value());
      assertThat(HashMatcher.load(repo).match(report()).verdicts())
          .containsExactlyElementsOf(EXPECTED);
    }
  }

  private static void setFingerprint(TestDatabase db, long setId, Optional<String> value)
      throws SQLException {
    try (Connection c = db.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE hash_set SET content_fingerprint = ? WHERE id = ?")) {
      ps.setString(1, value.orElse(null));
      ps.setLong(2, setId);
      ps.executeUpdate();
    }
  }

  private static List<Path> cacheFiles(FileSetIndexCache cache) throws IOException {
    try (Stream<Path> files = Files.list(cache.directory())) {
      return new ArrayList<>(files.toList());
    }
  }
}
