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
 *   <li>Every change is a compare-and-set against the {@code expected} report's id, state and
 *       version: it returns false, and changes nothing, when the stored report has moved on; on
 *       success the stored version is {@code expected.version() + 1}.
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

  /** Adds a file to an OPEN report and sets its last change to {@code file.uploadedAt()}. */
  boolean addFile(HotlineReport expected, HotlineFile file);

  /**
   * Stores (or replaces) the fileinfo of one of the report's files, which must be OPEN, and sets
   * its last change to {@code info.receivedAt()}.
   */
  boolean putFileInfo(HotlineReport expected, FileInfoDocument info);

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
