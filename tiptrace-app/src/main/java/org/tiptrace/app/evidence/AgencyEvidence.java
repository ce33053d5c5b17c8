package org.tiptrace.app.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.app.evidence.EvidenceViews.FileView;
import org.tiptrace.app.evidence.EvidenceViews.FilesView;
import org.tiptrace.app.evidence.EvidenceViews.JurisdictionView;
import org.tiptrace.app.evidence.EvidenceViews.RuleSetView;
import org.tiptrace.app.evidence.EvidenceViews.WarrantView;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.tips.AgencyTips;
import org.tiptrace.app.tips.TipNotFoundException;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.evidence.ContentAccess;
import org.tiptrace.evidence.EvidenceException;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileGate;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.evidence.GateDecision;
import org.tiptrace.evidence.GateFacts;
import org.tiptrace.evidence.TipFile;
import org.tiptrace.evidence.TipFiles;
import org.tiptrace.evidence.ViewingGate;
import org.tiptrace.evidence.Warrant;
import org.tiptrace.evidence.WarrantRequest;
import org.tiptrace.tip.Tip;

/**
 * The current agency's evidence: every web request about files, warrants, bytes or EXIF goes
 * through here. Tips come from {@link AgencyTips} (another agency's → 404). Each decision and each
 * view is appended to the audit log, with its basis, before anything is returned; a failed append
 * fails the request.
 */
@Service
class AgencyEvidence {
  private final AgencyTips tips;
  private final EvidenceFiles evidence;
  private final AuditTrail audit;
  private final Clock clock;

  AgencyEvidence(AgencyTips tips, EvidenceFiles evidence, AuditTrail audit, Clock clock) {
    this.tips = tips;
    this.evidence = evidence;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in UTC: the latest date a warrant can have been issued on (the form's {@code max}). */
  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** The gate state of every file of the tip; one audit entry per file with both decisions. */
  FilesView files(String tipId, String channel) {
    Tip tip = tip(tipId, "", "files listed", channel);
    List<Warrant> warrants = evidence.warrants(tip);
    GateFacts facts = evidence.facts(tip);
    List<FileView> files = new ArrayList<>();
    for (FileGate gate : ViewingGate.gates(tip, warrants, facts, evidence.rules())) {
      audit.record(
          AuditAction.FILE_GATE_DECIDED,
          AuditSubjectType.FILE,
          subject(tip, gate.file().ref()),
          channel + ": " + gate.content().auditDetail() + "; " + gate.exif().auditDetail());
      files.add(FileView.of(gate, evidence.hasContent(tip, gate.file())));
    }
    return new FilesView(
        tip.id().value(),
        RuleSetView.of(evidence.rules()),
        JurisdictionView.of(facts.jurisdiction(), evidence.rules()),
        List.copyOf(files),
        warrants.stream().map(WarrantView::of).toList());
  }

  /**
   * The file's bytes through the gate. Audited as a view when they are served, as a decision when
   * the gate blocks or Tiptrace holds no bytes.
   */
  ContentAccess content(String tipId, String fileId, String channel) {
    Tip tip = tip(tipId, fileId, "content requested", channel);
    FileRef ref = file(tip, fileId, "content requested", channel);
    ContentAccess access = evidence.content(tip, ref);
    switch (access) {
      case ContentAccess.Bytes b ->
          audit.record(
              AuditAction.FILE_CONTENT_VIEWED,
              AuditSubjectType.FILE,
              subject(tip, ref),
              channel + ": sha256=" + b.content().sha256() + " " + b.decision().auditDetail());
      case ContentAccess.NoContent n -> decided(tip, ref, channel, "no bytes held", n.decision());
      case ContentAccess.Blocked bl -> decided(tip, ref, channel, "refused", bl.decision());
      case ContentAccess.Exif e -> throw new IllegalStateException("content answered with EXIF");
    }
    return access;
  }

  /** The file's EXIF through the gate; audited like {@link #content}. */
  ContentAccess exif(String tipId, String fileId, String channel) {
    Tip tip = tip(tipId, fileId, "exif requested", channel);
    FileRef ref = file(tip, fileId, "exif requested", channel);
    ContentAccess access = evidence.exif(tip, ref);
    if (access instanceof ContentAccess.Exif e) {
      audit.record(
          AuditAction.FILE_EXIF_VIEWED,
          AuditSubjectType.FILE,
          subject(tip, ref),
          channel + ": " + e.decision().auditDetail());
    } else {
      decided(tip, ref, channel, "refused", access.decision());
    }
    return access;
  }

  /**
   * The page's "reveal" of a blurred image: allowed only when the gate allows the content, and
   * recorded as {@link AuditAction#FILE_REVEALED} with the basis.
   */
  GateDecision reveal(String tipId, String fileId, String channel) {
    Tip tip = tip(tipId, fileId, "reveal requested", channel);
    FileRef ref = file(tip, fileId, "reveal requested", channel);
    GateDecision decision = evidence.decide(tip, ref);
    if (decision.allowed()) {
      audit.record(
          AuditAction.FILE_REVEALED,
          AuditSubjectType.FILE,
          subject(tip, ref),
          channel + ": " + decision.auditDetail());
    } else {
      decided(tip, ref, channel, "reveal refused", decision);
    }
    return decision;
  }

  /**
   * Records a warrant from form or JSON fields.
   *
   * @throws ResponseStatusException 400 naming the field when the input is incomplete or lists a
   *     file the tip does not have
   */
  Warrant recordWarrant(
      String tipId,
      @Nullable String number,
      @Nullable String court,
      @Nullable String issuedOn,
      @Nullable List<String> fileIds,
      String channel) {
    Tip tip = tip(tipId, "", "warrant submitted", channel);
    WarrantRequest request = request(number, court, issuedOn, fileIds, today());
    Warrant warrant;
    try {
      warrant = evidence.recordWarrant(tip, request, currentUser());
    } catch (EvidenceException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
    }
    audit.record(
        AuditAction.WARRANT_RECORDED,
        AuditSubjectType.WARRANT,
        tip.id() + "/" + warrant.id(),
        channel
            + ": no. "
            + warrant.number()
            + ", "
            + warrant.court()
            + ", issued "
            + warrant.issuedOn()
            + ", files "
            + warrant.files());
    return warrant;
  }

  /** The tip's files (names only), for forms. */
  List<TipFile> tipFiles(String tipId) {
    return TipFiles.of(tips.find(tipId));
  }

  /**
   * Checks the warrant's fields; each refusal names the field.
   *
   * @param today the latest acceptable issue date (UTC): a warrant is not issued in the future
   */
  static WarrantRequest request(
      @Nullable String number,
      @Nullable String court,
      @Nullable String issuedOn,
      @Nullable List<String> fileIds,
      LocalDate today) {
    if (number == null || number.isBlank()) {
      throw bad("number: the warrant number is required");
    }
    if (court == null || court.isBlank()) {
      throw bad("court: the issuing court is required");
    }
    if (issuedOn == null || issuedOn.isBlank()) {
      throw bad("issuedOn: the date the warrant was issued is required (YYYY-MM-DD)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(issuedOn.strip());
    } catch (DateTimeParseException e) {
      throw bad("issuedOn: '" + issuedOn + "' is not a date (YYYY-MM-DD)");
    }
    if (date.isAfter(today)) {
      throw bad(
          "issuedOn: "
              + date
              + " is in the future (today is "
              + today
              + " UTC); enter the date the warrant was issued");
    }
    if (fileIds == null || fileIds.isEmpty()) {
      throw bad("fileIds: list at least one file id the warrant covers");
    }
    Set<FileRef> files = new TreeSet<>();
    for (String f : fileIds) {
      if (f == null || !FileRef.isValid(f.strip())) {
        throw bad("fileIds: '" + f + "' is not a file id");
      }
      files.add(new FileRef(f.strip()));
    }
    try {
      return new WarrantRequest(number, court, date, files);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private Tip tip(String tipId, String fileId, String what, String channel) {
    try {
      return tips.find(tipId);
    } catch (TipNotFoundException e) {
      // Probes of other agencies' ids are on record too.
      audit.record(
          AuditAction.FILE_GATE_DECIDED,
          AuditSubjectType.FILE,
          tipId + "/" + fileId,
          channel + ": " + what + ": no such tip (404)");
      throw e;
    }
  }

  private FileRef file(Tip tip, String fileId, String what, String channel) {
    return TipFiles.find(tip, fileId)
        .map(TipFile::ref)
        .orElseThrow(
            () -> {
              audit.record(
                  AuditAction.FILE_GATE_DECIDED,
                  AuditSubjectType.FILE,
                  tip.id() + "/" + fileId,
                  channel + ": " + what + ": no such file (404)");
              return new ResponseStatusException(
                  HttpStatus.NOT_FOUND, "tip " + tip.id() + " has no file " + fileId);
            });
  }

  private void decided(Tip tip, FileRef ref, String channel, String what, GateDecision d) {
    audit.record(
        AuditAction.FILE_GATE_DECIDED,
        AuditSubjectType.FILE,
        subject(tip, ref),
        channel + ": " + what + ": " + d.auditDetail());
  }

  private static String subject(Tip tip, FileRef ref) {
    return tip.id() + "/" + ref;
  }

  private static String currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "(anonymous)" : auth.getName();
  }

  private static ResponseStatusException bad(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }
}
