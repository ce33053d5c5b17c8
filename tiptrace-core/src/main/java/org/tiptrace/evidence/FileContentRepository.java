package org.tiptrace.evidence;

import java.time.Instant;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * Which archived bytes are the content of which file of a tip; implemented by {@code
 * tiptrace-store}. The bytes themselves are in the {@link org.tiptrace.intake.RawArchive}. Reached
 * only through {@link EvidenceFiles}, which gates every read.
 */
public interface FileContentRepository {

  /** What {@link #attach} did. */
  enum AttachOutcome {
    ATTACHED,
    /** The same bytes were already attached to this file: nothing changed. */
    ALREADY_ATTACHED,
    /** Other bytes are already attached to this file: nothing changed. */
    CONFLICT,
    /** The tip is not the agency's: nothing stored. */
    NO_SUCH_TIP
  }

  AttachOutcome attach(
      AgencyId agency,
      TipId tip,
      FileRef file,
      Sha256 sha256,
      long size,
      String attachedBy,
      Instant attachedAt);

  /** The attached content of the file; empty for another agency's tip. */
  Optional<FileContent> find(AgencyId agency, TipId tip, FileRef file);
}
