package org.tiptrace.store.crash;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeResult;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.store.Database;
import org.tiptrace.store.DatabaseConfig;

/**
 * The process {@link CrashIngestTest} kills: ingests {@link BulkIngest#documents} one by one and
 * prints {@code done <index> <outcome>} after each document's ingest has returned, so the parent
 * knows which documents were acknowledged when it killed the process.
 *
 * <p>Arguments: JDBC URL, user ({@code -} for none), number of reports. The password, if any, comes
 * in the environment variable {@value #PASSWORD_ENV}, never on the command line.
 */
public final class CrashIngestChild {
  static final String PASSWORD_ENV = "TIPTRACE_CRASH_CHILD_PASSWORD";

  private CrashIngestChild() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: CrashIngestChild <jdbc-url> <user|-> <reports>");
    }
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    String user = "-".equals(args[1]) ? null : args[1];
    DatabaseConfig config = DatabaseConfig.of(args[0], user, System.getenv(PASSWORD_ENV));
    List<RawDocument> docs = BulkIngest.documents(Integer.parseInt(args[2]));
    try (Database db = Database.open(config)) {
      Intake intake = BulkIngest.intake(db);
      out.println("ready " + docs.size());
      for (int i = 0; i < docs.size(); i++) {
        IntakeResult r = intake.ingest(BulkIngest.AGENCY, docs.get(i), ParseMode.TOLERANT);
        out.println("done " + i + " " + r.outcome());
      }
      out.println("finished");
    }
  }
}
