package org.tiptrace.app.cli;

import java.io.PrintWriter;
import org.tiptrace.app.intake.BatchIntake;
import org.tiptrace.app.intake.DocumentResult;

/** A one-line progress bar on stderr, redrawn in place; only used when stderr is a terminal. */
final class ProgressBar implements BatchIntake.Listener {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private int lastLength;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void done(int index, int total, DocumentResult result) {
    step(index, total, result.name());
  }

  /** Draws the bar after item {@code index} (0-based) of {@code total}, labelled. */
  void step(int index, int total, String label) {
    int filled = total == 0 ? WIDTH : (int) ((long) (index + 1) * WIDTH / total);
    String line =
        "["
            + "#".repeat(filled)
            + "-".repeat(WIDTH - filled)
            + "] "
            + (index + 1)
            + "/"
            + total
            + " "
            + abbreviate(label);
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  /**
   * Draws {@code done} of {@code total} (any unit) with a label; an unknown total ({@code < 0})
   * shows the count only.
   */
  void step(long done, long total, String label) {
    int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, (double) done * WIDTH / Math.max(1, total));
    String line =
        "["
            + "#".repeat(filled)
            + "-".repeat(WIDTH - filled)
            + "] "
            + done
            + (total >= 0 ? "/" + total : "")
            + " "
            + abbreviate(label);
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  /** Clears the bar, so the summary starts on a clean line. */
  void finish() {
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
  }

  private static String abbreviate(String name) {
    return name.length() <= 40 ? name : "..." + name.substring(name.length() - 37);
  }
}
