package org.tiptrace.evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ContentHasher;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.tip.Tip;

/**
 * Computes and stores the hashes of the bytes Tiptrace holds for a tip's files (an attachment, a
 * hotline upload), so that matching can use them beside the reported hashes.
 *
 * <p>Computing a hash is not viewing: the bytes are read from the archive, hashed and dropped; no
 * byte or pixel leaves this class, only {@link ComputedHashes}. So the viewing gate does not decide
 * here. Callers record one audit entry per file hashed (the app's hash step and {@code evidence
 * attach}).
 */
public final class FileHashing {
  private final RawArchive archive;
  private final FileContentRepository contents;
  private final HashSetRepository store;
  private final ContentHasher hasher;
  private final Clock clock;

  public FileHashing(
      RawArchive archive,
      FileContentRepository contents,
      HashSetRepository store,
      ContentHasher hasher,
      Clock clock) {
    this.archive = Objects.requireNonNull(archive, "archive");
    this.contents = Objects.requireNonNull(contents, "contents");
    this.store = Objects.requireNonNull(store, "store");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One file whose bytes were hashed and stored. */
  public record Computed(TipFile file, ComputedHashes hashes) {}

  /**
   * Hashes every file of the tip whose bytes Tiptrace holds and that has no hashes computed from
   * those same bytes yet, and stores them.
   *
   * @return the files hashed now (none when nothing was missing)
   */
  public List<Computed> computeMissing(Tip tip) {
    Map<Integer, ComputedHashes> before = store.findComputed(tip.agency(), tip.id());
    List<Computed> out = new ArrayList<>();
    for (TipFile file : TipFiles.of(tip)) {
      Optional<FileContent> content = ContentLocator.locate(archive, contents, tip, file);
      if (content.isEmpty()) {
        continue;
      }
      ComputedHashes stored = before.get(file.index());
      if (stored != null && stored.sha256().equals(content.get().sha256())) {
        continue;
      }
      Optional<byte[]> bytes = archive.bytes(tip.agency(), content.get().sha256());
      if (bytes.isEmpty()) {
        continue;
      }
      ComputedHashes hashes = hasher.compute(bytes.get(), file.file());
      if (store.replaceComputed(tip.agency(), tip.id(), file.index(), hashes, clock.instant())) {
        out.add(new Computed(file, hashes));
      }
    }
    return out;
  }
}
