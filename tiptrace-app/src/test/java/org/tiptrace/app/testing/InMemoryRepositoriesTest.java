package org.tiptrace.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.ArchivedDocument;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;

/** The test doubles keep the contracts the app relies on. */
class InMemoryRepositoriesTest {
  private static final AgencyId A = new AgencyId("A");
  private static final AgencyId B = new AgencyId("B");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void racingInsertsOfOneSourceCreateOneTip() throws Exception {
    InMemoryTipRepository repo = new InMemoryTipRepository();
    Sha256 source = Sha256.of(new byte[] {1});
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<TipRepository.Stored>> calls = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        calls.add(
            () ->
                repo.insertIfAbsent(
                    A, source, T, TestReports.report(SourceFormat.LE_JSON, Optional.of("R"), "u")));
      }
      List<Future<TipRepository.Stored>> results = pool.invokeAll(calls);
      long created = 0;
      for (Future<TipRepository.Stored> f : results) {
        created += f.get().created() ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
      assertThat(repo.count(A)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everythingIsScopedByAgency() {
    InMemoryTipRepository repo = new InMemoryTipRepository();
    Sha256 source = Sha256.of(new byte[] {2});
    var a =
        repo.insertIfAbsent(
            A, source, T, TestReports.report(SourceFormat.LE_JSON, Optional.of("R-A"), "u"));
    var b =
        repo.insertIfAbsent(
            B, source, T, TestReports.report(SourceFormat.LE_JSON, Optional.of("R-A"), "u"));
    assertThat(b.created()).isTrue();
    assertThat(a.tip().id()).isNotEqualTo(b.tip().id());
    assertThat(repo.find(B, a.tip().id())).isEmpty();
    assertThat(repo.findByCybertipReportId(B, "R-A").orElseThrow().id()).isEqualTo(b.tip().id());
    assertThat(repo.list(A, TipQuery.firstPage(10)).items()).hasSize(1);

    var attached =
        repo.attachFile(A, a.tip().id(), Sha256.of(new byte[] {3}), TestReports.file("x.jpg"));
    var again =
        repo.attachFile(A, a.tip().id(), Sha256.of(new byte[] {3}), TestReports.file("x.jpg"));
    assertThat(attached.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.tip().report().files()).hasSize(1);
    assertThat(repo.findBySource(A, Sha256.of(new byte[] {3}))).isPresent();
    assertThat(repo.findBySource(B, Sha256.of(new byte[] {3}))).isEmpty();
  }

  @Test
  void archiveIsIdempotentAndScoped() {
    InMemoryRawArchive archive = new InMemoryRawArchive();
    byte[] bytes = {4, 5};
    Sha256 sha = Sha256.of(bytes);
    ArchivedDocument first = archive.store(A, sha, "a.xml", bytes, T);
    ArchivedDocument second = archive.store(A, sha, "renamed.xml", bytes, T.plusSeconds(5));
    assertThat(second).isEqualTo(first);
    assertThat(archive.find(B, sha)).isEmpty();
    archive.recordOutcome(A, sha, ArchiveStatus.ACCEPTED, List.of());
    assertThat(archive.list(A, ArchiveStatus.ACCEPTED, 10)).hasSize(1);
    assertThat(archive.bytes(A, sha)).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
  }
}
