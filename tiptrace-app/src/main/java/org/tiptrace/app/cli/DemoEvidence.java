package org.tiptrace.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileContent;
import org.tiptrace.evidence.TipFile;
import org.tiptrace.evidence.TipFiles;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.intake.lejson.LeJsonWriter;
import org.tiptrace.synth.SyntheticTips;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;

/**
 * The demo's evidence: a few benign photos (bundled from shared/testdata/pdq, BSD licence) stand in
 * for the bytes of a few synthetic files. The demo documents are {@link
 * org.tiptrace.synth.SyntheticDataSet}'s, except that the chosen files report the photo's real MD5
 * (LE JSON's {@code verificationHash}), so {@code evidence attach}'s check passes; the generator's
 * seeded output is not changed. {@link #VIEWABLE} files the ESP viewed (the gate allows them) and
 * {@link #BLOCKED} files it did not or did not say (blocked until a warrant) are chosen.
 */
final class DemoEvidence {
  static final String[] PHOTOS = {"small.jpg", "wee.jpg", "square-128x128.jpg", "shrink-a-lot.jpg"};
  static final int VIEWABLE = 3;
  static final int BLOCKED = 2;

  /** One photo to attach: the first file of report {@code reportId}. */
  record Planned(String reportId, String photo, boolean viewable) {}

  /** The documents to ingest and the photos to attach once they are tips. */
  record Plan(List<RawDocument> documents, List<Planned> photos) {}

  /** One attached photo, for the demo's printout. */
  record Attached(Tip tip, TipFile file, String photo, boolean viewable, FileContent content) {}

  private DemoEvidence() {}

  /** {@code SyntheticDataSet.documents(seed, count, until)} with photo hashes on chosen files. */
  static Plan plan(long seed, int count, Instant until) {
    SyntheticTips tips = new SyntheticTips(seed, until);
    List<RawDocument> documents = new ArrayList<>(count);
    List<Planned> photos = new ArrayList<>();
    int viewable = 0;
    int blocked = 0;
    for (int i = 0; i < count; i++) {
      Report report = tips.next(SourceFormat.LE_JSON);
      if (!report.files().isEmpty() && report.cybertipReportId().isPresent()) {
        boolean viewed = report.files().get(0).fileViewedByEsp().isTrue();
        if (viewed ? viewable < VIEWABLE : blocked < BLOCKED) {
          String photo = PHOTOS[photos.size() % PHOTOS.length];
          report = withPhotoHashes(report, photo(photo));
          photos.add(new Planned(report.cybertipReportId().get(), photo, viewed));
          if (viewed) {
            viewable++;
          } else {
            blocked++;
          }
        }
      }
      String name =
          String.format(
              Locale.ROOT,
              "cybertip-%s.json",
              report.cybertipReportId().orElse(Integer.toString(i)));
      documents.add(new RawDocument(name, LeJsonWriter.writeBytes(report), until));
    }
    return new Plan(List.copyOf(documents), List.copyOf(photos));
  }

  /** Attaches each planned photo to its tip's first file, through the checked path. */
  static List<Attached> attach(
      TiptraceBackend backend, AgencyId agency, List<Planned> photos, Clock clock) {
    EvidenceFiles evidence =
        new EvidenceFiles(
            backend.archive(),
            backend.evidence().contents(),
            backend.evidence().warrants(),
            ActiveRules.seeded(backend.ruleSets(), clock)::gate,
            clock);
    List<Attached> out = new ArrayList<>();
    for (Planned p : photos) {
      Tip tip = backend.tips().findByCybertipReportId(agency, p.reportId()).orElseThrow();
      TipFile file = TipFiles.of(tip).get(0);
      FileContent content =
          evidence.attach(tip, file.ref(), photo(p.photo()), "demo-photos/" + p.photo(), "demo");
      out.add(new Attached(tip, file, p.photo(), p.viewable(), content));
    }
    return List.copyOf(out);
  }

  static byte[] photo(String name) {
    try (InputStream in = DemoEvidence.class.getResourceAsStream("demo-photos/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource demo-photos/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo-photos/" + name, e);
    }
  }

  /** The report with its first file's MD5 values replaced by the photo's (LE JSON has only MD5). */
  private static Report withPhotoHashes(Report report, byte[] photo) {
    String md5 = md5(photo);
    ReportedFile f = report.files().get(0);
    List<FileHash> hashes =
        f.hashes().stream()
            .map(
                h ->
                    h.algorithm() == HashAlgorithm.MD5
                        ? new FileHash(h.algorithm(), h.label(), md5, h.origin())
                        : h)
            .toList();
    ReportedFile changed =
        new ReportedFile(
            f.fileId(),
            f.fileName(),
            f.originalFileName(),
            f.uploadedToEspTimestamp(),
            f.locationOfFile(),
            f.fileViewedByEsp(),
            f.exifViewedByEsp(),
            f.publiclyAvailable(),
            f.relevance(),
            f.annotations(),
            f.industryClassification(),
            hashes,
            f.ipCaptureEvents(),
            f.deviceIds(),
            f.details(),
            f.additionalInfo(),
            f.ncmecTags());
    List<ReportedFile> files = new ArrayList<>(report.files());
    files.set(0, changed);
    return new Report(
        report.format(),
        report.cybertipReportId(),
        report.dateReceived(),
        report.batchedReport(),
        report.incidentSummary(),
        report.internetDetails(),
        report.lawEnforcement(),
        report.reporter(),
        report.reportedUsers(),
        report.intendedRecipients(),
        report.victims(),
        files,
        report.additionalInfo(),
        report.unknownElements());
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
