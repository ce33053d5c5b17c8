package org.tiptrace.link;

import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.TipId;

/**
 * Why persons were merged or subjects associated, in words an investigator can check.
 *
 * @param identifier the shared identifier; absent for a manual decision
 * @param tips the tips the identifier appears in, ascending
 * @param text e.g. "same phone +12025550178 in tips 12 and 40"
 */
public record Evidence(Optional<Identifier> identifier, List<TipId> tips, String text) {
  public Evidence {
    tips = List.copyOf(tips);
  }
}
