package org.tiptrace.app.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * The demo's two small synthetic hash sets, made of hashes of the generated tips' own files (so
 * some files match, the rest show as possible new material): every 7th tip's first file goes into a
 * known-abuse set, every 11th (from the 4th) into a known-good set. Hashes only; the generator has
 * no file contents.
 */
final class DemoHashSet {
  static final String ABUSE_SET = "Demo known hashes (synthetic)";
  static final String GOOD_SET = "Demo known-good (synthetic)";

  /** What was loaded and how the re-match went. */
  record Loaded(int abuseEntries, int goodEntries, TipMatching.Rematch rematch) {
    String describe() {
      return "Demo hash sets (synthetic, hashes only): "
          + abuseEntries
          + " known-abuse and "
          + goodEntries
          + " known-good hashes; "
          + rematch.tips()
          + " tips re-matched, "
          + rematch.changed()
          + " changed";
    }
  }

  private DemoHashSet() {}

  static Loaded load(TiptraceBackend backend, Clock clock) throws java.io.IOException {
    HashSetRepository sets = backend.hashSets();
    List<HashEntry> abuse = new ArrayList<>();
    List<HashEntry> good = new ArrayList<>();
    int i = 0;
    for (HashSetRepository.TipRef ref : sets.allTips()) {
      Optional<Tip> tip = backend.tips().find(ref.agency(), ref.tip());
      if (tip.isEmpty() || tip.get().report().files().isEmpty()) {
        continue;
      }
      ReportedFile file = tip.get().report().files().get(0);
      if (i % 7 == 0) {
        firstOf(file, HashAlgorithm.MD5)
            .ifPresent(
                d ->
                    abuse.add(
                        new HashEntry(
                            d,
                            Optional.of("1"),
                            Optional.of("Demo Series (synthetic)"),
                            TriState.UNKNOWN)));
      } else if (i % 11 == 3) {
        firstOf(file, HashAlgorithm.SHA256)
            .or(() -> firstOf(file, HashAlgorithm.MD5))
            .ifPresent(d -> good.add(HashEntry.bare(d)));
      }
      i++;
    }
    store(sets, ABUSE_SET, HashSetKind.KNOWN_ABUSE, "VICS 2.0 US", abuse, clock);
    store(sets, GOOD_SET, HashSetKind.KNOWN_GOOD, "none", good, clock);
    TipMatching.Rematch r =
        new TipMatching(sets, backend.tips(), clock)
            .rematchAll("demo hash sets loaded", TipMatching.Progress.NONE);
    return new Loaded(abuse.size(), good.size(), r);
  }

  private static Optional<Digest> firstOf(ReportedFile file, HashAlgorithm algorithm) {
    for (FileHash h : file.hashes()) {
      if (h.algorithm() == algorithm) {
        try {
          return Optional.of(
              Digest.parseHex(DigestAlgorithm.of(algorithm).orElseThrow(), h.value()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static void store(
      HashSetRepository sets,
      String name,
      HashSetKind kind,
      String scheme,
      List<HashEntry> entries,
      Clock clock)
      throws java.io.IOException {
    StringBuilder canonical = new StringBuilder();
    entries.forEach(e -> canonical.append(e.digest()).append('\n'));
    sets.importSet(
        new HashSetInfo(
            name,
            "demo",
            Optional.of("tiptrace demo generator"),
            Optional.of("synthetic, no restrictions"),
            scheme,
            kind,
            true),
        HashSetFormat.CSV,
        sha256(canonical.toString()),
        clock.instant(),
        sink -> {
          entries.forEach(sink::accept);
          return new ReadSummary(
              entries.size(), entries.size(), Optional.empty(), Optional.empty(), List.of());
        });
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
