package org.tiptrace.hash.sets;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one format, streaming: memory stays bounded by one record, whatever the file size. */
public interface HashSetReader {

  HashSetFormat format();

  /**
   * Pushes every entry of {@code file} to {@code sink}. On a malformed record it stops with the
   * problem; entries already pushed are the caller's to discard (the repository's import is one
   * transaction).
   *
   * @throws HashSetFormatException naming the file, line or JSON pointer, and the reason
   * @throws IOException when the file cannot be read
   */
  ReadSummary read(Path file, HashEntrySink sink, ReadProgress progress) throws IOException;
}
