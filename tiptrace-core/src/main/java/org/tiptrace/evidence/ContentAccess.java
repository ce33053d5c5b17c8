package org.tiptrace.evidence;

import java.util.List;
import org.tiptrace.tip.FileMetadata;

/** The answer to a request for a file's bytes or EXIF: always with the gate's decision. */
public sealed interface ContentAccess {
  GateDecision decision();

  /** The gate allowed it and Tiptrace holds the bytes. */
  record Bytes(GateDecision decision, FileContent content, byte[] bytes) implements ContentAccess {}

  /** The gate allowed it; these are the file's EXIF and metadata blocks (possibly none). */
  record Exif(GateDecision decision, List<FileMetadata> metadata) implements ContentAccess {
    public Exif {
      metadata = List.copyOf(metadata);
    }
  }

  /** The gate allowed it, but Tiptrace holds no bytes for the file. */
  record NoContent(GateDecision decision) implements ContentAccess {}

  /** The gate blocked it: nothing is read. */
  record Blocked(GateDecision decision) implements ContentAccess {}
}
