package org.tiptrace.link;

import java.time.Instant;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * An agency's claim that it actively works a tip and therefore the tip's subjects.
 *
 * @param tip the tip held; holding a subject is holding one of its tips
 * @param contact how other agencies reach the case officer (a desk phone or email)
 */
public record Hold(AgencyId agency, TipId tip, String caseNumber, String contact, Instant since) {
  public Hold {
    if (caseNumber.isBlank()) {
      throw new IllegalArgumentException("hold needs a case number");
    }
    if (contact.isBlank()) {
      throw new IllegalArgumentException("hold needs a contact");
    }
  }
}
