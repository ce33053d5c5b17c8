package org.tiptrace.hash.sets;

/** Where the file hash that matched came from. */
public enum HashSource {
  /**
   * A hash in the report: computed by the platform (ESP, NCMEC), or by Tiptrace's hotline at upload
   * (the file hash's own {@code origin} says which).
   */
  REPORTED,
  /** Computed by Tiptrace from the file's bytes after intake ({@code hash.content}). */
  COMPUTED
}
