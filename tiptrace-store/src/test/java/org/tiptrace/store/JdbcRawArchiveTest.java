package org.tiptrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.ArchivedDocument;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

class JdbcRawArchiveTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456Z");

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void storeIsIdempotentAndKeepsEveryByte(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      RawArchive archive = db.archive();
      byte[] bytes = new byte[1 << 20];
      new Random(20261122L).nextBytes(bytes);
      for (int i = 0; i < 256; i++) {
        bytes[i] = (byte) i; // every byte value, NUL and a BOM-like prefix included
      }
      Sha256 sha = Sha256.of(bytes);

      ArchivedDocument first = archive.store(A, sha, "upload/a.xml", bytes, T0);
      ArchivedDocument again = archive.store(A, sha, "renamed.xml", bytes, T0.plusSeconds(60));

      assertThat(first.status()).isEqualTo(ArchiveStatus.RECEIVED);
      assertThat(first.size()).isEqualTo(bytes.length);
      assertThat(first.receivedAt()).isEqualTo(T0);
      assertThat(again).isEqualTo(first);
      assertThat(archive.find(A, sha)).contains(first);
      assertThat(archive.bytes(A, sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
      assertThat(archive.list(A, ArchiveStatus.RECEIVED, 10)).containsExactly(first);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void emptyDocumentIsKept(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      byte[] empty = new byte[0];
      Sha256 sha = Sha256.of(empty);
      db.archive().store(A, sha, "empty.json", empty, T0);
      assertThat(db.archive().bytes(A, sha)).hasValueSatisfying(b -> assertThat(b).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void storeRefusesADigestThatIsNotOfTheBytes(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
      Sha256 wrong = Sha256.of("{ }".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> db.archive().store(A, wrong, "x.json", bytes, T0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("x.json")
          .hasMessageContaining(wrong.hex());
      assertThat(db.archive().find(A, wrong)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void outcomesAreRecordedWithTheirProblemsAndQuarantineIsListedNewestFirst(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      RawArchive archive = db.archive();
      List<Sha256> shas = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        byte[] b = ("<report n='" + i + "'/>").getBytes(StandardCharsets.UTF_8);
        shas.add(Sha256.of(b));
        archive.store(A, shas.get(i), "r" + i + ".xml", b, T0.plusSeconds(i));
      }
      List<Problem> errors =
          List.of(
              Problem.error("r0.xml", 12, 5, "/report/incidentSummary/incidentType", "bad value"),
              Problem.error("r0.xml", "", "document is empty"));
      List<Problem> warnings =
          List.of(Problem.warning("r1.xml", 3, 1, "/report/extra", "unknown element kept"));
      archive.recordOutcome(A, shas.get(0), ArchiveStatus.QUARANTINED, errors);
      archive.recordOutcome(A, shas.get(1), ArchiveStatus.ACCEPTED, warnings);
      archive.recordOutcome(A, shas.get(2), ArchiveStatus.QUARANTINED, errors.subList(1, 2));

      assertThat(archive.find(A, shas.get(0)).orElseThrow().problems()).isEqualTo(errors);
      assertThat(archive.find(A, shas.get(1)).orElseThrow().status())
          .isEqualTo(ArchiveStatus.ACCEPTED);
      assertThat(archive.find(A, shas.get(1)).orElseThrow().problems()).isEqualTo(warnings);
      assertThat(archive.list(A, ArchiveStatus.QUARANTINED, 10))
          .extracting(ArchivedDocument::sha256)
          .containsExactly(shas.get(2), shas.get(0));
      assertThat(archive.list(A, ArchiveStatus.QUARANTINED, 1))
          .extracting(ArchivedDocument::sha256)
          .containsExactly(shas.get(2));
      assertThat(archive.list(A, ArchiveStatus.RECEIVED, 10))
          .extracting(ArchivedDocument::sha256)
          .containsExactly(shas.get(3));
      assertThat(archive.list(B, ArchiveStatus.QUARANTINED, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void recordingTheOutcomeOfAnUnknownDocumentFails(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
      Sha256 sha = Sha256.of(b);
      db.archive().store(A, sha, "a.json", b, T0);
      assertThatThrownBy(
              () -> db.archive().recordOutcome(B, sha, ArchiveStatus.ACCEPTED, List.of()))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining(B.code())
          .hasMessageContaining(sha.hex());
      assertThat(db.archive().find(A, sha).orElseThrow().status())
          .isEqualTo(ArchiveStatus.RECEIVED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void agenciesHaveSeparateArchives(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      RawArchive archive = db.archive();
      byte[] shared = "{\"same\":true}".getBytes(StandardCharsets.UTF_8);
      byte[] onlyA = "{\"a\":true}".getBytes(StandardCharsets.UTF_8);
      Sha256 sharedSha = Sha256.of(shared);
      archive.store(A, sharedSha, "a.json", shared, T0);
      archive.store(B, sharedSha, "b.json", shared, T0.plusSeconds(1));
      archive.store(A, Sha256.of(onlyA), "only-a.json", onlyA, T0);
      archive.recordOutcome(A, sharedSha, ArchiveStatus.ACCEPTED, List.of());

      assertThat(archive.find(B, sharedSha).orElseThrow().sourceName()).isEqualTo("b.json");
      assertThat(archive.find(B, sharedSha).orElseThrow().status())
          .isEqualTo(ArchiveStatus.RECEIVED);
      assertThat(archive.find(B, Sha256.of(onlyA))).isEmpty();
      assertThat(archive.bytes(B, Sha256.of(onlyA))).isEmpty();
      assertThat(archive.list(B, ArchiveStatus.RECEIVED, 10))
          .extracting(ArchivedDocument::sourceName)
          .containsExactly("b.json");
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void concurrentStoresOfTheSameBytesKeepOneEntry(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 20; round++) {
          byte[] b = ("{\"round\":" + round + "}").getBytes(StandardCharsets.UTF_8);
          Sha256 sha = Sha256.of(b);
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<ArchivedDocument>> results = new ArrayList<>();
          for (int t = 0; t < 2; t++) {
            String name = "thread" + t + ".json";
            results.add(
                pool.submit(
                    () -> {
                      start.await(10, TimeUnit.SECONDS);
                      return db.archive().store(A, sha, name, b, T0);
                    }));
          }
          ArchivedDocument x = results.get(0).get(30, TimeUnit.SECONDS);
          ArchivedDocument y = results.get(1).get(30, TimeUnit.SECONDS);
          assertThat(x).as("round %d", round).isEqualTo(y);
        }
        assertThat(db.archive().list(A, ArchiveStatus.RECEIVED, 100)).hasSize(20);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
