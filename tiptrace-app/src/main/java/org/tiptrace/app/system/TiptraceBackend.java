package org.tiptrace.app.system;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.LoginFailures;
import org.tiptrace.account.OidcLinkRepository;
import org.tiptrace.account.TotpSecretCipher;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.evidence.EvidenceStore;
import org.tiptrace.hash.sets.HashSetReaders;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.SetIndexCache;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.job.JobRepository;
import org.tiptrace.link.LinkStore;
import org.tiptrace.rules.RuleSetRepository;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;
import org.tiptrace.store.account.JdbcAccountRepository;
import org.tiptrace.store.account.JdbcLoginFailures;
import org.tiptrace.store.account.JdbcOidcLinkRepository;
import org.tiptrace.store.evidence.JdbcFileContentRepository;
import org.tiptrace.store.evidence.JdbcWarrantRepository;
import org.tiptrace.store.hashsets.FileSetIndexCache;
import org.tiptrace.store.hashsets.JdbcHashSetRepository;
import org.tiptrace.store.hashsets.NsrlSqliteReader;
import org.tiptrace.store.hotline.JdbcHotlineRepository;
import org.tiptrace.store.ip.JdbcAssessmentRepository;
import org.tiptrace.store.ip.JdbcIpDataRepository;
import org.tiptrace.store.job.JdbcJobRepository;
import org.tiptrace.store.link.JdbcLinkStore;
import org.tiptrace.store.rules.JdbcRuleSetRepository;
import org.tiptrace.store.triage.JdbcTriageStore;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.triage.TriageStore;

/**
 * The storage the application works on: the raw archive, the tip repository, the hotline reports
 * and the audit log, all from core's interfaces. The CLI and the web app get theirs from {@link
 * #open(DatabaseSettings)}.
 */
public interface TiptraceBackend extends AutoCloseable {

  RawArchive archive();

  TipRepository tips();

  /** Reports open on the hotline API ({@code /ispws}). */
  HotlineRepository hotlineReports();

  /** The append-only, hash-chained audit log (logins, views, intake). */
  AuditLog auditLog();

  /** The IP attribution computed for each tip on ingest. */
  AssessmentRepository ipAssessments();

  /** The installed IP data sets ({@code tiptrace ipdata}), shared by every agency. */
  IpDataRepository ipData();

  /** Accounts, agencies and API tokens. */
  AccountRepository accounts();

  /** Known-hash sets, the hash matches of each tip, and the tips marked for re-triage. */
  HashSetRepository hashSets();

  /** Warrant records and which archived bytes are which file's content (the viewing gate). */
  EvidenceStore evidence();

  /** Subjects, identifiers, associations, manual decisions and holds (global; scope on read). */
  LinkStore linkStore();

  /** The current triage of each tip. */
  TriageStore triageStore();

  /** Background jobs that outlive the process (hash-set imports, IP re-assessments). */
  JobRepository jobs();

  /** The stored versions of the triage and viewing-gate rules (national). */
  RuleSetRepository ruleSets();

  /** Which OIDC identity (issuer, subject) opens which account (single sign-on). */
  OidcLinkRepository oidcLinks();

  /** Recent failed sign-ins per user name and address, for the login throttle (V10). */
  LoginFailures loginFailures();

  /** Releases the connection pool; idempotent. */
  @Override
  void close();

  /**
   * Opens the storage at {@code settings} and migrates it: the single place that knows the store
   * module.
   *
   * <p>The TOTP secrets are sealed with the key of {@link DatabaseSettings#secretKey()} (see there
   * for the default); plaintext secrets from before V10 are sealed here, and a secret sealed with a
   * key the key file does not hold stops the opening with a message naming the user and the keys.
   *
   * @throws BackendException when the database cannot be opened
   */
  static TiptraceBackend open(DatabaseSettings settings) {
    Optional<SecretKeyLocation> key = secretKeyLocation(settings);
    Database db;
    try {
      db =
          Database.open(
              DatabaseConfig.of(
                  settings.url(), settings.user().orElse(null), settings.password().orElse(null)));
    } catch (RuntimeException e) {
      throw new BackendException("cannot open " + settings + ": " + e.getMessage(), e);
    }
    // The key after the database: a database that cannot be opened is reported as such first.
    JdbcAccountRepository accounts;
    try {
      TotpSecretCipher cipher =
          key.isPresent() ? SecretKeyFiles.load(key.get()) : SecretKeyFiles.ephemeral();
      accounts = new JdbcAccountRepository(db.dataSource(), cipher);
      accounts.sealStoredSecrets();
    } catch (RuntimeException e) {
      db.close();
      throw new BackendException("cannot open " + settings + ": " + e.getMessage(), e);
    }
    SetIndexCache cache;
    try {
      cache = indexCache(settings);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return of(
        db.rawArchive(),
        db.tips(),
        new JdbcHotlineRepository(db.dataSource()),
        db.auditLog(Clock.systemUTC()),
        new JdbcAssessmentRepository(db.dataSource()),
        new JdbcIpDataRepository(db.dataSource()),
        accounts,
        new JdbcHashSetRepository(db.dataSource()).withIndexCache(cache),
        new EvidenceStore(
            new JdbcWarrantRepository(db.dataSource()),
            new JdbcFileContentRepository(db.dataSource())),
        new JdbcLinkStore(db.dataSource()),
        new JdbcTriageStore(db.dataSource()),
        new JdbcJobRepository(db.dataSource()),
        new JdbcRuleSetRepository(db.dataSource()),
        new JdbcOidcLinkRepository(db.dataSource()),
        new JdbcLoginFailures(db.dataSource()),
        db::close);
  }

  /**
   * The hash-set index cache of {@code settings}: the configured directory; else {@code
   * index-cache} beside an H2 file database; else none, said once in the log (decision 0019).
   */
  private static SetIndexCache indexCache(DatabaseSettings settings) {
    Optional<Path> dir =
        settings
            .indexCache()
            .or(() -> h2FileDirectory(settings.url()).map(d -> d.resolve("index-cache")));
    if (dir.isEmpty()) {
      if (!settings.url().startsWith("jdbc:h2:mem:")) {
        System.getLogger(TiptraceBackend.class.getName())
            .log(
                System.Logger.Level.INFO,
                "no hash-set index cache configured: every start builds the hash-set indexes from"
                    + " the database; set {0} to a directory to start in seconds with large sets",
                DatabaseSettings.INDEX_CACHE_ENV);
      }
      return SetIndexCache.NONE;
    }
    try {
      return FileSetIndexCache.in(dir.get());
    } catch (java.io.UncheckedIOException e) {
      throw new BackendException("cannot open " + settings + ": " + e.getMessage(), e);
    }
  }

  /** The directory of a local H2 file database's files; empty for any other URL. */
  private static Optional<Path> h2FileDirectory(String url) {
    boolean remote = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
    if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || remote) {
      return Optional.empty();
    }
    String base = url.substring("jdbc:h2:".length());
    base = base.startsWith("file:") ? base.substring("file:".length()) : base;
    int semicolon = base.indexOf(';');
    String file = semicolon < 0 ? base : base.substring(0, semicolon);
    if (file.startsWith("~")) { // H2 expands a leading ~ to the user's home
      file = System.getProperty("user.home") + file.substring(1);
    }
    Path db = Path.of(file).toAbsolutePath();
    return Optional.of(db.getParent() == null ? Path.of(".") : db.getParent());
  }

  /**
   * Where the key of {@code settings} is: its key file; without one, {@code secret.key} beside an
   * H2 file database (generated when missing); empty (a key of this process) for an in-memory
   * database; an error for any other database, before anything is opened.
   */
  private static Optional<SecretKeyLocation> secretKeyLocation(DatabaseSettings settings) {
    if (settings.secretKey().isPresent()) {
      return settings.secretKey();
    }
    String url = settings.url();
    if (url.startsWith("jdbc:h2:mem:")) {
      return Optional.empty();
    }
    Optional<Path> h2 = h2FileDirectory(url);
    if (h2.isPresent()) {
      return Optional.of(SecretKeyLocation.inDataDir(h2.get()));
    }
    throw new BackendException(
        "no secret key for the TOTP secrets of "
            + settings
            + ": set "
            + SecretKeyLocation.ENV
            + " (or tiptrace.security.secret-key-file) to a key file, or give --data-dir");
  }

  /** The hash-set readers of every format; NSRL's (SQLite, JDBC) lives in the store. */
  static HashSetReaders hashSetReaders() {
    return HashSetReaders.standard().with(new NsrlSqliteReader());
  }

  /**
   * The default database: an embedded H2 file in {@code dataDir}, with the store's crash-safe
   * settings.
   */
  static String defaultUrl(Path dataDir) {
    return DatabaseConfig.h2File(dataDir).url();
  }

  /**
   * The default database with the store's user for it ({@link DatabaseConfig#h2File}): H2 makes the
   * first user to connect the owner of a new database, so a database created as another user (H2's
   * default is the empty name) could not be opened by the store's own tools for that folder.
   */
  static DatabaseSettings defaultSettings(Path dataDir) {
    DatabaseConfig config = DatabaseConfig.h2File(dataDir);
    return new DatabaseSettings(config.url(), config.user(), config.password());
  }

  /**
   * The same storage as {@code backend}, whose close runs {@code onClose} instead: for callers that
   * share one open backend between commands.
   */
  static TiptraceBackend closingWith(TiptraceBackend backend, Runnable onClose) {
    return of(
        backend.archive(),
        backend.tips(),
        backend.hotlineReports(),
        backend.auditLog(),
        backend.ipAssessments(),
        backend.ipData(),
        backend.accounts(),
        backend.hashSets(),
        backend.evidence(),
        backend.linkStore(),
        backend.triageStore(),
        backend.jobs(),
        backend.ruleSets(),
        backend.oidcLinks(),
        backend.loginFailures(),
        onClose);
  }

  /** A backend from its parts; {@code onClose} runs once. */
  static TiptraceBackend of(
      RawArchive archive,
      TipRepository tips,
      HotlineRepository hotline,
      AuditLog audit,
      AssessmentRepository ipAssessments,
      IpDataRepository ipData,
      AccountRepository accounts,
      HashSetRepository hashSets,
      EvidenceStore evidence,
      LinkStore linkStore,
      TriageStore triageStore,
      JobRepository jobs,
      RuleSetRepository ruleSets,
      OidcLinkRepository oidcLinks,
      LoginFailures loginFailures,
      Runnable onClose) {
    return new TiptraceBackend() {
      private final java.util.concurrent.atomic.AtomicBoolean closed =
          new java.util.concurrent.atomic.AtomicBoolean();

      @Override
      public RawArchive archive() {
        return archive;
      }

      @Override
      public TipRepository tips() {
        return tips;
      }

      @Override
      public HotlineRepository hotlineReports() {
        return hotline;
      }

      @Override
      public AuditLog auditLog() {
        return audit;
      }

      @Override
      public AssessmentRepository ipAssessments() {
        return ipAssessments;
      }

      @Override
      public IpDataRepository ipData() {
        return ipData;
      }

      @Override
      public AccountRepository accounts() {
        return accounts;
      }

      @Override
      public HashSetRepository hashSets() {
        return hashSets;
      }

      @Override
      public EvidenceStore evidence() {
        return evidence;
      }

      @Override
      public LinkStore linkStore() {
        return linkStore;
      }

      @Override
      public TriageStore triageStore() {
        return triageStore;
      }

      @Override
      public JobRepository jobs() {
        return jobs;
      }

      @Override
      public RuleSetRepository ruleSets() {
        return ruleSets;
      }

      @Override
      public OidcLinkRepository oidcLinks() {
        return oidcLinks;
      }

      @Override
      public LoginFailures loginFailures() {
        return loginFailures;
      }

      @Override
      public void close() {
        if (closed.compareAndSet(false, true)) {
          onClose.run();
        }
      }
    };
  }
}
