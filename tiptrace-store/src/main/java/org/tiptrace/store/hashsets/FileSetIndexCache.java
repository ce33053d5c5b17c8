package org.tiptrace.store.hashsets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrace.hash.exact.DigestIndex;
import org.tiptrace.hash.pdq.PdqIndex;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.SetIndex;
import org.tiptrace.hash.sets.SetIndexCache;
import org.tiptrace.hash.sets.StoredHashSet;

/**
 * {@link SetIndexCache} as files in one directory, two per set: {@code set-<id>.idx} (the exact
 * indexes) and, when the set holds PDQ hashes, {@code set-<id>.pdq} ({@link PdqIndex#save}'s
 * snapshot, with its own checksum). Decision 0019.
 *
 * <p>{@code .idx} layout, big-endian ({@link DataOutputStream}): magic {@code TTSETIDX}, version
 * (int, 1), set id (long), entry count (long), content fingerprint (modified UTF-8), number of
 * exact indexes (int), per index the algorithm's name (UTF) and {@link DigestIndex#writeTo}, the
 * PDQ row count (long), then a CRC-32C (long) of everything before it.
 *
 * <p>Reading checks, in order: magic and version; set id, entry count and fingerprint against the
 * set's row (a stale file is deleted unread); each length as it is read; the checksum; that nothing
 * follows; the PDQ snapshot's own checks and row count. Any failure logs a warning that names the
 * file and the reason, deletes the set's files and answers "not cached", so the caller reads the
 * set from the database and writes the files again. Files are written to a temporary name and
 * renamed, so a reader never sees half a file; the PDQ file is written first, so a {@code .idx}
 * never names a PDQ file older than itself with the same row count unnoticed (the counts and its
 * checksum must agree).
 */
public final class FileSetIndexCache implements SetIndexCache {
  private static final Logger LOG = LoggerFactory.getLogger(FileSetIndexCache.class);
  private static final byte[] MAGIC = "TTSETIDX".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final Pattern FILE = Pattern.compile("set-(\\d+)\\.(idx|pdq)");

  private final Path dir;

  private FileSetIndexCache(Path dir) {
    this.dir = dir;
  }

  /**
   * A cache in {@code dir}, created when missing.
   *
   * @throws UncheckedIOException when the directory cannot be created
   */
  public static FileSetIndexCache in(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the hash-set index cache " + dir, e);
    }
    return new FileSetIndexCache(dir);
  }

  /** The directory the files are in. */
  public Path directory() {
    return dir;
  }

  Path indexFile(long setId) {
    return dir.resolve("set-" + setId + ".idx");
  }

  Path pdqFile(long setId) {
    return dir.resolve("set-" + setId + ".pdq");
  }

  @Override
  public Optional<SetIndex> read(StoredHashSet set) {
    Path file = indexFile(set.id());
    if (set.contentFingerprint().isEmpty() || !Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Optional<SetIndex> index = readChecked(file, set);
      if (index.isPresent()) {
        LOG.info(
            "hash set {} (id {}): index read from {} ({} entries)",
            set.label(),
            set.id(),
            file,
            set.entryCount());
      }
      return index;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "hash set {} (id {}): index cache file {} is unusable ({}); reading the set from the"
              + " database",
          set.label(),
          set.id(),
          file,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      discard(set.id());
      return Optional.empty();
    }
  }

  private Optional<SetIndex> readChecked(Path file, StoredHashSet set) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      CRC32C crc = new CRC32C();
      DataInputStream in =
          new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("not an index cache file (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("unsupported version " + version + " (reads " + VERSION + ")");
      }
      long setId = in.readLong();
      long entries = in.readLong();
      String fingerprint = in.readUTF();
      String recorded = set.contentFingerprint().orElseThrow();
      if (setId != set.id() || entries != set.entryCount() || !fingerprint.equals(recorded)) {
        LOG.warn(
            "hash set {} (id {}): index cache file {} is stale (set {}, {} entries, {}; the"
                + " database records {} entries, {}); reading the set from the database",
            set.label(),
            set.id(),
            file,
            setId,
            entries,
            fingerprint,
            set.entryCount(),
            recorded);
        discard(set.id());
        return Optional.empty();
      }
      int count = in.readInt();
      if (count < 0 || count > DigestAlgorithm.values().length) {
        throw new IOException("bad number of exact indexes " + count);
      }
      Map<DigestAlgorithm, DigestIndex> exact = new EnumMap<>(DigestAlgorithm.class);
      for (int k = 0; k < count; k++) {
        String name = in.readUTF();
        DigestAlgorithm a;
        try {
          a = DigestAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
          throw new IOException("unknown algorithm " + name, e);
        }
        DigestIndex index = DigestIndex.readFrom(in);
        if (!a.exact() || index.digestLength() != a.byteLength() || exact.put(a, index) != null) {
          throw new IOException("bad exact index for " + a);
        }
      }
      long pdqRows = in.readLong();
      long expected = crc.getValue();
      long stored = in.readLong();
      if (stored != expected) {
        throw new IOException("checksum mismatch");
      }
      if (in.read() != -1) {
        throw new IOException("bytes after the checksum");
      }
      PdqIndex pdq = pdqRows == 0 ? new PdqIndex() : PdqIndex.load(pdqFile(set.id()));
      if (pdq.size() != pdqRows) {
        throw new IOException(
            "PDQ snapshot holds " + pdq.size() + " rows, the index file says " + pdqRows);
      }
      SetIndex index = new SetIndex(setId, entries, fingerprint, exact, pdq);
      if (!index.isOf(set)) {
        throw new IOException("index does not match its header");
      }
      return Optional.of(index);
    } catch (EOFException | NoSuchFileException e) {
      throw new IOException("truncated or missing part: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(StoredHashSet set, SetIndex index) {
    if (index.setId() != set.id() || !index.isOf(set)) {
      throw new IllegalArgumentException(
          "index of set " + index.setId() + " is not the recorded import of set " + set.id());
    }
    Path file = indexFile(set.id());
    Path tmp = null;
    try {
      if (index.pdq().size() > 0) {
        index.pdq().save(pdqFile(set.id()));
      } else {
        Files.deleteIfExists(pdqFile(set.id()));
      }
      tmp = Files.createTempFile(dir, "set-" + set.id() + "-", ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        CRC32C crc = new CRC32C();
        DataOutputStream out =
            new DataOutputStream(
                new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(index.setId());
        out.writeLong(index.entryCount());
        out.writeUTF(index.fingerprint());
        out.writeInt(index.exact().size());
        for (Map.Entry<DigestAlgorithm, DigestIndex> e : index.exact().entrySet()) {
          out.writeUTF(e.getKey().name());
          e.getValue().writeTo(out);
        }
        out.writeLong(index.pdq().size());
        out.flush();
        out.writeLong(crc.getValue());
        out.flush();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.info(
          "hash set {} (id {}): index written to {} ({} bytes)",
          set.label(),
          set.id(),
          file,
          Files.size(file));
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "hash set {} (id {}): cannot write the index cache file {} ({}); the next start reads the"
              + " set from the database again",
          set.label(),
          set.id(),
          file,
          e.getMessage());
      discard(set.id());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("cannot delete {}: {}", tmp, e.getMessage());
        }
      }
    }
  }

  @Override
  public void retainOnly(Collection<Long> setIds) {
    Set<Long> keep = new HashSet<>(setIds);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "set-*")) {
      for (Path f : files) {
        Matcher m = FILE.matcher(f.getFileName().toString());
        if (m.matches() && !keep.contains(Long.parseLong(m.group(1)))) {
          Files.deleteIfExists(f);
          LOG.info("index cache file {} removed: its set is gone", f);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot clean the index cache {}: {}", dir, e.getMessage());
    }
  }

  private void discard(long setId) {
    for (Path f : new Path[] {indexFile(setId), pdqFile(setId)}) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        LOG.warn("cannot delete index cache file {}: {}", f, e.getMessage());
      }
    }
  }
}
