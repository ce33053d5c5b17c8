package org.tiptrace.app.pages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.tips.TipNotFoundException;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.TipId;

/**
 * The graphs of the current agency, each read recorded in the audit log first (also when the answer
 * is 404, so probing is on record). Shared by the pages, their JSON and the API.
 */
@Service
final class SubjectGraphs {
  private final AgencyData data;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  SubjectGraphs(AgencyData data, CurrentAgency agency, AuditTrail audit) {
    this.data = data;
    this.agency = agency;
    this.audit = audit;
  }

  /**
   * @throws TipNotFoundException for unknown ids and other agencies' tips
   */
  SubjectGraph.Graph ofTip(String id, String channel) {
    audit.tipViewed(id, channel + " graph");
    TipId tip = parse(id).orElseThrow(() -> new TipNotFoundException(id));
    return SubjectGraph.ofTip(data.load(agency.require()), tip)
        .orElseThrow(() -> new TipNotFoundException(id));
  }

  /**
   * @throws ResponseStatusException 404 for unknown subjects and other agencies' persons
   */
  SubjectGraph.Graph ofSubject(String token, String channel) {
    audit.record(AuditAction.SUBJECT_VIEWED, AuditSubjectType.SUBJECT, token, channel + " graph");
    return SubjectGraph.ofSubject(data.load(agency.require()), token)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no subject " + token));
  }

  /** One row of the subjects list. */
  record SubjectRow(String id, String token, String tips, int persons, int reviewFlags) {}

  /** The agency's subjects seen in more than one tip, most tips first. */
  java.util.List<SubjectRow> linkedSubjects() {
    audit.record(AuditAction.SUBJECT_VIEWED, AuditSubjectType.SUBJECT, "*", "page subjects list");
    return data.load(agency.require()).linker().subjects().stream()
        .filter(s -> s.tips().size() > 1)
        .sorted(
            java.util.Comparator.comparingInt((org.tiptrace.link.Subject s) -> -s.tips().size())
                .thenComparing(org.tiptrace.link.Subject::id))
        .map(
            s ->
                new SubjectRow(
                    s.id().toString(),
                    SubjectGraph.token(s.id()),
                    String.join(", ", s.tips().stream().map(TipId::toString).toList()),
                    s.members().size(),
                    s.reviewFlags().size()))
        .toList();
  }

  static java.util.Optional<TipId> parse(String id) {
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return java.util.Optional.empty();
    }
    long value = Long.parseLong(id);
    return value > 0 ? java.util.Optional.of(new TipId(value)) : java.util.Optional.empty();
  }
}
