package org.tiptrace.legal;

import java.util.List;

/**
 * One row of the gate's decision table.
 *
 * @param id stable rule id ({@code GATE_ESP_VIEWED}); decisions record it
 * @param scope whether it opens content or EXIF
 * @param opens the basis it accepts, {@link GateBasis#NONE} for the blocking rule
 * @param text the rule in plain words, shown with each decision
 */
public record GateRule(
    String id, GateScope scope, GateBasis opens, String text, List<Citation> citations) {
  public GateRule {
    citations = List.copyOf(citations);
  }
}
