package org.tiptrace.legal;

/**
 * What a gate rule opens: the file's content (bytes, thumbnails, previews) or its EXIF/metadata.
 */
public enum GateScope {
  CONTENT,
  EXIF
}
