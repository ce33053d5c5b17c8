package org.tiptrace.intake.hotline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;

/**
 * A stand-in for the ESP XML reader, honouring its contract (pure, never throws for bad input,
 * STRICT only): it recognises the two roots by text, rejects any document containing an {@code
 * <invalid>} element with two located problems, and reads the few {@code fileDetails} fields the
 * hotline uses. Documents are assumed well-formed (the service checks that first).
 */
public final class FakeEspReader implements DocumentReader {
  private static final Pattern REPORT_ID = Pattern.compile("<reportId>([^<]*)</reportId>");
  private static final Pattern FILE_ID = Pattern.compile("<fileId>([^<]*)</fileId>");
  private static final Pattern FILE_NAME = Pattern.compile("<fileName>([^<]*)</fileName>");
  private static final Pattern VIEWED =
      Pattern.compile("<fileViewedByEsp>(true|false)</fileViewedByEsp>");
  private static final Pattern MD5 =
      Pattern.compile("<originalFileHash hashType=\"MD5\">([0-9a-fA-F]{32})</originalFileHash>");

  /** When set, every document is rejected: simulates a reader that changed after /submit. */
  public final AtomicBoolean rejectEverything = new AtomicBoolean();

  /** When set, every fileDetails document is rejected. */
  public final AtomicBoolean rejectFileDetails = new AtomicBoolean();

  @Override
  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    if (mode != ParseMode.STRICT) {
      return reject(sourceName, "", "the hotline reads strictly only");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (rejectEverything.get()) {
      return reject(sourceName, "/", "rejected by the changed reader");
    }
    if (text.contains("<invalid")) {
      int line = (int) text.substring(0, text.indexOf("<invalid")).lines().count();
      return new ParseResult.Rejected(
          List.of(
              Problem.error(sourceName, line, 3, "/report/invalid", "element not expected here"),
              Problem.error(sourceName, line, 3, "/report", "reporter is missing")));
    }
    if (text.contains("<report>") || text.contains("<report ")) {
      Report report =
          new Report(
              SourceFormat.ESP_XML_REPORT,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              new IncidentSummary(
                  Optional.of(IncidentType.CHILD_PORNOGRAPHY),
                  Optional.of("Example Photos"),
                  Optional.empty(),
                  Set.of(),
                  Optional.empty(),
                  Optional.empty()),
              List.of(),
              Optional.empty(),
              Optional.empty(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      return new ParseResult.ReportParsed(report, List.of());
    }
    if (text.contains("<fileDetails")) {
      if (rejectFileDetails.get()) {
        return reject(sourceName, "/fileDetails", "rejected by the changed reader");
      }
      Optional<String> reportId = group(REPORT_ID, text);
      Optional<String> fileId = group(FILE_ID, text);
      if (reportId.isEmpty() || fileId.isEmpty()) {
        return reject(sourceName, "/fileDetails", "reportId and fileId are required");
      }
      List<FileHash> hashes = new ArrayList<>();
      group(MD5, text)
          .ifPresent(
              h -> hashes.add(new FileHash(HashAlgorithm.MD5, "MD5", h, HashOrigin.ESP_ORIGINAL)));
      ReportedFile file =
          new ReportedFile(
              fileId,
              group(FILE_NAME, text),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              TriState.of(group(VIEWED, text).map(Boolean::parseBoolean)),
              TriState.UNKNOWN,
              TriState.UNKNOWN,
              Optional.empty(),
              Set.of(),
              Optional.empty(),
              hashes,
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of());
      return new ParseResult.FileDetailsParsed(reportId.get(), file, List.of());
    }
    return reject(sourceName, "/", "root element must be report or fileDetails");
  }

  private static Optional<String> group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static ParseResult reject(String source, String path, String reason) {
    return new ParseResult.Rejected(List.of(Problem.error(source, path, reason)));
  }
}
