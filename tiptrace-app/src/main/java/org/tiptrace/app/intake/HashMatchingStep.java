package org.tiptrace.app.intake;

import java.time.Clock;
import java.util.Objects;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipRepository;

/**
 * The hash matching step of ingest: matches every file of the tip against the enabled hash sets and
 * stores the matches, replacing earlier ones. Runs after {@link IpEnrichment}. With no sets loaded
 * every file is stored as "not checked", never as "no match".
 */
public final class HashMatchingStep implements TipStep {
  private final TipMatching matching;

  public HashMatchingStep(TipMatching matching) {
    this.matching = Objects.requireNonNull(matching, "matching");
  }

  public static HashMatchingStep of(HashSetRepository sets, TipRepository tips, Clock clock) {
    return new HashMatchingStep(new TipMatching(sets, tips, clock));
  }

  public TipMatching matching() {
    return matching;
  }

  @Override
  public void changed(AgencyId agency, TipId tip) {
    matching.matchAndStore(agency, tip);
  }

  @Override
  public void seenAgain(AgencyId agency, TipId tip) {
    matching.matchIfMissing(agency, tip);
  }
}
