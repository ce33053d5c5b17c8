package org.tiptrace.legal;

/**
 * How a jurisdiction's entry treats files. Only the strict rule (Wilson/Maher) is implemented; a
 * relaxed policy for circuits that accept a hash match (Reddick/Miller) would need hash-match input
 * the gate does not have yet, so the rule file cannot ask for one.
 */
public enum GatePolicy {
  /** Only the ESP viewing this exact file, its being public, or a warrant opens it. */
  STRICT
}
