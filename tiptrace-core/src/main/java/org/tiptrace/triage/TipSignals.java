package org.tiptrace.triage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.tiptrace.link.LinkSignals;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * Everything the earlier stages say about one tip, as values: hash verdicts per file (same order as
 * {@code report.files()}), attribution per IP event, jurisdiction, and linking.
 *
 * @param inJurisdiction whether the tip falls in the receiving agency's area; UNKNOWN scores 0
 */
public record TipSignals(
    List<HashVerdict> files, List<IpSignal> ips, TriState inJurisdiction, LinkSignals link) {
  public TipSignals {
    files = List.copyOf(files);
    ips = List.copyOf(ips);
    Objects.requireNonNull(inJurisdiction, "inJurisdiction");
    Objects.requireNonNull(link, "link");
  }

  /** Signals of a tip that no stage has looked at yet: every answer is "not checked". */
  public static TipSignals unchecked(Tip tip) {
    List<IpSignal> ips = new ArrayList<>();
    for (ReportedUser u : tip.report().reportedUsers()) {
      for (IpCaptureEvent e : u.ipCaptureEvents()) {
        ips.add(
            new IpSignal(e.ipAddress(), AttributionStatus.NOT_CHECKED, java.util.Optional.empty()));
      }
    }
    int files = tip.report().files().size();
    return new TipSignals(
        Collections.nCopies(files, HashVerdict.NOT_CHECKED),
        ips,
        TriState.UNKNOWN,
        LinkSignals.none(files));
  }

  /** A copy with other hash verdicts. */
  public TipSignals withFiles(List<HashVerdict> verdicts) {
    return new TipSignals(verdicts, ips, inJurisdiction, link);
  }

  /** A copy with other attribution results. */
  public TipSignals withIps(List<IpSignal> signals) {
    return new TipSignals(files, signals, inJurisdiction, link);
  }

  /** A copy with a jurisdiction answer. */
  public TipSignals withJurisdiction(TriState in) {
    return new TipSignals(files, ips, in, link);
  }

  /** A copy with linking signals. */
  public TipSignals withLink(LinkSignals signals) {
    return new TipSignals(files, ips, inJurisdiction, signals);
  }

  void requireMatches(Tip tip) {
    List<ReportedFile> reportFiles = tip.report().files();
    if (files.size() != reportFiles.size()) {
      throw new IllegalArgumentException(
          "tip "
              + tip.id()
              + " has "
              + reportFiles.size()
              + " files but "
              + files.size()
              + " hash verdicts");
    }
    if (link.fileSpread().size() != reportFiles.size()) {
      throw new IllegalArgumentException(
          "tip "
              + tip.id()
              + " has "
              + reportFiles.size()
              + " files but link signals for "
              + link.fileSpread().size());
    }
  }
}
