package org.tiptrace.evidence;

/** How Tiptrace came to hold a file's bytes. */
public enum ContentSource {
  /** {@code tiptrace evidence attach}: bytes checked against the reported hashes. */
  ATTACHED,
  /** Uploaded to Tiptrace's hotline API ({@code /ispws/upload}); Tiptrace hashed them itself. */
  HOTLINE_UPLOAD
}
