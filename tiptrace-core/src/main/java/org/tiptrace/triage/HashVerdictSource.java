package org.tiptrace.triage;

import java.util.Collections;
import java.util.List;
import org.tiptrace.tip.Tip;

/**
 * Where triage reads the hash verdicts of a tip's files, one per file in {@code report.files()}
 * order. Hash matching plugs in here; without it every file is {@link HashVerdict#NOT_CHECKED}
 * (unknown, never "no match").
 */
@FunctionalInterface
public interface HashVerdictSource {
  List<HashVerdict> verdicts(Tip tip);

  /** No hash matching configured: every file "not checked". */
  static HashVerdictSource notChecked() {
    return tip -> Collections.nCopies(tip.report().files().size(), HashVerdict.NOT_CHECKED);
  }
}
