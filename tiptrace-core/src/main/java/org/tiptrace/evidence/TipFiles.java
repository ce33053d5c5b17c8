package org.tiptrace.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;

/**
 * Names the files of a tip. A reported id (hotline {@code fileId}, LE JSON {@code submittalId})
 * names its file when it is a valid {@link FileRef} that no other file of the tip also reports;
 * otherwise the file is {@code pos-N}. A duplicated id names neither file, so a warrant listing it
 * can never open the wrong one.
 */
public final class TipFiles {
  private TipFiles() {}

  public static List<TipFile> of(Tip tip) {
    List<ReportedFile> files = tip.report().files();
    Map<String, Integer> seen = new HashMap<>();
    for (ReportedFile f : files) {
      f.fileId().map(String::strip).ifPresent(id -> seen.merge(id, 1, Integer::sum));
    }
    List<TipFile> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      ReportedFile f = files.get(i);
      Optional<String> id = f.fileId().map(String::strip);
      String ref =
          id.isPresent()
                  && FileRef.isValid(id.get())
                  && seen.get(id.get()) == 1
                  && !id.get().startsWith("pos-")
              ? id.get()
              : "pos-" + (i + 1);
      out.add(new TipFile(new FileRef(ref), i, f));
    }
    return List.copyOf(out);
  }

  /** The file of {@code tip} named {@code ref}, if any. */
  public static Optional<TipFile> find(Tip tip, FileRef ref) {
    return of(tip).stream().filter(f -> f.ref().equals(ref)).findFirst();
  }

  /** As {@link #find(Tip, FileRef)}, for a name from a request (empty when not even valid). */
  public static Optional<TipFile> find(Tip tip, String ref) {
    return FileRef.isValid(ref) ? find(tip, new FileRef(ref)) : Optional.empty();
  }
}
