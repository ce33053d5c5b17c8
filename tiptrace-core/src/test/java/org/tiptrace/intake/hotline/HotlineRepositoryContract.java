package org.tiptrace.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/** The {@link HotlineRepository} contract, for every implementation. */
public abstract class HotlineRepositoryContract {
  protected static final Instant T0 = Instant.parse("2026-03-14T21:00:00Z");
  protected static final Platform ESP = new Platform("esp-one", new AgencyId("ICAC-A"));
  protected static final Platform OTHER = new Platform("esp-two", new AgencyId("ICAC-A"));

  /** Same user name, different agency: a different platform. */
  protected static final Platform TWIN = new Platform("esp-one", new AgencyId("ICAC-B"));

  protected HotlineRepository repo;

  protected abstract HotlineRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    repo = newRepository();
  }

  private static byte[] xml(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int files;

  private static HotlineFile file(long reportId, Instant at) {
    int n = ++files;
    String fileId = String.format(java.util.Locale.ROOT, "%032x", n + 0xabc000L);
    byte[] content = ("file " + n).getBytes(StandardCharsets.UTF_8);
    return new HotlineFile(
        reportId,
        fileId,
        "name-" + n + ".jpg",
        content.length,
        "1".repeat(32),
        "2".repeat(40),
        Sha256.of(content),
        at);
  }

  @Test
  public void openGivesUniquePositiveIdsAndKeepsTheBytes() {
    byte[] doc = xml("<report>\u00e9</report>");
    HotlineReport a = repo.open(ESP, doc, T0);
    HotlineReport b = repo.open(ESP, xml("<report/>"), T0);
    assertThat(a.id()).isPositive();
    assertThat(b.id()).isPositive().isNotEqualTo(a.id());
    assertThat(a.state()).isEqualTo(ReportState.OPEN);
    assertThat(a.version()).isZero();
    assertThat(a.openedAt()).isEqualTo(T0);
    assertThat(a.lastChangeAt()).isEqualTo(T0);
    assertThat(a.reportSha256()).isEqualTo(Sha256.of(doc));
    assertThat(a.tipId()).isEmpty();
    assertThat(a.closedAt()).isEmpty();
    assertThat(repo.find(ESP, a.id())).contains(a);
    assertThat(repo.reportXml(a)).isEqualTo(doc);
  }

  @Test
  public void manyOpensNeverRepeatAnId() {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(repo.open(ESP, xml("<report/>"), T0).id());
    }
    assertThat(ids).hasSize(50);
  }

  @Test
  public void lookupsAreScopedByPlatformAndAgency() {
    HotlineReport a = repo.open(ESP, xml("<report/>"), T0);
    assertThat(repo.find(OTHER, a.id())).isEmpty();
    assertThat(repo.find(TWIN, a.id())).isEmpty();
    assertThat(repo.find(ESP, a.id() + 1000)).isEmpty();
  }

  @Test
  public void additionsNeedAnOpenReportNotTheLatestVersion() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    Instant t1 = T0.plus(Duration.ofMinutes(5));
    HotlineFile f1 = file(r.id(), t1);
    assertThat(repo.addFile(r, f1, 10)).isEqualTo(HotlineRepository.AddFileResult.ADDED);
    HotlineFile f2 = file(r.id(), t1.minusSeconds(60));
    assertThat(repo.addFile(r, f2, 10))
        .as("an older snapshot of an OPEN report: uploads commute")
        .isEqualTo(HotlineRepository.AddFileResult.ADDED);
    HotlineReport after = repo.find(ESP, r.id()).orElseThrow();
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.lastChangeAt()).as("never moves backwards").isEqualTo(t1);
    assertThat(after.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(repo.files(after)).containsExactly(f1, f2);
  }

  @Test
  public void aLateAdditionMovesTheDeadline() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    Instant late = T0.plus(Duration.ofMinutes(23 * 60 + 30));
    repo.addFile(r, file(r.id(), late), 10);
    assertThat(repo.openExpiredAt(T0.plus(Duration.ofHours(24)), 10)).isEmpty();
    assertThat(repo.openExpiredAt(late.plus(Duration.ofHours(1)), 10)).hasSize(1);
  }

  @Test
  public void theFileLimitIsEnforced() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    assertThat(repo.addFile(r, file(r.id(), T0), 2))
        .isEqualTo(HotlineRepository.AddFileResult.ADDED);
    assertThat(repo.addFile(r, file(r.id(), T0), 2))
        .isEqualTo(HotlineRepository.AddFileResult.ADDED);
    assertThat(repo.addFile(r, file(r.id(), T0), 2))
        .isEqualTo(HotlineRepository.AddFileResult.FULL);
    assertThat(repo.files(r)).hasSize(2);
    assertThat(repo.find(ESP, r.id()).orElseThrow().version())
        .as("FULL changes nothing")
        .isEqualTo(2);
  }

  @Test
  public void fileInfoIsStoredAndReplaced() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    HotlineFile f1 = file(r.id(), T0);
    HotlineFile f2 = file(r.id(), T0);
    repo.addFile(r, f1, 10);
    repo.addFile(r, f2, 10);
    Instant t = T0.plusSeconds(60);
    assertThat(repo.putFileInfo(r, FileInfoDocument.of(r.id(), f2.fileId(), xml("<a/>"), t)))
        .isTrue();
    r = repo.find(ESP, r.id()).orElseThrow();
    assertThat(r.lastChangeAt()).isEqualTo(t);
    assertThat(
            repo.putFileInfo(
                r, FileInfoDocument.of(r.id(), f2.fileId(), xml("<c/>"), t.plusSeconds(1))))
        .isTrue();
    assertThat(repo.putFileInfo(r, FileInfoDocument.of(r.id(), f1.fileId(), xml("<d/>"), t)))
        .isTrue();
    List<FileInfoDocument> infos = repo.fileInfos(repo.find(ESP, r.id()).orElseThrow());
    assertThat(infos)
        .extracting(FileInfoDocument::fileId)
        .containsExactly(f1.fileId(), f2.fileId());
    assertThat(new String(infos.get(1).xml(), StandardCharsets.UTF_8)).isEqualTo("<c/>");
    assertThat(infos.get(1).sha256()).isEqualTo(Sha256.of(xml("<c/>")));
    assertThat(infos.get(1).receivedAt()).isEqualTo(t.plusSeconds(1));
  }

  @Test
  public void fileInfoForAFileOfAnotherReportIsRefused() {
    HotlineReport a = repo.open(ESP, xml("<report/>"), T0);
    HotlineReport b = repo.open(ESP, xml("<report/>"), T0);
    HotlineFile fb = file(b.id(), T0);
    repo.addFile(b, fb, 10);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> repo.putFileInfo(a, FileInfoDocument.of(a.id(), fb.fileId(), xml("<x/>"), T0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repo.fileInfos(a)).isEmpty();
    assertThat(repo.find(ESP, a.id()).orElseThrow().version()).isZero();
  }

  @Test
  public void closedReportsTakeNoFiles() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    assertThat(repo.transition(r, ReportState.RETRACTED, T0.plusSeconds(1))).isTrue();
    HotlineReport closed = repo.find(ESP, r.id()).orElseThrow();
    assertThat(closed.state()).isEqualTo(ReportState.RETRACTED);
    assertThat(closed.closedAt()).contains(T0.plusSeconds(1));
    assertThat(repo.addFile(r, file(r.id(), T0), 10))
        .isEqualTo(HotlineRepository.AddFileResult.NOT_OPEN);
    assertThat(repo.files(closed)).isEmpty();
    assertThat(repo.find(ESP, r.id()).orElseThrow().version()).isEqualTo(closed.version());
  }

  @Test
  public void transitionsAreCompareAndSet() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    assertThat(repo.transition(r, ReportState.FINISHING, T0)).isTrue();
    assertThat(repo.transition(r, ReportState.RETRACTED, T0)).as("stale").isFalse();
    HotlineReport finishing = repo.find(ESP, r.id()).orElseThrow();
    assertThat(repo.finished(r, new TipId(7), T0)).as("stale").isFalse();
    assertThat(repo.finished(finishing, new TipId(7), T0.plusSeconds(3))).isTrue();
    HotlineReport done = repo.find(ESP, r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(ReportState.FINISHED);
    assertThat(done.tipId()).contains(new TipId(7));
    assertThat(done.closedAt()).contains(T0);
    assertThat(done.version()).isEqualTo(2);
    assertThat(repo.finished(done, new TipId(8), T0)).as("not finishing").isFalse();
  }

  @Test
  public void reopeningClearsClosedAtAndCountsAsAChange() {
    HotlineReport r = repo.open(ESP, xml("<report/>"), T0);
    repo.transition(r, ReportState.FINISHING, T0.plusSeconds(5));
    HotlineReport finishing = repo.find(ESP, r.id()).orElseThrow();
    Instant t = T0.plus(Duration.ofHours(3));
    assertThat(repo.transition(finishing, ReportState.OPEN, t)).isTrue();
    HotlineReport open = repo.find(ESP, r.id()).orElseThrow();
    assertThat(open.state()).isEqualTo(ReportState.OPEN);
    assertThat(open.closedAt()).isEmpty();
    assertThat(open.lastChangeAt()).isEqualTo(t);
  }

  @Test
  public void listsByStateAndByDeadline() {
    HotlineReport old = repo.open(ESP, xml("<report/>"), T0);
    HotlineReport touched = repo.open(OTHER, xml("<report/>"), T0);
    repo.addFile(touched, file(touched.id(), T0.plus(Duration.ofMinutes(23 * 60 + 30))), 10);
    HotlineReport young = repo.open(ESP, xml("<report/>"), T0.plus(Duration.ofHours(5)));
    HotlineReport finishing = repo.open(ESP, xml("<report/>"), T0);
    repo.transition(finishing, ReportState.FINISHING, T0);

    assertThat(repo.inState(ReportState.FINISHING, 10))
        .extracting(HotlineReport::id)
        .containsExactly(finishing.id());
    assertThat(repo.inState(ReportState.OPEN, 10))
        .extracting(HotlineReport::id)
        .containsExactly(old.id(), touched.id(), young.id());
    assertThat(repo.inState(ReportState.OPEN, 1)).hasSize(1);

    Instant day = T0.plus(Duration.ofHours(24));
    assertThat(repo.openExpiredAt(day.minusNanos(1000), 10)).isEmpty();
    assertThat(repo.openExpiredAt(day, 10)).extracting(HotlineReport::id).containsExactly(old.id());
    assertThat(repo.openExpiredAt(T0.plus(Duration.ofMinutes(24 * 60 + 30)), 10))
        .extracting(HotlineReport::id)
        .containsExactly(old.id(), touched.id());
    assertThat(repo.openExpiredAt(T0.plus(Duration.ofDays(3)), 10)).hasSize(3);
    assertThat(repo.find(ESP, finishing.id()).map(HotlineReport::state))
        .isEqualTo(Optional.of(ReportState.FINISHING));
  }
}
