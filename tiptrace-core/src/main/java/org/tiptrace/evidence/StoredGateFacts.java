package org.tiptrace.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.legal.CircuitTable;
import org.tiptrace.tip.Tip;

/**
 * The gate's facts as the earlier stages stored them: the routing decision the IP step stored with
 * the tip's assessments, and the hash step's matches. Both are read for the tip's own agency.
 */
public final class StoredGateFacts implements GateFactsSource {
  private final AssessmentRepository assessments;
  private final HashSetRepository hashSets;
  private final CircuitTable circuits;

  public StoredGateFacts(
      AssessmentRepository assessments, HashSetRepository hashSets, CircuitTable circuits) {
    this.assessments = Objects.requireNonNull(assessments, "assessments");
    this.hashSets = Objects.requireNonNull(hashSets, "hashSets");
    this.circuits = Objects.requireNonNull(circuits, "circuits");
  }

  @Override
  public GateFacts facts(Tip tip) {
    TipJurisdiction where =
        TipJurisdiction.of(
            assessments
                .find(tip.agency(), tip.id())
                .flatMap(AssessmentRepository.Stored::routingTree),
            circuits);
    Map<Integer, List<HashMatch>> known = new HashMap<>();
    hashSets
        .findMatches(tip.agency(), tip.id())
        .ifPresent(
            stored -> {
              for (FileMatches f : stored.matches().files()) {
                List<HashMatch> abuse =
                    f.matches().stream().filter(m -> m.kind() == HashSetKind.KNOWN_ABUSE).toList();
                if (!abuse.isEmpty()) {
                  known.put(f.fileIndex(), abuse);
                }
              }
            });
    return new GateFacts(where, known);
  }
}
