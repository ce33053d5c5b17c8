package org.tiptrace.store.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipRepository;

/**
 * The requirement: "A crash (kill -9) in the middle of a bulk ingest loses nothing and
 * duplicates nothing after restart."
 *
 * <p>A child JVM ({@link CrashIngestChild}) ingests {@value #REPORTS} reports and their fileDetails
 * through the real {@link Intake} into a durable database (an H2 file, the default set-up; or a
 * PostgreSQL schema). Once it has acknowledged some but not all documents, the test kills it with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux), then checks that every acknowledged
 * document survived, and re-runs the whole ingest in this JVM on the same database: exactly one tip
 * per report, each source digest in exactly one tip, every fileDetails attached once, nothing left
 * RECEIVED, and every archived document byte-equal to its input.
 */
class CrashIngestTest {
  private static final Logger LOG = LoggerFactory.getLogger(CrashIngestTest.class);
  static final int REPORTS = 320;
  private static final long TIMEOUT_SECONDS = 120;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void killedMidIngestLosesNothingAndDuplicatesNothing(TestBackend backend, @TempDir Path dir)
      throws Exception {
    BulkIngest.Plan plan = BulkIngest.plan(REPORTS);
    List<RawDocument> docs = plan.documents();
    int killAfter = docs.size() / 3;
    try (TestDatabase db = backend.openDurable(dir.resolve("db"))) {
      db.closeDatabase(); // the child is the only writer while it runs (H2 locks its file)

      Path stderr = dir.resolve("child-stderr.txt");
      long started = System.nanoTime();
      Process child = startChild(db.config(), stderr);
      Set<Integer> acknowledged = new TreeSet<>();
      try {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = pump(child, lines);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (acknowledged.size() < killAfter) {
          String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (line == null || line.equals("finished") || line.equals("EOF")) {
            child.destroyForcibly();
            fail(
                "the child %s before acknowledging %d documents (it acknowledged %d); stderr:%n%s",
                line == null ? "timed out" : "ended",
                killAfter,
                acknowledged.size(),
                Files.readString(stderr, StandardCharsets.UTF_8));
          }
          record(line, acknowledged);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended after SIGKILL").isTrue();
        assertThat(child.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
        pump.join(TimeUnit.SECONDS.toMillis(30));
        for (String line = lines.poll(); line != null; line = lines.poll()) {
          assertThat(line).as("the child finished before it was killed").isNotEqualTo("finished");
          record(line, acknowledged);
        }
      } finally {
        child.destroyForcibly();
      }
      assertThat(acknowledged.size()).isLessThan(docs.size());

      Database reopened = db.reopen();
      TipRepository tips = reopened.tips();
      RawArchive archive = reopened.rawArchive();

      // Nothing the child acknowledged before it died is lost.
      for (int i : acknowledged) {
        Sha256 sha = Sha256.of(docs.get(i).bytes());
        assertThat(tips.findBySource(BulkIngest.AGENCY, sha))
            .as("tip of acknowledged document %d", i)
            .isPresent();
        assertThat(archive.find(BulkIngest.AGENCY, sha).orElseThrow().status())
            .as("archive status of acknowledged document %d", i)
            .isEqualTo(ArchiveStatus.ACCEPTED);
      }
      long tipsAfterCrash = tips.count(BulkIngest.AGENCY);
      LOG.info(
          "{}: child killed after {} ms with {} of {} documents acknowledged; {} tips survived",
          backend,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          acknowledged.size(),
          docs.size(),
          tipsAfterCrash);
      long restart = System.nanoTime();
      assertThat(tipsAfterCrash).as("the crash came in the middle").isLessThan(REPORTS);

      // Restart: the whole ingest again.
      Intake intake = BulkIngest.intake(reopened);
      Map<IntakeOutcome, Integer> outcomes = new HashMap<>();
      for (int i = 0; i < docs.size(); i++) {
        IntakeResult r = intake.ingest(BulkIngest.AGENCY, docs.get(i), ParseMode.TOLERANT);
        outcomes.merge(r.outcome(), 1, Integer::sum);
        if (acknowledged.contains(i)) {
          assertThat(r.outcome())
              .as("re-ingest of acknowledged %d", i)
              .isEqualTo(IntakeOutcome.DUPLICATE);
        }
        assertThat(r.outcome()).as("document %d", i).isNotEqualTo(IntakeOutcome.REJECTED);
      }

      LOG.info(
          "{}: re-ingest took {} ms, outcomes {}",
          backend,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart),
          outcomes);
      assertThat(tips.count(BulkIngest.AGENCY))
          .as("tips after restart, outcomes %s", outcomes)
          .isEqualTo(REPORTS);
      for (int r = 0; r < REPORTS; r++) {
        Tip tip =
            tips.findByCybertipReportId(BulkIngest.AGENCY, plan.reportIds().get(r)).orElseThrow();
        assertThat(tip.report().files())
            .as("files of report %d", r)
            .hasSize(plan.expectedFiles().get(r));
      }
      for (int i = 0; i < docs.size(); i++) {
        byte[] input = docs.get(i).bytes();
        Sha256 sha = Sha256.of(input);
        assertThat(tips.findBySource(BulkIngest.AGENCY, sha))
            .as("tip of document %d", i)
            .isPresent();
        assertThat(archive.bytes(BulkIngest.AGENCY, sha))
            .as("archived bytes of document %d", i)
            .hasValueSatisfying(b -> assertThat(b).isEqualTo(input));
      }
      assertThat(archive.list(BulkIngest.AGENCY, ArchiveStatus.RECEIVED, 10_000)).isEmpty();
      assertThat(archive.list(BulkIngest.AGENCY, ArchiveStatus.QUARANTINED, 10_000)).isEmpty();
      assertThat(archive.list(BulkIngest.AGENCY, ArchiveStatus.ACCEPTED, 10_000))
          .hasSize(docs.size());
      // Each source digest in exactly one tip.
      assertThat(
              single(
                  reopened,
                  "SELECT COUNT(*) FROM (SELECT sha256 FROM tip_document WHERE agency = ?"
                      + " GROUP BY sha256 HAVING COUNT(DISTINCT tip_id) > 1) dup"))
          .isZero();
      assertThat(single(reopened, "SELECT COUNT(*) FROM tip_document WHERE agency = ?"))
          .isEqualTo(docs.size());
      assertThat(
              single(
                  reopened,
                  "SELECT COUNT(*) FROM tip_file_hash h JOIN tip t ON t.id = h.tip_id"
                      + " WHERE t.agency = ?"))
          .as("every file's hashes projected exactly once")
          .isEqualTo(plan.expectedHashes());
    }
  }

  private static void record(String line, Set<Integer> acknowledged) {
    if (line.startsWith("done ")) {
      acknowledged.add(Integer.parseInt(line.split(" ")[1]));
    }
  }

  private static Process startChild(DatabaseConfig config, Path stderr) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashIngestChild.class.getName());
    command.add(config.url());
    command.add(config.user().orElse("-"));
    command.add(Integer.toString(REPORTS));
    ProcessBuilder pb = new ProcessBuilder(command);
    config.password().ifPresent(p -> pb.environment().put(CrashIngestChild.PASSWORD_ENV, p));
    pb.redirectError(stderr.toFile());
    return pb.start();
  }

  /** Copies the child's output lines into {@code lines}, then {@code EOF}. */
  private static Thread pump(Process child, BlockingQueue<String> lines) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("pump failed: " + e);
              }
              lines.add("EOF");
            },
            "crash-child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static long single(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, BulkIngest.AGENCY.code());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
