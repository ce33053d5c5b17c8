package org.tiptrace.evidence;

/** The gate's answer for one file and scope. */
public enum GateVerdict {
  ALLOWED,
  BLOCKED
}
