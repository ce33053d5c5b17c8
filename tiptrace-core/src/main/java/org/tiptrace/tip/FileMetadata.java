package org.tiptrace.tip;

import java.util.List;
import java.util.Optional;

/**
 * One {@code fileDetails/details} block (or the LE JSON {@code espMetadata}). EXIF values here are
 * behind the viewing gate's EXIF rule: the model holds them, only the gate shows them.
 */
public record FileMetadata(Optional<MetadataType> type, List<NameValue> pairs) {
  public FileMetadata {
    pairs = List.copyOf(pairs);
  }
}
