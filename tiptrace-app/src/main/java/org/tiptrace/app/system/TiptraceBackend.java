package org.tiptrace.app.system;

import org.tiptrace.intake.RawArchive;
import org.tiptrace.tip.TipRepository;

/**
 * The storage the application works on: the raw archive and the tip repository, both from core's
 * interfaces. The CLI and the web app get theirs from {@link #open(DatabaseSettings)}, tests from
 * an in-memory implementation.
 */
public interface TiptraceBackend extends AutoCloseable {

  RawArchive archive();

  TipRepository tips();

  /** Releases the connection pool; idempotent. */
  @Override
  void close();

  /**
   * Opens the storage at {@code settings}: the single place that knows the store module.
   *
   * <p>PLUG-IN POINT for {@code tiptrace-store}. Until its {@code Database} class is merged this
   * build has no storage and says so. After the merge the body becomes:
   *
   * <pre>{@code
   * Database db = Database.open(settings.url(), settings.user(), settings.password());
   * return TiptraceBackend.of(db.rawArchive(), db.tipRepository(), db::close);
   * }</pre>
   *
   * (adapted to the store's actual factory and accessor names).
   *
   * @throws BackendException when the database cannot be opened
   */
  static TiptraceBackend open(DatabaseSettings settings) {
    throw new BackendException(
        "cannot open "
            + settings.url()
            + ": this build has no storage module yet (tiptrace-store's Database is not merged)");
  }

  /** A backend from its parts; {@code onClose} runs once. */
  static TiptraceBackend of(RawArchive archive, TipRepository tips, Runnable onClose) {
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
      public void close() {
        if (closed.compareAndSet(false, true)) {
          onClose.run();
        }
      }
    };
  }
}
