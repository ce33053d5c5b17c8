package org.tiptrace.app.intake;

import java.util.List;
import org.tiptrace.intake.IntakeOutcome;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/** The ordered steps run on each tip that intake created, attached to, or saw again. */
public record TipSteps(List<TipStep> steps) {

  public TipSteps {
    steps = List.copyOf(steps);
  }

  public static TipSteps of(TipStep... steps) {
    return new TipSteps(List.of(steps));
  }

  /** Runs every step for the outcome of one document; a rejected document has no tip. */
  public void after(AgencyId agency, TipId tip, IntakeOutcome outcome) {
    for (TipStep step : steps) {
      switch (outcome) {
        case ACCEPTED, ATTACHED -> step.changed(agency, tip);
        case DUPLICATE -> step.seenAgain(agency, tip);
        case REJECTED -> {}
      }
    }
  }
}
