package org.tiptrace.ip;

/** How far an attribution can be trusted. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
