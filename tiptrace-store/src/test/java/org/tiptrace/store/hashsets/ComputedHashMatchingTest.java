package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.store.hashsets.HashSetTestData.T0;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;
import static org.tiptrace.store.test.TestReports.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileHashing;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ContentHasher;
import org.tiptrace.hash.content.PdqStatus;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.HashSource;
import org.tiptrace.hash.sets.MatchMethod;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.store.evidence.JdbcFileContentRepository;
import org.tiptrace.store.evidence.JdbcWarrantRepository;
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
import org.tiptrace.tip.TipJson;

/**
 * Matching by hashes Tiptrace computed from attached bytes, over the real store: a photo attached
 * to a tip that reported only its MD5 matches a set holding the hash of the rotated photo by PDQ
 * (variant ROTATE_90), and the tip is marked for re-triage; a text file gets computed SHA-1 and
 * SHA-256 and "not an image"; a low-quality photo is flagged and not matched.
 */
class ComputedHashMatchingTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** pdq.md §7.2: the hash of the rotated photo, which a set holds. */
  private static final String ROTATED_90 =
      "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";

  @TempDir Path dir;

  private static byte[] photo(String relative) throws Exception {
    return Files.readAllBytes(PdqTestData.root().resolve(relative));
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  private static String sha256(byte[] b) {
    return Sha256.of(b).hex();
  }

  private static String vicsPdq(String pdq) {
    return String.format(
        Locale.ROOT,
        """
        { "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media",
          "value": [ { "MediaID": 1, "Category": 1, "AlternativeHashes": [
                { "HashName": "PDQ", "HashValue": "%s" } ] } ] }
        """,
        pdq);
  }

  private record World(
      HashSetRepository sets, EvidenceFiles evidence, FileHashing hashing, TipMatching matching) {}

  private static World world(TestDatabase db) {
    HashSetRepository sets = new JdbcHashSetRepository(db.database().dataSource());
    JdbcFileContentRepository contents = new JdbcFileContentRepository(db.database().dataSource());
    return new World(
        sets,
        new EvidenceFiles(
            db.archive(),
            contents,
            new JdbcWarrantRepository(db.database().dataSource()),
            GateRuleSet.bundled(),
            CLOCK),
        new FileHashing(db.archive(), contents, sets, new ContentHasher(), CLOCK),
        new TipMatching(sets, db.tips(), CLOCK));
  }

  private static Tip tip(TestDatabase db, String reportId, String md5) {
    Report r =
        TestReports.report()
            .reportId(reportId)
            .file(
                file(
                    "upload.jpg",
                    new FileHash(HashAlgorithm.MD5, "MD5", md5, HashOrigin.ESP_ORIGINAL)))
            .build();
    return db.tips()
        .insertIfAbsent(A, Sha256.of(reportId.getBytes(StandardCharsets.UTF_8)), T0, r)
        .tip();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void attachedPhotoMatchesARotatedCopyByComputedPdq(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      World w = world(db);
      importText(
          w.sets(),
          dir,
          HashSetFormat.VICS,
          info("Rotated photos", "1", HashSetKind.KNOWN_ABUSE),
          "rotated.json",
          vicsPdq(ROTATED_90));
      byte[] bytes = photo("reg-test-input/dih/bridge-1-original.jpg");
      Tip tip = tip(db, "700001", md5(bytes));
      TipHashMatches before = w.matching().matchAndStore(A, tip.id()).orElseThrow();
      assertThat(before.verdicts()).containsExactly(FileVerdict.NOT_CHECKED);

      w.evidence().attach(tip, new FileRef("pos-1"), bytes, "bridge.jpg", "alice");
      List<FileHashing.Computed> computed = w.hashing().computeMissing(tip);

      assertThat(computed).hasSize(1);
      ComputedHashes h = computed.get(0).hashes();
      assertThat(h.sha256().hex()).isEqualTo(sha256(bytes));
      assertThat(h.pdq().status()).isEqualTo(PdqStatus.HASHED);
      assertThat(h.pdq().hash())
          .contains("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
      assertThat(h.digests())
          .extracting(d -> d.algorithm())
          .containsExactly(HashAlgorithm.SHA1, HashAlgorithm.SHA256);
      assertThat(w.sets().findComputed(A, tip.id())).containsOnlyKeys(0);
      assertThat(w.sets().findComputed(B, tip.id())).isEmpty();
      // the same bytes again: nothing to compute
      assertThat(w.hashing().computeMissing(tip)).isEmpty();

      TipMatching.Change change =
          w.matching().rematch(A, tip.id(), "hashes computed").orElseThrow();

      assertThat(change.changed()).isTrue();
      FileMatches f = change.now().files().get(0);
      assertThat(f.verdict()).isEqualTo(FileVerdict.MATCHED_KNOWN);
      HashMatch m = f.matches().get(0);
      assertThat(m.method()).isEqualTo(MatchMethod.PDQ);
      assertThat(m.source()).isEqualTo(HashSource.COMPUTED);
      assertThat(m.variant()).contains(PdqDihedral.ROTATE_90);
      assertThat(m.distance()).hasValue(2); // pdq.md §7.3
      assertThat(f.computed()).contains(h);
      assertThat(w.sets().retriageMarks(A))
          .extracting(HashSetRepository.RetriageMark::tip)
          .containsExactly(tip.id());
      // stored and read back whole
      assertThat(w.sets().findMatches(A, tip.id()).orElseThrow().matches()).isEqualTo(change.now());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void textGetsComputedDigestsAndIsNotAnImage(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      World w = world(db);
      byte[] bytes = "a chat log, not an image\n".getBytes(StandardCharsets.UTF_8);
      importText(
          w.sets(),
          dir,
          HashSetFormat.HASHDEEP,
          info("Known files", "3", HashSetKind.KNOWN_GOOD),
          "good.txt",
          "%%%% HASHDEEP-1.0\n%%%% size,sha256,filename\n"
              + bytes.length
              + ","
              + sha256(bytes)
              + ",/docs/log.txt\n");
      Tip tip = tip(db, "700002", md5(bytes));
      w.evidence().attach(tip, new FileRef("pos-1"), bytes, "log.txt", "alice");

      ComputedHashes h = w.hashing().computeMissing(tip).get(0).hashes();
      assertThat(h.pdq().status()).isEqualTo(PdqStatus.NOT_AN_IMAGE);
      FileMatches f =
          w.matching().rematch(A, tip.id(), "hashes computed").orElseThrow().now().files().get(0);

      assertThat(f.verdict()).isEqualTo(FileVerdict.MATCHED_KNOWN_GOOD);
      assertThat(f.matches())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.method()).isEqualTo(MatchMethod.EXACT_SHA256);
                assertThat(m.source()).isEqualTo(HashSource.COMPUTED);
                assertThat(m.variant()).isEmpty();
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void lowQualityPhotoIsFlaggedAndNotMatched(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      World w = world(db);
      byte[] bytes = photo("misc-images/small.jpg");
      String ownHash = new ContentHasher().pdq(bytes).hash().orElseThrow();
      importText(
          w.sets(),
          dir,
          HashSetFormat.VICS,
          info("Own hash", "1", HashSetKind.KNOWN_ABUSE),
          "own.json",
          vicsPdq(ownHash));
      Tip tip = tip(db, "700003", md5(bytes));
      w.evidence().attach(tip, new FileRef("pos-1"), bytes, "small.jpg", "alice");
      w.hashing().computeMissing(tip);

      FileMatches f =
          w.matching().rematch(A, tip.id(), "hashes computed").orElseThrow().now().files().get(0);

      assertThat(f.computed().orElseThrow().pdq().status()).isEqualTo(PdqStatus.LOW_QUALITY);
      assertThat(f.matches()).isEmpty();
      assertThat(f.verdict()).isEqualTo(FileVerdict.NOT_CHECKED);
    }
  }

  /** Matches stored before V14 carry no source, variant or computed hashes: read as reported. */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void matchesStoredBeforeComputedHashesStillRead(TestBackend backend) throws Exception {
    String old =
        """
        {"files":[{"fileIndex":0,"verdict":"MATCHED_KNOWN","matches":[{"setName":"S",
        "setVersion":"1","kind":"KNOWN_ABUSE","category":"1","series":null,
        "victimIdentified":"UNKNOWN","method":"EXACT_MD5","digest":"MD5:00","distance":null}]}],
        "sets":"S 1"}
        """;
    TipHashMatches m = TipJson.mapper().readValue(old, TipHashMatches.class);
    HashMatch match = m.files().get(0).matches().get(0);
    assertThat(match.source()).isEqualTo(HashSource.REPORTED);
    assertThat(match.variant()).isEmpty();
    assertThat(m.files().get(0).computed()).isEqualTo(Optional.empty());
    assertThat(backend).isNotNull();
  }
}
