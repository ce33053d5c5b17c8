package org.tiptrace.evidence;

/**
 * A request about evidence that cannot be carried out (bytes that do not match the reported hashes,
 * a warrant naming files the tip does not have); the message says which and why.
 */
public final class EvidenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }
}
