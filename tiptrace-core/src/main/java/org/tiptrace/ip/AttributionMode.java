package org.tiptrace.ip;

/** Whether documentation and benchmarking ranges count as real addresses. */
public enum AttributionMode {
  /**
   * Real cases: documentation and benchmarking ranges are {@link AttributionStatus#NON_ROUTABLE}.
   */
  PRODUCTION,
  /** Tests and demos: synthetic tips use documentation ranges, which are then allowed. */
  SYNTHETIC_DATA
}
