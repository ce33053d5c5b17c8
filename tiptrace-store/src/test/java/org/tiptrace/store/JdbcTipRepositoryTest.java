package org.tiptrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tiptrace.store.test.TestReports.file;
import static org.tiptrace.store.test.TestReports.ip;
import static org.tiptrace.store.test.TestReports.md5;
import static org.tiptrace.store.test.TestReports.sha1;
import static org.tiptrace.store.test.TestReports.user;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TipRepository.Stored;
import org.tiptrace.tip.TipSummary;
import org.tiptrace.tip.UserRole;

class JdbcTipRepositoryTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456Z");

  private static Sha256 sha(String text) {
    return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A report exercising most of what the summary and projections read. */
  private static Report richReport(String reportId) {
    return TestReports.report()
        .format(SourceFormat.LE_JSON)
        .reportId(reportId)
        .incidentType(IncidentType.ONLINE_ENTICEMENT)
        .incidentTime("2025-03-14T16:07:31-05:00")
        .espName("Example Photos Inc.")
        .user(
            user(
                UserRole.REPORTED,
                "sunflower42",
                ip("198.51.100.23", 61022, "2025-03-14T21:07:31Z"),
                ip("2001:db8::1", -1, "2025-03-14T21:07:31")))
        .user(user(UserRole.VICTIM, "victim-1"))
        .internetDetail(
            new InternetDetail.PeerToPeer(
                Optional.of("ExampleP2P"),
                List.of(ip("203.0.113.9", 6881, null)),
                Optional.empty(),
                Optional.empty()))
        .file(
            file(
                "a.jpg",
                List.of(
                    md5("1A79A4D60DE6718E8E5B326E338AE533"),
                    sha1("da39a3ee5e6b4b0d3255bfef95601890afd80709")),
                List.of(ip("198.51.100.24", 443, "2025-03-14T21:08:00Z"))))
        .file(file("b.png", md5("0cc175b9c0f1b6a831c399e269772661")))
        .note("synthetic")
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void insertingTheSameSourceTwiceKeepsOneTip(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Sha256 source = sha("report-1");
      Stored first = tips.insertIfAbsent(A, source, T0, richReport("100001"));
      Stored second = tips.insertIfAbsent(A, source, T0.plusSeconds(5), richReport("999999"));

      assertThat(first.created()).isTrue();
      assertThat(second.created()).isFalse();
      assertThat(second.tip()).isEqualTo(first.tip());
      assertThat(tips.count(A)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theStoredReportEqualsTheInsertedOne(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Report report = richReport("100002");
      Sha256 source = sha("report-2");
      Tip stored = tips.insertIfAbsent(A, source, T0, report).tip();

      Tip found = tips.find(A, stored.id()).orElseThrow();
      assertThat(found.report()).isEqualTo(report);
      assertThat(found).isEqualTo(new Tip(stored.id(), A, source, T0, report));
      assertThat(stored).isEqualTo(found);
      assertThat(tips.findBySource(A, source)).contains(found);
      assertThat(tips.findByCybertipReportId(A, "100002")).contains(found);
      assertThat(tips.findByCybertipReportId(A, "100003")).isEmpty();
      assertThat(tips.find(A, new TipId(stored.id().value() + 1000))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void receivedAtIsKeptToTheMicrosecond(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      Instant withNanos = Instant.parse("2026-01-05T10:15:30.123456789Z");
      Stored s = db.tips().insertIfAbsent(A, sha("nanos"), withNanos, TestReports.report("1"));
      Instant expected = Instant.parse("2026-01-05T10:15:30.123456Z");
      assertThat(s.tip().receivedAt()).isEqualTo(expected);
      assertThat(db.tips().find(A, s.tip().id()).orElseThrow().receivedAt()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void twoThreadsRacingOnOneSourceMakeOneTip(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      int rounds = 25;
      for (int round = 0; round < rounds; round++) {
        Sha256 source = sha("race-" + round);
        Report report = TestReports.report("R" + round);
        List<Stored> results = race(() -> tips.insertIfAbsent(A, source, T0, report), 2);
        assertThat(results).as("round %d", round).filteredOn(Stored::created).hasSize(1);
        assertThat(results.get(0).tip().id()).isEqualTo(results.get(1).tip().id());
        assertThat(results.get(0).tip()).isEqualTo(results.get(1).tip());
      }
      assertThat(tips.count(A)).isEqualTo(rounds);
      assertThat(countRows(db, "SELECT COUNT(*) FROM tip_document")).isEqualTo(rounds);
      assertThat(countRows(db, "SELECT COUNT(*) FROM tip_file_hash")).isZero();
    }
  }

  /**
   * Forces the losing side of a race: another transaction holds the source's key uncommitted while
   * {@code insertIfAbsent} runs, then commits. The call must answer with that transaction's tip,
   * not an error, and must not leave a second tip behind (on PostgreSQL its failed insert aborted
   * its transaction, so it has to retry in a fresh one).
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aWriterThatLosesTheRaceReturnsTheWinnersTip(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      Sha256 source = sha("contended");
      Report winnerReport = TestReports.report("WINNER");
      ExecutorService loser = Executors.newSingleThreadExecutor();
      try (Connection winner = db.database().dataSource().getConnection()) {
        winner.setAutoCommit(false);
        long winnerId;
        try (PreparedStatement ps =
            winner.prepareStatement(
                "INSERT INTO tip (agency, format, cybertip_report_id, source_sha256, received_at,"
                    + " file_count, reported_user_count, document)"
                    + " VALUES (?, 'LE_JSON', 'WINNER', ?, ?, 0, 0, ?)",
                new String[] {"id"})) {
          ps.setString(1, A.code());
          ps.setString(2, source.hex());
          ps.setObject(3, T0.atOffset(java.time.ZoneOffset.UTC));
          ps.setString(4, org.tiptrace.tip.TipJson.write(winnerReport));
          ps.executeUpdate();
          try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            winnerId = keys.getLong(1);
          }
        }
        try (PreparedStatement ps =
            winner.prepareStatement(
                "INSERT INTO tip_document (agency, sha256, tip_id, role)"
                    + " VALUES (?, ?, ?, 'REPORT')")) {
          ps.setString(1, A.code());
          ps.setString(2, source.hex());
          ps.setLong(3, winnerId);
          ps.executeUpdate();
        }
        Future<Stored> losing =
            loser.submit(
                () -> db.tips().insertIfAbsent(A, source, T0, TestReports.report("LOSER")));
        Thread.sleep(500); // let the loser reach its insert and wait on the key
        winner.commit();

        Stored result = losing.get(60, TimeUnit.SECONDS);
        assertThat(result.created()).isFalse();
        assertThat(result.tip().id()).isEqualTo(new TipId(winnerId));
        assertThat(result.tip().report()).isEqualTo(winnerReport);
      } finally {
        loser.shutdownNow();
      }
      assertThat(db.tips().count(A)).isEqualTo(1);
      assertThat(countRows(db, "SELECT COUNT(*) FROM tip")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void attachingAFileIsIdempotent(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Report report = richReport("100004");
      Tip tip = tips.insertIfAbsent(A, sha("report-4"), T0, report).tip();
      ReportedFile extra =
          file(
              "c.jpg",
              List.of(md5("92eb5ffee6ae2fec3ad71c777531578f")),
              List.of(ip("198.51.100.99", 50000, "2025-03-15T01:00:00Z")));
      Sha256 fileSource = sha("file-details-c");

      Stored attached = tips.attachFile(A, tip.id(), fileSource, extra);
      Stored again = tips.attachFile(A, tip.id(), fileSource, extra);

      assertThat(attached.created()).isTrue();
      assertThat(attached.tip().report()).isEqualTo(report.withFiles(List.of(extra)));
      assertThat(attached.tip().source()).isEqualTo(sha("report-4"));
      assertThat(again.created()).isFalse();
      assertThat(again.tip()).isEqualTo(attached.tip());
      Tip found = tips.find(A, tip.id()).orElseThrow();
      assertThat(found.report().files()).hasSize(3);
      assertThat(found).isEqualTo(attached.tip());
      assertThat(tips.findBySource(A, fileSource)).contains(found);
      assertThat(tips.list(A, TipQuery.firstPage(10)).items().get(0).fileCount()).isEqualTo(3);
      assertThat(
              countRows(
                  db,
                  "SELECT COUNT(*) FROM tip_file_hash WHERE file_index = 2 AND algorithm = 'MD5'"
                      + " AND hash_value = '92eb5ffee6ae2fec3ad71c777531578f'"))
          .isEqualTo(1);
      assertThat(
              countRows(
                  db,
                  "SELECT COUNT(*) FROM tip_ip_event WHERE file_index = 2"
                      + " AND ip = '198.51.100.99' AND port = 50000"))
          .isEqualTo(1);
      // A report's own source cannot be attached as a file of another (or the same) tip.
      Stored reportAsFile = tips.attachFile(A, tip.id(), sha("report-4"), extra);
      assertThat(reportAsFile.created()).isFalse();
      assertThat(tips.find(A, tip.id()).orElseThrow().report().files()).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void racingAttachesNeitherDuplicateNorLoseFiles(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Tip tip = tips.insertIfAbsent(A, sha("report-5"), T0, TestReports.report("5")).tip();
      int rounds = 10;
      for (int round = 0; round < rounds; round++) {
        // Same source from two threads: attached once.
        Sha256 same = sha("same-" + round);
        ReportedFile f = file("same" + round + ".jpg");
        List<Stored> results = race(() -> tips.attachFile(A, tip.id(), same, f), 2);
        assertThat(results).as("round %d", round).filteredOn(Stored::created).hasSize(1);
      }
      // Different sources to one tip at once: the row lock keeps both.
      for (int round = 0; round < rounds; round++) {
        int r = round;
        List<Callable<Stored>> work = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          int thread = t;
          work.add(
              () ->
                  tips.attachFile(
                      A, tip.id(), sha("diff-" + r + "-" + thread), file("d" + r + thread)));
        }
        assertThat(race(work)).allMatch(Stored::created);
      }
      Report stored = tips.find(A, tip.id()).orElseThrow().report();
      assertThat(stored.files()).hasSize(3 * rounds);
      assertThat(stored.files())
          .extracting(f -> f.fileName().orElseThrow())
          .doesNotHaveDuplicates();
      assertThat(countRows(db, "SELECT COUNT(*) FROM tip_document")).isEqualTo(1 + 3 * rounds);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void attachingToATipTheAgencyDoesNotHaveFails(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Tip tipOfA = tips.insertIfAbsent(A, sha("report-6"), T0, TestReports.report("6")).tip();
      assertThatThrownBy(() -> tips.attachFile(B, tipOfA.id(), sha("f6"), file("x.jpg")))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining(B.code())
          .hasMessageContaining(tipOfA.id().toString());
      assertThat(tips.findBySource(A, sha("f6"))).isEmpty();
      assertThat(tips.findBySource(B, sha("f6"))).isEmpty();
      assertThat(tips.find(A, tipOfA.id()).orElseThrow().report().files()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anAgencyNeverSeesAnotherAgencysTips(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Sha256 source = sha("report-7");
      Tip tipOfA = tips.insertIfAbsent(A, source, T0, richReport("700007")).tip();

      assertThat(tips.find(B, tipOfA.id())).isEmpty();
      assertThat(tips.findBySource(B, source)).isEmpty();
      assertThat(tips.findByCybertipReportId(B, "700007")).isEmpty();
      assertThat(tips.count(B)).isZero();
      Page<TipSummary> pageOfB = tips.list(B, TipQuery.firstPage(10));
      assertThat(pageOfB.items()).isEmpty();
      assertThat(pageOfB.total()).isZero();

      // The same document received by B is B's own tip.
      Stored ofB = tips.insertIfAbsent(B, source, T0, richReport("700007"));
      assertThat(ofB.created()).isTrue();
      assertThat(ofB.tip().id()).isNotEqualTo(tipOfA.id());
      assertThat(tips.findBySource(B, source).orElseThrow().id()).isEqualTo(ofB.tip().id());
      assertThat(tips.findBySource(A, source).orElseThrow().id()).isEqualTo(tipOfA.id());
      assertThat(tips.count(A)).isEqualTo(1);
      assertThat(tips.count(B)).isEqualTo(1);
      assertThat(tips.list(A, TipQuery.firstPage(10)).items())
          .extracting(TipSummary::id)
          .containsExactly(tipOfA.id());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void listPagesNewestFirstWithTheTotal(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      List<TipId> inserted = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        // Pairs share a received time: the later id comes first.
        Instant at = T0.plusSeconds(i / 2);
        inserted.add(
            tips.insertIfAbsent(A, sha("page-" + i), at, TestReports.report("P" + i)).tip().id());
      }
      tips.insertIfAbsent(B, sha("page-b"), T0.plusSeconds(100), TestReports.report("PB"));
      List<TipId> newestFirst = new ArrayList<>(inserted);
      java.util.Collections.reverse(newestFirst);

      List<TipId> seen = new ArrayList<>();
      for (int offset = 0; offset < 30; offset += 10) {
        Page<TipSummary> page = tips.list(A, new TipQuery(offset, 10));
        assertThat(page.total()).isEqualTo(25);
        assertThat(page.offset()).isEqualTo(offset);
        assertThat(page.limit()).isEqualTo(10);
        assertThat(page.items()).hasSize(offset < 20 ? 10 : 5);
        page.items().forEach(s -> seen.add(s.id()));
      }
      assertThat(seen).isEqualTo(newestFirst);
      Page<TipSummary> beyond = tips.list(A, new TipQuery(100, 10));
      assertThat(beyond.items()).isEmpty();
      assertThat(beyond.total()).isEqualTo(25);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void listedSummariesEqualTheSummaryOfTheStoredTip(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      TipRepository tips = db.tips();
      Tip rich = tips.insertIfAbsent(A, sha("s-1"), T0, richReport("800008")).tip();
      Report bare =
          TestReports.report()
              .format(SourceFormat.ESP_XML_REPORT)
              .incidentTime("2025-03-14T21:07:31")
              .build();
      Tip plain = tips.insertIfAbsent(A, sha("s-2"), T0.plusSeconds(1), bare).tip();

      List<TipSummary> items = tips.list(A, TipQuery.firstPage(10)).items();
      assertThat(items).containsExactly(TipSummary.of(plain), TipSummary.of(rich));
      assertThat(items.get(1).reporterName()).contains("Example Photos Inc.");
      assertThat(items.get(1).fileCount()).isEqualTo(2);
      assertThat(items.get(1).reportedUserCount()).isEqualTo(1);
      assertThat(items.get(0).cybertipReportId()).isEmpty();
      assertThat(items.get(0).incidentDateTime().orElseThrow().zoneKnown()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void projectionsHoldEveryHashAndIpEvent(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      Tip tip = db.tips().insertIfAbsent(A, sha("p-1"), T0, richReport("900009")).tip();

      List<String> hashes =
          rows(
              db,
              "SELECT file_index, algorithm, hash_value FROM tip_file_hash WHERE tip_id = ?"
                  + " ORDER BY file_index, algorithm",
              tip.id().value());
      assertThat(hashes)
          .containsExactly(
              "0|MD5|1a79a4d60de6718e8e5b326e338ae533",
              "0|SHA1|da39a3ee5e6b4b0d3255bfef95601890afd80709",
              "1|MD5|0cc175b9c0f1b6a831c399e269772661");

      List<String> events =
          rows(
              db,
              "SELECT file_index, ip, port, event_name, event_instant, zone_known"
                  + " FROM tip_ip_event WHERE tip_id = ? ORDER BY ip",
              tip.id().value());
      assertThat(events)
          .containsExactlyInAnyOrder(
              "0|198.51.100.24|443|UPLOAD|2025-03-14T21:08:00Z|true",
              "null|198.51.100.23|61022|UPLOAD|2025-03-14T21:07:31Z|true",
              "null|2001:db8::1|null|UPLOAD|null|false",
              "null|203.0.113.9|6881|UPLOAD|null|false");
      assertThat(countRows(db, "SELECT COUNT(*) FROM tip WHERE incident_time IS NOT NULL"))
          .isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static <T> List<T> race(Callable<T> task, int threads) throws Exception {
    List<Callable<T>> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      tasks.add(task);
    }
    return race(tasks);
  }

  /** Runs the tasks at once (released together by a barrier) and returns their results. */
  private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier start = new CyclicBarrier(tasks.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return task.call();
                }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static long countRows(TestDatabase db, String sql) {
    try (Connection c = db.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Rows as {@code a|b|c} text; times as UTC instants. */
  private static List<String> rows(TestDatabase db, String sql, long tipId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tipId);
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> cols = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            if (v instanceof java.sql.Timestamp || v instanceof OffsetDateTime) {
              v = rs.getObject(i, OffsetDateTime.class).toInstant();
            }
            cols.add(String.valueOf(v));
          }
          out.add(String.join("|", cols));
        }
      }
    }
    return out;
  }
}
