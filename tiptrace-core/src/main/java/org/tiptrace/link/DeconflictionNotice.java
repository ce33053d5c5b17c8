package org.tiptrace.link;

import org.tiptrace.tip.AgencyId;

/**
 * What a receiving agency learns when its tip links to a subject another agency works: who to call,
 * nothing of the other agency's tips.
 */
public record DeconflictionNotice(AgencyId holdingAgency, String caseNumber, String contact) {
  public String message() {
    return "deconfliction: contact agency "
        + holdingAgency
        + ", case "
        + caseNumber
        + " ("
        + contact
        + ")";
  }
}
