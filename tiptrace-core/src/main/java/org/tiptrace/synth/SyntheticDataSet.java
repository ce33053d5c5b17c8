package org.tiptrace.synth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tiptrace.intake.RawDocument;
import org.tiptrace.intake.lejson.LeJsonWriter;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.SourceFormat;

/**
 * Synthetic documents as they would arrive: serialised reports with file names, ready for intake.
 * Built on {@link SyntheticTips}; the same seed and {@code until} give the same bytes.
 */
public final class SyntheticDataSet {
  /** The fixed end of the default time window, so that default data sets never change. */
  public static final Instant DEFAULT_UNTIL = Instant.parse("2026-06-01T00:00:00Z");

  private SyntheticDataSet() {}

  /** {@code count} documents whose incidents fall in the 400 days before {@link #DEFAULT_UNTIL}. */
  public static List<RawDocument> documents(long seed, int count) {
    return documents(seed, count, DEFAULT_UNTIL);
  }

  /**
   * {@code count} documents whose incidents fall in the 400 days before {@code until}; each is
   * stamped as received at {@code until}.
   */
  public static List<RawDocument> documents(long seed, int count, Instant until) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    SyntheticTips tips = new SyntheticTips(seed, until);
    List<RawDocument> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Report report = tips.next(SourceFormat.LE_JSON);
      String name =
          String.format(
              Locale.ROOT,
              "cybertip-%s.json",
              report.cybertipReportId().orElse(Integer.toString(i)));
      out.add(new RawDocument(name, LeJsonWriter.writeBytes(report), until));
    }
    return out;
  }
}
