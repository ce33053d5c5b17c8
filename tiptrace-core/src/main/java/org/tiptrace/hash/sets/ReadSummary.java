package org.tiptrace.hash.sets;

import java.util.List;
import java.util.Optional;
import org.tiptrace.intake.Problem;

/**
 * What a reader found.
 *
 * @param records records read (VICS Media, hashdeep or CSV lines, NSRL distinct hashes)
 * @param entries entries pushed to the sink (one per digest)
 * @param categoryScheme the scheme the file declares (VICS context), when it declares one
 * @param fileVersion the version the file declares (VICS data model, NSRL {@code VERSION})
 * @param warnings things skipped or unknown, each naming the place
 */
public record ReadSummary(
    long records,
    long entries,
    Optional<String> categoryScheme,
    Optional<String> fileVersion,
    List<Problem> warnings) {
  public ReadSummary {
    warnings = List.copyOf(warnings);
  }
}
