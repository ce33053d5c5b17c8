package org.tiptrace.store.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.Intake;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.intake.espxml.EspXmlWriter;
import org.tiptrace.intake.lejson.LeJsonWriter;
import org.tiptrace.store.Database;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.SourceFormat;

/**
 * The bulk ingest the crash test interrupts, shared by the child process and the test: the same
 * documents in the same order for the same size.
 *
 * <p>Real documents through the real readers: {@code reports} generated LE JSON downloads (seeded
 * {@link SyntheticTips}), and after every {@value #FILES_EVERY}th report an ESP XML {@code
 * fileDetails} for it, so both {@code insertIfAbsent} and {@code attachFile} are interrupted.
 */
final class BulkIngest {
  static final AgencyId AGENCY = new AgencyId("icac-crash");
  static final int FILES_EVERY = 4;
  private static final long SEED = 20_260_201L;
  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

  /** The documents, and per report its number and the files its tip must end up with. */
  record Plan(
      List<RawDocument> documents,
      List<String> reportIds,
      List<Integer> expectedFiles,
      long expectedHashes) {}

  private BulkIngest() {}

  static Plan plan(int reports) {
    SyntheticTips generator = new SyntheticTips(SEED, T0);
    List<RawDocument> docs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Integer> files = new ArrayList<>();
    int seq = 0;
    long hashes = 0;
    for (int r = 0; r < reports; r++) {
      Report report = generator.next(SourceFormat.LE_JSON);
      String reportId = report.cybertipReportId().orElseThrow();
      ids.add(reportId);
      docs.add(
          new RawDocument(
              "crash/cybertip-" + reportId + ".json",
              LeJsonWriter.writeBytes(report),
              T0.plusSeconds(seq++)));
      int expected = report.files().size();
      hashes += report.files().stream().mapToLong(f -> f.hashes().size()).sum();
      if (r % FILES_EVERY == FILES_EVERY - 1) {
        ReportedFile extra = generator.next(SourceFormat.ESP_XML_REPORT).files().get(0);
        docs.add(
            new RawDocument(
                "crash/fileDetails-" + reportId + ".xml",
                EspXmlWriter.fileDetails(reportId, extra),
                T0.plusSeconds(seq++)));
        expected++;
        hashes += extra.hashes().size();
      }
      files.add(expected);
    }
    return new Plan(List.copyOf(docs), List.copyOf(ids), List.copyOf(files), hashes);
  }

  static List<RawDocument> documents(int reports) {
    return plan(reports).documents();
  }

  static Intake intake(Database db) {
    return new Intake(db.rawArchive(), db.tips(), DocumentReaders.standard(), IntakeLimits.DEFAULT);
  }
}
