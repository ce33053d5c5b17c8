package org.tiptrace.app.tips;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipSummary;

/** The current user's agency's tips: every read of the web app goes through here. */
@Service
public final class AgencyTips {
  private final TiptraceBackend backend;
  private final CurrentAgency agency;
  private final AuditTrail audit;

  AgencyTips(TiptraceBackend backend, CurrentAgency agency, AuditTrail audit) {
    this.backend = backend;
    this.agency = agency;
    this.audit = audit;
  }

  /** Where the controllers record views: one line per view, before the read. */
  public AuditTrail audit() {
    return audit;
  }

  /**
   * @throws ResponseStatusException 400 when offset or limit are out of range
   */
  public Page<TipSummary> page(int offset, int limit) {
    TipQuery query;
    try {
      query = new TipQuery(offset, limit);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
    }
    return backend.tips().list(agency.require(), query);
  }

  /** The tip, or {@link TipNotFoundException} also for ids that are not numbers. */
  public Tip find(String id) {
    return parse(id)
        .flatMap(tipId -> backend.tips().find(agency.require(), tipId))
        .orElseThrow(() -> new TipNotFoundException(id));
  }

  /**
   * The tip with its IP assessments and hash matches as {@link TipDocument} JSON; 404 as {@link
   * #find}.
   */
  public String document(String id) {
    Tip tip = find(id);
    return TipDocument.json(
        tip,
        backend.ipAssessments().find(tip.agency(), tip.id()),
        backend.hashSets().findMatches(tip.agency(), tip.id()));
  }

  /** The tip's stored hash matches per file; "not checked" for files never matched. */
  public HashMatchRows hashMatches(Tip tip) {
    return HashMatchRows.of(
        tip.report().files(), backend.hashSets().findMatches(tip.agency(), tip.id()));
  }

  /** The tip's stored IP assessments, read as rows for the pages; empty when never assessed. */
  public Optional<java.util.List<IpAssessmentRow>> ipRows(Tip tip) {
    return backend
        .ipAssessments()
        .find(tip.agency(), tip.id())
        .map(s -> IpAssessmentRow.of(s.assessments()));
  }

  static Optional<TipId> parse(String id) {
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long value = Long.parseLong(id);
    return value > 0 ? Optional.of(new TipId(value)) : Optional.empty();
  }
}
