package org.tiptrace.hash.sets;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.hash.sets.csv.CsvHashReader;
import org.tiptrace.hash.sets.hashdeep.HashdeepReader;
import org.tiptrace.hash.sets.vics.VicsReader;

/** The reader of each format. NSRL needs JDBC, so tiptrace-store adds it with {@link #with}. */
public final class HashSetReaders {
  private final Map<HashSetFormat, HashSetReader> readers;

  private HashSetReaders(Map<HashSetFormat, HashSetReader> readers) {
    this.readers = readers;
  }

  /** VICS, hashdeep and CSV. */
  public static HashSetReaders standard() {
    Map<HashSetFormat, HashSetReader> m = new EnumMap<>(HashSetFormat.class);
    for (HashSetReader r :
        new HashSetReader[] {new VicsReader(), new HashdeepReader(), new CsvHashReader()}) {
      m.put(r.format(), r);
    }
    return new HashSetReaders(m);
  }

  /** A copy that also (or instead) reads {@code reader.format()} with {@code reader}. */
  public HashSetReaders with(HashSetReader reader) {
    Map<HashSetFormat, HashSetReader> m = new EnumMap<>(HashSetFormat.class);
    m.putAll(readers);
    m.put(reader.format(), reader);
    return new HashSetReaders(m);
  }

  public Optional<HashSetReader> reader(HashSetFormat format) {
    return Optional.ofNullable(readers.get(format));
  }
}
