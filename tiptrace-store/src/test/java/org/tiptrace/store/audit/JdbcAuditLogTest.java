package org.tiptrace.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditChain;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.audit.AuditVerifier;
import org.tiptrace.audit.VerificationResult;
import org.tiptrace.audit.VerificationResult.Reason;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;

/** The audit log on every database: append and read back, concurrent appends, tampering by SQL. */
class JdbcAuditLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);
  private static final AgencyId AGENCY = new AgencyId("ICAC-TEST");

  private static AuditLog log(TestDatabase db) {
    return db.database().auditLog(CLOCK);
  }

  private static AuditEvent view(int tip) {
    return AuditEvent.of("analyst", AGENCY, AuditAction.TIP_VIEWED, AuditSubjectType.TIP, "" + tip);
  }

  private static void fill(AuditLog log, int n) {
    for (int i = 1; i <= n; i++) {
      log.append(view(i));
    }
  }

  private static void sql(TestDatabase db, String... statements) throws SQLException {
    try (Connection c = db.database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void appendsAndReadsBackInSequence(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      assertThat(log.count()).isZero();
      assertThat(log.recordedHead()).isEmpty();
      AuditEntry first =
          log.append(
              new AuditEvent(
                  "nobody",
                  Optional.empty(),
                  AuditAction.LOGIN_FAILED,
                  AuditSubjectType.NONE,
                  "",
                  "bad credentials: ünïcode"));
      AuditEntry second = log.append(view(7));

      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
      assertThat(first.at()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
      assertThat(second.sequence()).isEqualTo(2);
      assertThat(second.previousHash()).isEqualTo(first.hash());
      assertThat(log.read(0, 10)).containsExactly(first, second);
      assertThat(log.read(1, 10)).containsExactly(second);
      assertThat(log.count()).isEqualTo(2);
      assertThat(log.recordedHead()).contains(new AuditLog.ChainHead(2, second.hash()));

      VerificationResult r = new AuditVerifier(log).verify();
      assertThat(r.intact()).isTrue();
      assertThat(r.entriesChecked()).isEqualTo(2);
      assertThat(r.headHash()).isEqualTo(second.hash());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void concurrentAppendsDoNotForkTheChain(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          int thread = t;
          Callable<Void> work =
              () -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                  log.append(view(thread * 1000 + i));
                }
                return null;
              };
          done.add(pool.submit(work));
        }
        start.countDown();
        for (Future<Void> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(log.count()).isEqualTo(200);
      VerificationResult r = new AuditVerifier(log).verify();
      assertThat(r.firstBreak()).isEmpty();
      assertThat(r.entriesChecked()).isEqualTo(200);
      assertThat(r.head().sequence()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void editedDetailIsNamed(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      fill(log, 10);
      sql(db, "UPDATE audit_entry SET detail = 'nothing to see' WHERE sequence = 4");

      VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
      assertThat(b.sequence()).isEqualTo(4);
      assertThat(b.reason()).isEqualTo(Reason.EDITED);
      assertThat(b.action()).contains(AuditAction.TIP_VIEWED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void deletedMiddleRowIsNamed(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      fill(log, 10);
      sql(db, "DELETE FROM audit_entry WHERE sequence = 5");

      VerificationResult r = new AuditVerifier(log).verify();
      VerificationResult.Break b = r.firstBreak().orElseThrow();
      assertThat(b.sequence()).isEqualTo(6);
      assertThat(b.reason()).isEqualTo(Reason.DELETED);
      assertThat(r.head().sequence()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void swappedSequenceNumbersAreNamed(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      fill(log, 10);
      sql(
          db,
          "UPDATE audit_entry SET sequence = -1 WHERE sequence = 6",
          "UPDATE audit_entry SET sequence = 6 WHERE sequence = 7",
          "UPDATE audit_entry SET sequence = 7 WHERE sequence = -1");

      VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
      assertThat(b.sequence()).isEqualTo(6);
      assertThat(b.reason()).isEqualTo(Reason.REORDERED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void deletedLastRowIsNamedAgainstTheRecordedHead(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      fill(log, 3);
      sql(db, "DELETE FROM audit_entry WHERE sequence = 3");

      VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
      assertThat(b.sequence()).isEqualTo(3);
      assertThat(b.reason()).isEqualTo(Reason.TRUNCATED);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anUnknownActionIsNamedAsUnreadable(TestBackend backend) throws SQLException {
    try (TestDatabase db = backend.open()) {
      AuditLog log = log(db);
      fill(log, 5);
      sql(db, "UPDATE audit_entry SET action = 'NOTHING_HAPPENED' WHERE sequence = 3");

      VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
      assertThat(b.sequence()).isEqualTo(3);
      assertThat(b.reason()).isEqualTo(Reason.UNREADABLE);
      assertThat(b.message()).contains("NOTHING_HAPPENED");
    }
  }
}
