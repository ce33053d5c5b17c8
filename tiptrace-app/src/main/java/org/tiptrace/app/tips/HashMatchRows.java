package org.tiptrace.app.tips;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.hash.content.ComputedDigest;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ComputedPdq;
import org.tiptrace.hash.content.PdqStatus;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetRepository.StoredMatches;
import org.tiptrace.hash.sets.HashSource;
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

  /**
   * One file: its number and id, the verdict in words, one line per match, and what Tiptrace
   * computed from the file's bytes (empty when it holds none).
   *
   * @param flag a warning about the computed hashes (a PDQ hash below the quality gate, not
   *     matched), empty when there is none
   */
  public record FileRow(
      String file,
      String verdict,
      List<String> matches,
      List<String> computed,
      Optional<String> flag) {
    public FileRow {
      matches = List.copyOf(matches);
      computed = List.copyOf(computed);
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
              ? new FileRow(
                  file, words(FileVerdict.NOT_CHECKED), List.of(), List.of(), Optional.empty())
              : new FileRow(
                  file,
                  words(m.verdict()),
                  m.matches().stream().map(HashMatchRows::line).toList(),
                  m.computed().map(HashMatchRows::computed).orElse(List.of()),
                  m.computed().flatMap(HashMatchRows::flag)));
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
    if (m.source() == HashSource.COMPUTED) {
      b.append(", hash computed by Tiptrace from the file bytes");
    } else {
      b.append(", hash reported");
    }
    m.variant().ifPresent(v -> b.append(", matched as ").append(words(v)));
    return b.toString();
  }

  /** The computed hashes, one line each: digests, then the PDQ outcome. */
  static List<String> computed(ComputedHashes c) {
    List<String> out = new ArrayList<>();
    out.add("bytes SHA-256 " + c.sha256().hex() + ", " + c.size() + " bytes");
    for (ComputedDigest d : c.digests()) {
      out.add(d.algorithm() + " " + d.value());
    }
    ComputedPdq p = c.pdq();
    out.add(
        switch (p.status()) {
          case HASHED -> "PDQ " + p.hash().orElseThrow() + ", quality " + p.quality().orElseThrow();
          case LOW_QUALITY ->
              "PDQ "
                  + p.hash().orElseThrow()
                  + ", quality "
                  + p.quality().orElseThrow()
                  + " (below 50: not matched)";
          case NOT_AN_IMAGE -> "PDQ: not an image (" + p.reason().orElse("") + ")";
          case CANNOT_DECODE, TOO_LARGE -> "PDQ: none (" + p.reason().orElse("") + ")";
        });
    return out;
  }

  static Optional<String> flag(ComputedHashes c) {
    return c.pdq().status() == PdqStatus.LOW_QUALITY
        ? Optional.of(
            "PDQ quality "
                + c.pdq().quality().orElseThrow()
                + " is below 50: the computed PDQ hash was not matched")
        : Optional.empty();
  }

  static String words(PdqDihedral v) {
    return switch (v) {
      case ORIGINAL -> "the image as stored";
      case ROTATE_90 -> "the image rotated 90°";
      case ROTATE_180 -> "the image rotated 180°";
      case ROTATE_270 -> "the image rotated 270°";
      case FLIP_X -> "the image mirrored left-right";
      case FLIP_Y -> "the image mirrored top-bottom";
      case FLIP_PLUS_1 -> "the image mirrored about its main diagonal";
      case FLIP_MINUS_1 -> "the image mirrored about its anti-diagonal";
    };
  }
}
