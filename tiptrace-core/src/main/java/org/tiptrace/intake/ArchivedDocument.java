package org.tiptrace.intake;

import java.time.Instant;
import java.util.List;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/** Metadata of one document in the raw archive (the bytes are fetched separately). */
public record ArchivedDocument(
    Sha256 sha256,
    AgencyId agency,
    String sourceName,
    long size,
    Instant receivedAt,
    ArchiveStatus status,
    List<Problem> problems) {
  public ArchivedDocument {
    problems = List.copyOf(problems);
  }
}
