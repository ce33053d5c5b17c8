package org.tiptrace.app.tips;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetRepository.StoredMatches;
import org.tiptrace.tip.ReportedFile;

/**
 * The stored hash matches of a tip, per reported file, for the tip page: the verdict in words and
 * each match's set, category and series. A file without a stored result is "not checked" (unknown,
 * never "no match").
 *
 * @param computedAt when matching ran, or empty when it never ran for this tip
 * @param sets the enabled sets matched against, as stored
 */
public record HashMatchRows(Optional<String> computedAt, String sets, List<FileRow> files) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public HashMatchRows {
    files = List.copyOf(files);
  }

  /** One file: its number and id, the verdict in words, and one line per match. */
  public record FileRow(String file, String verdict, List<String> matches) {
    public FileRow {
      matches = List.copyOf(matches);
    }
  }

  static HashMatchRows of(List<ReportedFile> reported, Optional<StoredMatches> stored) {
    Map<Integer, FileMatches> byIndex = new HashMap<>();
    stored.ifPresent(s -> s.matches().files().forEach(f -> byIndex.put(f.fileIndex(), f)));
    List<FileRow> rows = new ArrayList<>();
    for (int i = 0; i < reported.size(); i++) {
      String file = (i + 1) + reported.get(i).fileId().map(id -> " (" + id + ")").orElse("");
      FileMatches m = byIndex.get(i);
      rows.add(
          m == null
              ? new FileRow(file, words(FileVerdict.NOT_CHECKED), List.of())
              : new FileRow(
                  file,
                  words(m.verdict()),
                  m.matches().stream().map(HashMatchRows::line).toList()));
    }
    return new HashMatchRows(
        stored.map(s -> TIME.format(s.computedAt())),
        stored.map(s -> s.matches().sets()).orElse("never matched"),
        rows);
  }

  static String words(FileVerdict verdict) {
    return switch (verdict) {
      case MATCHED_KNOWN -> "known";
      case MATCHED_KNOWN_GOOD -> "known-good only";
      case UNMATCHED_POSSIBLE_NEW -> "possible new material";
      case NOT_CHECKED -> "not checked";
    };
  }

  private static String line(HashMatch m) {
    StringBuilder b = new StringBuilder();
    b.append("set ").append(m.setName()).append(' ').append(m.setVersion());
    b.append(" (").append(m.kind()).append(')');
    m.category().ifPresent(c -> b.append(", category ").append(c));
    m.series().ifPresent(s -> b.append(", series ").append(s));
    b.append(", ").append(m.method());
    m.distance().ifPresent(d -> b.append(" distance ").append(d));
    b.append(", ").append(m.digest());
    return b.toString();
  }
}
