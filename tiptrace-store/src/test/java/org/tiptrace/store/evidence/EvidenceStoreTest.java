package org.tiptrace.store.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.evidence.ContentAccess;
import org.tiptrace.evidence.ContentSource;
import org.tiptrace.evidence.EvidenceException;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileContent;
import org.tiptrace.evidence.FileContentRepository.AttachOutcome;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.evidence.GateVerdict;
import org.tiptrace.evidence.Warrant;
import org.tiptrace.evidence.WarrantRequest;
import org.tiptrace.legal.GateBasis;
import org.tiptrace.legal.GateRuleSet;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TriState;

/** The V8 evidence tables through the real repositories and {@link EvidenceFiles}. */
class EvidenceStoreTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-11-20T09:00:00.123456789Z");
  private static final byte[] PHOTO =
      "benign test bytes, not an image".getBytes(StandardCharsets.UTF_8);

  private static ReportedFile file(String id, TriState viewed, List<FileHash> hashes) {
    ReportedFile f = TestReports.file("upload-" + id + ".jpg", hashes, List.of());
    return new ReportedFile(
        Optional.of(id),
        f.fileName(),
        f.originalFileName(),
        f.uploadedToEspTimestamp(),
        f.locationOfFile(),
        viewed,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        f.relevance(),
        f.annotations(),
        f.industryClassification(),
        f.hashes(),
        f.ipCaptureEvents(),
        f.deviceIds(),
        f.details(),
        f.additionalInfo(),
        f.ncmecTags());
  }

  private static List<FileHash> hashesOf(byte[] bytes, HashOrigin origin) {
    return List.of(
        new FileHash(HashAlgorithm.MD5, "MD5", hex("MD5", bytes), origin),
        new FileHash(HashAlgorithm.SHA1, "SHA1", hex("SHA-1", bytes), origin),
        new FileHash(HashAlgorithm.SHA256, "SHA256", hex("SHA-256", bytes), origin));
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Tip insert(
      TestDatabase db, AgencyId agency, String source, ReportedFile... files) {
    var builder = TestReports.report().reportId("ev-" + source);
    for (ReportedFile f : files) {
      builder.file(f);
    }
    return db.tips()
        .insertIfAbsent(
            agency, Sha256.of(source.getBytes(StandardCharsets.UTF_8)), T0, builder.build())
        .tip();
  }

  private static EvidenceFiles evidence(TestDatabase db) {
    return new EvidenceFiles(
        db.archive(),
        new JdbcFileContentRepository(db.database().dataSource()),
        new JdbcWarrantRepository(db.database().dataSource()),
        GateRuleSet.bundled(),
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  private static WarrantRequest request(String... files) {
    return new WarrantRequest(
        "SW-2026-0142",
        "Superior Court of Example County",
        LocalDate.parse("2026-11-19"),
        java.util.Arrays.stream(files)
            .map(FileRef::new)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aRecordedWarrantReadsBackWithItsFilesAndOnlyForItsAgency(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JdbcWarrantRepository repo = new JdbcWarrantRepository(db.database().dataSource());
      Tip tip = insert(db, A, "w1", file("f1", TriState.UNKNOWN, List.of()));

      Warrant w = repo.record(A, tip.id(), request("f1", "f2"), "alice", T0).orElseThrow();
      Warrant second =
          repo.record(A, tip.id(), request("f3"), "alice", T0.plusSeconds(5)).orElseThrow();

      assertThat(repo.forTip(A, tip.id())).containsExactly(w, second);
      assertThat(w.files()).containsExactly(new FileRef("f1"), new FileRef("f2"));
      assertThat(w.recordedAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123456Z"));
      assertThat(w.issuedOn()).isEqualTo(LocalDate.parse("2026-11-19"));
      assertThat(repo.forTip(B, tip.id())).isEmpty();
      assertThat(repo.record(B, tip.id(), request("f1"), "bob", T0)).isEmpty();
      assertThat(repo.record(A, new TipId(tip.id().value() + 999), request("f1"), "alice", T0))
          .isEmpty();
      assertThat(repo.forTip(A, tip.id())).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void contentIsAttachedOncePerFileAndOnlyForItsAgency(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      JdbcFileContentRepository repo = new JdbcFileContentRepository(db.database().dataSource());
      Tip tip = insert(db, A, "c1", file("f1", TriState.TRUE, List.of()));
      Sha256 sha = Sha256.of(PHOTO);
      Sha256 other = Sha256.of("other".getBytes(StandardCharsets.UTF_8));
      db.archive().store(A, sha, "photo", PHOTO, T0);
      db.archive().store(A, other, "other", "other".getBytes(StandardCharsets.UTF_8), T0);
      FileRef f1 = new FileRef("f1");

      assertThat(repo.attach(A, tip.id(), f1, sha, PHOTO.length, "alice", T0))
          .isEqualTo(AttachOutcome.ATTACHED);
      assertThat(repo.attach(A, tip.id(), f1, sha, PHOTO.length, "alice", T0))
          .isEqualTo(AttachOutcome.ALREADY_ATTACHED);
      assertThat(repo.attach(A, tip.id(), f1, other, 5, "alice", T0))
          .isEqualTo(AttachOutcome.CONFLICT);
      assertThat(repo.attach(B, tip.id(), f1, sha, PHOTO.length, "bob", T0))
          .isEqualTo(AttachOutcome.NO_SUCH_TIP);

      FileContent stored = repo.find(A, tip.id(), f1).orElseThrow();
      assertThat(stored.sha256()).isEqualTo(sha);
      assertThat(stored.size()).isEqualTo(PHOTO.length);
      assertThat(stored.source()).isEqualTo(ContentSource.ATTACHED);
      assertThat(stored.attachedBy()).contains("alice");
      assertThat(repo.find(B, tip.id(), f1)).isEmpty();
      assertThat(repo.find(A, tip.id(), new FileRef("f2"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void bytesOfAnUnviewedFileStayBlockedUntilAWarrantListsIt(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      EvidenceFiles evidence = evidence(db);
      Tip tip =
          insert(
              db,
              A,
              "g1",
              file("f1", TriState.UNKNOWN, hashesOf(PHOTO, HashOrigin.ESP_ORIGINAL)),
              file("f2", TriState.FALSE, hashesOf(PHOTO, HashOrigin.ESP_ORIGINAL)));
      evidence.attach(tip, new FileRef("f1"), PHOTO, "/tmp/photo.jpg", "alice");
      evidence.attach(tip, new FileRef("f2"), PHOTO, "/tmp/photo.jpg", "alice");

      assertThat(evidence.content(tip, new FileRef("f1")))
          .isInstanceOf(ContentAccess.Blocked.class);

      Warrant w = evidence.recordWarrant(tip, request("f1"), "alice");
      ContentAccess access = evidence.content(tip, new FileRef("f1"));

      assertThat(access).isInstanceOf(ContentAccess.Bytes.class);
      assertThat(((ContentAccess.Bytes) access).bytes()).isEqualTo(PHOTO);
      assertThat(access.decision().basis()).isEqualTo(GateBasis.WARRANT);
      assertThat(access.decision().warrant()).contains(w.id());
      assertThat(evidence.content(tip, new FileRef("f2")).decision().verdict())
          .isEqualTo(GateVerdict.BLOCKED);
      assertThat(evidence.exif(tip, new FileRef("f2"))).isInstanceOf(ContentAccess.Blocked.class);
      assertThat(evidence.exif(tip, new FileRef("f1"))).isInstanceOf(ContentAccess.Exif.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void bytesThatDoNotMatchTheReportedHashesAreRefused(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      EvidenceFiles evidence = evidence(db);
      byte[] other = "different bytes".getBytes(StandardCharsets.UTF_8);
      Tip tip =
          insert(
              db,
              A,
              "h1",
              file("f1", TriState.TRUE, hashesOf(PHOTO, HashOrigin.ESP_ORIGINAL)),
              file("f2", TriState.TRUE, List.of()));

      assertThatThrownBy(() -> evidence.attach(tip, new FileRef("f1"), other, "/x/other.jpg", "a"))
          .isInstanceOf(EvidenceException.class)
          .hasMessageContaining(
              "/x/other.jpg: the bytes are not file f1: MD5 (ESP_ORIGINAL) reported "
                  + hex("MD5", PHOTO)
                  + ", the bytes have "
                  + hex("MD5", other))
          .hasMessageContaining("SHA256 (ESP_ORIGINAL) reported");
      assertThatThrownBy(() -> evidence.attach(tip, new FileRef("f2"), PHOTO, "p.jpg", "a"))
          .hasMessageContaining("p.jpg: file f2 has no reported MD5, SHA-1 or SHA-256");
      assertThatThrownBy(() -> evidence.attach(tip, new FileRef("f9"), PHOTO, "p.jpg", "a"))
          .hasMessageContaining("has no file 'f9'; files: [f1, f2]");
      assertThat(evidence.content(tip, new FileRef("f1")))
          .isInstanceOf(ContentAccess.NoContent.class);
      assertThat(db.archive().find(A, Sha256.of(other))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aHotlineUploadIsFoundByTheSha256TiptraceComputed(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      EvidenceFiles evidence = evidence(db);
      db.archive().store(A, Sha256.of(PHOTO), "hotline:report-1/upload/p.jpg", PHOTO, T0);
      Tip tip =
          insert(db, A, "u1", file("f1", TriState.TRUE, hashesOf(PHOTO, HashOrigin.TIPTRACE)));

      ContentAccess access = evidence.content(tip, new FileRef("f1"));

      assertThat(access).isInstanceOf(ContentAccess.Bytes.class);
      assertThat(((ContentAccess.Bytes) access).content().source())
          .isEqualTo(ContentSource.HOTLINE_UPLOAD);
      assertThatThrownBy(() -> evidence.recordWarrant(tip, request("f1", "nope"), "alice"))
          .isInstanceOf(EvidenceException.class)
          .hasMessageContaining("has no file nope");
      assertThat(Set.copyOf(evidence.warrants(tip))).isEmpty();
    }
  }
}
