package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.TipId;

/**
 * Storage of hotline reports, their uploaded files and fileinfo documents; implemented by {@code
 * tiptrace-store}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Every method is atomic and durable when it returns.
 *   <li>Lookups by report id are scoped by platform (user name and agency): another platform's
 *       report is indistinguishable from a missing one.
 *   <li>State changes ({@link #transition}, {@link #finished}) are a compare-and-set against the
 *       {@code expected} report's id, state and version: they return false, and change nothing,
 *       when the stored report has moved on.
 *   <li>Additions ({@link #addFile}, {@link #putFileInfo}) commute with each other, so they are
 *       guarded by the stored state being OPEN only; the store serialises them per report (a row
 *       lock), which makes the file limit exact and the upload order total.
 *   <li>Every successful change bumps the stored version by one.
 * </ul>
 */
public interface HotlineRepository {

  /** Opens a report: a new id from the store's sequence, state OPEN, version 0. */
  HotlineReport open(Platform platform, byte[] reportXml, Instant openedAt);

  Optional<HotlineReport> find(Platform platform, long reportId);

  /** The submitted {@code report} XML, byte for byte. */
  byte[] reportXml(HotlineReport report);

  /** The report's files in upload order. */
  List<HotlineFile> files(HotlineReport report);

  /** The latest fileinfo per file (in upload order of the files). */
  List<FileInfoDocument> fileInfos(HotlineReport report);

  /** What {@link #addFile} did. */
  enum AddFileResult {
    ADDED,
    /** The report is no longer OPEN; nothing was added. */
    NOT_OPEN,
    /** The report already holds the most files allowed; nothing was added. */
    FULL
  }

  /**
   * Adds a file to a report that is still OPEN and holds fewer than {@code maxFiles} files; its
   * last change becomes {@code file.uploadedAt()} unless that is earlier.
   */
  AddFileResult addFile(HotlineReport report, HotlineFile file, int maxFiles);

  /**
   * Stores (or replaces) the fileinfo of one of the report's files while the report is OPEN (false,
   * and nothing stored, otherwise); its last change becomes {@code info.receivedAt()} unless that
   * is earlier.
   *
   * @throws IllegalArgumentException when the file is not one of the report's
   */
  boolean putFileInfo(HotlineReport report, FileInfoDocument info);

  /**
   * Moves the report to {@code to}. Leaving OPEN sets {@code closedAt}; returning to OPEN (a failed
   * finish) clears it and sets the last change to {@code at}.
   */
  boolean transition(HotlineReport expected, ReportState to, Instant at);

  /** FINISHING to FINISHED, recording the tip the report became. */
  boolean finished(HotlineReport expected, TipId tip, Instant at);

  /**
   * Reports in {@code state}, oldest first, across platforms: for the app's start-up recovery of
   * FINISHING reports. Not for request handling.
   */
  List<HotlineReport> inState(ReportState state, int limit);

  /**
   * OPEN reports whose deadline ({@link HotlineReport#expiresAt()}) is at or before {@code now},
   * oldest first, across platforms: for the expiry sweep.
   */
  List<HotlineReport> openExpiredAt(Instant now, int limit);
}
