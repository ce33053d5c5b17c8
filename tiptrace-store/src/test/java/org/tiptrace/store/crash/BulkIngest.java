package org.tiptrace.store.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.store.Database;
import org.tiptrace.store.test.SyntheticTestReader;
import org.tiptrace.tip.AgencyId;

/**
 * The bulk ingest the crash test interrupts, shared by the child process and the test: the same
 * documents in the same order for the same size.
 *
 * <p>The documents are {@link SyntheticTestReader} documents (see there why not real ESP XML or LE
 * JSON yet): {@code reports} reports, and after every {@value #FILES_EVERY}th report a {@code
 * fileDetails} for it, so both {@code insertIfAbsent} and {@code attachFile} are interrupted.
 */
final class BulkIngest {
  static final AgencyId AGENCY = new AgencyId("icac-crash");
  static final int FILES_EVERY = 4;
  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

  private BulkIngest() {}

  static String reportId(int report) {
    return String.format(Locale.ROOT, "TT-CRASH-%05d", report);
  }

  static List<RawDocument> documents(int reports) {
    List<RawDocument> docs = new ArrayList<>();
    int seq = 0;
    for (int r = 0; r < reports; r++) {
      docs.add(
          new RawDocument(
              "crash/report-" + r + ".json",
              SyntheticTestReader.reportDocument(reportId(r), seq, (r * 37) % 4000),
              T0.plusSeconds(seq)));
      seq++;
      if (r % FILES_EVERY == FILES_EVERY - 1) {
        docs.add(
            new RawDocument(
                "crash/file-" + r + ".json",
                SyntheticTestReader.fileDetailsDocument(reportId(r), seq),
                T0.plusSeconds(seq)));
        seq++;
      }
    }
    return docs;
  }

  /** Files each report's tip ends up with: its own, plus one fileDetails for every fourth. */
  static int expectedFiles(int report) {
    return report % FILES_EVERY == FILES_EVERY - 1 ? 2 : 1;
  }

  static Intake intake(Database db) {
    SyntheticTestReader reader = new SyntheticTestReader();
    return new Intake(
        db.rawArchive(), db.tips(), new DocumentReaders(reader, reader), IntakeLimits.DEFAULT);
  }
}
