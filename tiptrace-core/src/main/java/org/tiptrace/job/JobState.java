package org.tiptrace.job;

/** Where a job stands. Only QUEUED and RUNNING are unfinished. */
public enum JobState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  /** It was queued or running when the process stopped; its work may be partly done. */
  INTERRUPTED;

  /** True once nothing will change the job any more. */
  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
