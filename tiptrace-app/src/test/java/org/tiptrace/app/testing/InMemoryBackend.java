package org.tiptrace.app.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.TipRepository;

/**
 * The real store on a fresh database, opened through {@link TiptraceBackend#open}: H2 in memory by
 * default (hence the name), or a PostgreSQL schema of its own. {@link #close()} closes it for real
 * (dropping the database) and counts the calls.
 */
public final class InMemoryBackend implements TiptraceBackend {
  private final TestStorage storage;
  private final TiptraceBackend backend;
  private final AtomicInteger closed = new AtomicInteger();

  /** A fresh H2 in-memory database. */
  public InMemoryBackend() {
    this(TestBackend.H2);
  }

  public InMemoryBackend(TestBackend database) {
    this.storage = TestStorage.fresh(database);
    this.backend = storage.open();
  }

  /**
   * The database the web tests share: PostgreSQL when {@value TestBackend#PG_URL_ENV} is set, else
   * H2.
   */
  public static InMemoryBackend forWebTests() {
    return new InMemoryBackend(
        TestBackend.postgresUrl().isPresent() ? TestBackend.POSTGRESQL : TestBackend.H2);
  }

  @Override
  public RawArchive archive() {
    return backend.archive();
  }

  @Override
  public TipRepository tips() {
    return backend.tips();
  }

  @Override
  public HotlineRepository hotlineReports() {
    return backend.hotlineReports();
  }

  @Override
  public AuditLog auditLog() {
    return backend.auditLog();
  }

  @Override
  public AssessmentRepository ipAssessments() {
    return backend.ipAssessments();
  }

  @Override
  public IpDataRepository ipData() {
    return backend.ipData();
  }

  @Override
  public AccountRepository accounts() {
    return backend.accounts();
  }

  @Override
  public HashSetRepository hashSets() {
    return backend.hashSets();
  }

  @Override
  public org.tiptrace.evidence.EvidenceStore evidence() {
    return backend.evidence();
  }

  @Override
  public org.tiptrace.link.LinkStore linkStore() {
    return backend.linkStore();
  }

  @Override
  public org.tiptrace.triage.TriageStore triageStore() {
    return backend.triageStore();
  }

  @Override
  public org.tiptrace.job.JobRepository jobs() {
    return backend.jobs();
  }

  @Override
  public org.tiptrace.rules.RuleSetRepository ruleSets() {
    return backend.ruleSets();
  }

  @Override
  public org.tiptrace.account.OidcLinkRepository oidcLinks() {
    return backend.oidcLinks();
  }

  @Override
  public org.tiptrace.account.LoginFailures loginFailures() {
    return backend.loginFailures();
  }

  @Override
  public void close() {
    if (closed.getAndIncrement() == 0) {
      backend.close();
      storage.drop();
    }
  }

  /** Where the database is (for tests that look at a column with plain JDBC). */
  public org.tiptrace.app.system.DatabaseSettings settings() {
    return storage.settings();
  }

  public int closeCount() {
    return closed.get();
  }

  @Override
  public String toString() {
    return "InMemoryBackend[" + storage.settings() + "]";
  }
}
