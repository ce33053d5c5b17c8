package org.tiptrace.hash.pdq;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Matches a needles list against a haystack list, the core of the CLI's {@code match} command.
 *
 * <p>Files hold one entry a line, UTF-8, referred to by 1-based line number. A haystack line is one
 * 64-hex hash. A needle line is one hash, or the eight dihedral hashes of one image separated by
 * commas or spaces, in {@link PdqDihedral} order ({@code original} first), as {@link #dihedralLine}
 * writes them.
 *
 * <p>Dihedral matching (reference §1.8) queries with all eight variants of a needle and reports a
 * haystack line once, at the smallest distance over the variants. The variants come from the needle
 * image's DCT, not from its hash: a hash alone cannot be rotated exactly (re-thresholding needs the
 * DCT values), so asking for dihedral matching on a one-hash needle line is an error, not a silent
 * fallback. Hash needles from images with {@link #needlesFromImages}.
 *
 * <p>Output order: needle line, then distance, then haystack line.
 */
public final class PdqMatcher {

  /** Which variants of each needle are queried. */
  public enum Variants {
    /** The needle's own hash (the first on its line). */
    ORIGINAL,
    /** All eight dihedral hashes; every needle line must carry eight. */
    DIHEDRAL
  }

  private static final Comparator<PdqLineMatch> ORDER =
      Comparator.comparingInt(PdqLineMatch::needleLine)
          .thenComparingInt(PdqLineMatch::distance)
          .thenComparingInt(PdqLineMatch::haystackLine);

  private PdqMatcher() {}

  /**
   * Every (needle line, haystack line) pair within {@code radius} (0–256, inclusive).
   *
   * @throws IOException naming file and line for unreadable or malformed input, or for a needle
   *     line without eight hashes when {@code variants} is {@link Variants#DIHEDRAL}
   */
  public static List<PdqLineMatch> matchFiles(
      Path haystack, Path needles, int radius, Variants variants) throws IOException {
    List<PdqHash> hay = readHashes(haystack);
    List<List<PdqHash>> probes = readNeedles(needles);
    if (variants == Variants.DIHEDRAL) {
      for (int i = 0; i < probes.size(); i++) {
        if (probes.get(i).size() != 8) {
          throw new IOException(
              needles
                  + ":"
                  + (i + 1)
                  + ": dihedral matching needs the 8 variant hashes of the needle image on each"
                  + " line (a single hash cannot be rotated exactly; see PdqMatcher)");
        }
      }
    } else {
      List<List<PdqHash>> first = new ArrayList<>(probes.size());
      for (List<PdqHash> p : probes) {
        first.add(List.of(p.get(0)));
      }
      probes = first;
    }
    return match(hay, probes, radius);
  }

  /**
   * Core matcher on values: {@code needleProbes.get(i)} are the hashes of needle line {@code i+1}
   * (one, or the eight dihedral variants); a haystack line is reported once per needle at its
   * smallest distance.
   */
  public static List<PdqLineMatch> match(
      List<PdqHash> haystack, List<? extends List<PdqHash>> needleProbes, int radius) {
    long[] ids = new long[haystack.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i + 1;
    }
    PdqIndex index = PdqIndex.build(ids, haystack);
    List<PdqLineMatch> out = new ArrayList<>();
    for (int n = 0; n < needleProbes.size(); n++) {
      List<PdqHash> probes = needleProbes.get(n);
      List<PdqMatch> found =
          probes.size() == 1 ? index.query(probes.get(0), radius) : index.queryAny(probes, radius);
      for (PdqMatch m : found) {
        out.add(new PdqLineMatch(n + 1, (int) m.id(), m.distance()));
      }
    }
    out.sort(ORDER);
    return Collections.unmodifiableList(out);
  }

  /** Hashes images into needle probes: one hash each, or the eight dihedral variants. */
  public static List<List<PdqHash>> needlesFromImages(
      List<Path> images, PdqHasher hasher, Variants variants) throws IOException {
    List<List<PdqHash>> out = new ArrayList<>(images.size());
    for (Path image : images) {
      if (variants == Variants.DIHEDRAL) {
        out.add(hasher.hashDihedral(image).hashes());
      } else {
        out.add(List.of(hasher.hash(image).hash()));
      }
    }
    return out;
  }

  /** A needle line for the eight dihedral hashes of one image, comma-separated. */
  public static String dihedralLine(PdqDihedralResult result) {
    StringBuilder sb = new StringBuilder();
    for (PdqHash h : result.hashes()) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(h.toHex());
    }
    return sb.toString();
  }

  /**
   * Reads one hash per line (UTF-8). Blank lines are errors, because output refers to line numbers.
   *
   * @throws IOException naming file and 1-based line for a malformed hash
   */
  public static List<PdqHash> readHashes(Path file) throws IOException {
    List<PdqHash> out = new ArrayList<>();
    for (List<PdqHash> line : readNeedles(file)) {
      if (line.size() != 1) {
        throw new IOException(file + ":" + (out.size() + 1) + ": expected one hash on the line");
      }
      out.add(line.get(0));
    }
    return out;
  }

  /** Reads needle lines: one hash, or several separated by commas or whitespace. */
  public static List<List<PdqHash>> readNeedles(Path file) throws IOException {
    List<List<PdqHash>> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          throw new IOException(file + ":" + n + ": blank line (expected a 64-hex PDQ hash)");
        }
        List<PdqHash> hashes = new ArrayList<>(1);
        for (String part : trimmed.split("[,\\s]+")) {
          try {
            hashes.add(PdqHash.parseHex(part));
          } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
          }
        }
        out.add(List.copyOf(hashes));
      }
    }
    return out;
  }
}
