package org.tiptrace.tip;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code incidentSummary} block.
 *
 * @param escalateToHighPriority the ESP's reason text; present means "immediate risk to a child"
 * @param annotations {@code reportAnnotations} flags
 */
public record IncidentSummary(
    Optional<IncidentType> incidentType,
    Optional<String> platform,
    Optional<String> escalateToHighPriority,
    Set<ReportAnnotation> annotations,
    Optional<ReportedTime> incidentDateTime,
    Optional<String> incidentDateTimeDescription) {

  public IncidentSummary {
    annotations = EnumSets.frozen(ReportAnnotation.class, annotations);
  }
}
