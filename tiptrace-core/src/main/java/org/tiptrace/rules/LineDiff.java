package org.tiptrace.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff between two rule files, as hunks with three lines of context (the shape of {@code
 * diff -u}).
 *
 * <p>Approach: strip the common head and tail, then a longest-common-subsequence table over the
 * middle. Rule files are small (at most {@link RuleCheck#MAX_BYTES}); when the middle would need
 * more than {@link #MAX_CELLS} table cells the middle is shown as removed and added whole, which is
 * still a correct diff, only a coarse one.
 */
public final class LineDiff {
  static final long MAX_CELLS = 4_000_000;
  private static final int CONTEXT = 3;

  private LineDiff() {}

  /** What happened to a line. */
  public enum Op {
    SAME,
    REMOVED,
    ADDED
  }

  /**
   * One line of the diff.
   *
   * @param oldLine its 1-based line in the old file, 0 for an added line
   * @param newLine its 1-based line in the new file, 0 for a removed line
   */
  public record Line(Op op, int oldLine, int newLine, String text) {
    /** {@code " text"}, {@code "-text"}, {@code "+text"}. */
    public String unified() {
      return switch (op) {
            case SAME -> " ";
            case REMOVED -> "-";
            case ADDED -> "+";
          }
          + text;
    }
  }

  /** Consecutive changed lines with their context. */
  public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {
    public Hunk {
      lines = List.copyOf(lines);
    }

    public String header() {
      return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }
  }

  /** The hunks turning {@code oldText} into {@code newText}; empty when the texts are equal. */
  public static List<Hunk> diff(String oldText, String newText) {
    return hunks(lines(oldText, newText));
  }

  /** The whole diff in unified form, with {@code ---}/{@code +++} headers. */
  public static String unified(String oldName, String oldText, String newName, String newText) {
    StringBuilder b = new StringBuilder();
    b.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    for (Hunk h : diff(oldText, newText)) {
      b.append(h.header()).append('\n');
      for (Line l : h.lines()) {
        b.append(l.unified()).append('\n');
      }
    }
    return b.toString();
  }

  /** Every line of both texts with its fate. */
  static List<Line> lines(String oldText, String newText) {
    List<String> a = split(oldText);
    List<String> b = split(newText);
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      out.add(new Line(Op.SAME, i + 1, i + 1, a.get(i)));
    }
    List<String> am = a.subList(head, a.size() - tail);
    List<String> bm = b.subList(head, b.size() - tail);
    middle(am, bm, head, out);
    for (int k = tail; k > 0; k--) {
      int i = a.size() - k;
      int j = b.size() - k;
      out.add(new Line(Op.SAME, i + 1, j + 1, a.get(i)));
    }
    return out;
  }

  private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
    int n = a.size();
    int m = b.size();
    if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        out.add(new Line(Op.REMOVED, offset + i + 1, 0, a.get(i)));
      }
      for (int j = 0; j < m; j++) {
        out.add(new Line(Op.ADDED, 0, offset + j + 1, b.get(j)));
      }
      return;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        out.add(new Line(Op.SAME, offset + i + 1, offset + j + 1, a.get(i)));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Removals before additions, as diff -u shows a changed line.
        out.add(new Line(Op.REMOVED, offset + i + 1, 0, a.get(i)));
        i++;
      } else {
        out.add(new Line(Op.ADDED, 0, offset + j + 1, b.get(j)));
        j++;
      }
    }
  }

  private static List<Hunk> hunks(List<Line> all) {
    int size = all.size();
    boolean[] shown = new boolean[size];
    for (int k = 0; k < size; k++) {
      if (all.get(k).op() != Op.SAME) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(size - 1, k + CONTEXT); c++) {
          shown[c] = true;
        }
      }
    }
    List<Hunk> out = new ArrayList<>();
    int k = 0;
    while (k < size) {
      if (!shown[k]) {
        k++;
        continue;
      }
      List<Line> lines = new ArrayList<>();
      while (k < size && shown[k]) {
        lines.add(all.get(k++));
      }
      out.add(hunk(lines));
    }
    return out;
  }

  private static Hunk hunk(List<Line> lines) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Line l : lines) {
      if (l.op() != Op.ADDED) {
        oldCount++;
        if (oldStart == 0) {
          oldStart = l.oldLine();
        }
      }
      if (l.op() != Op.REMOVED) {
        newCount++;
        if (newStart == 0) {
          newStart = l.newLine();
        }
      }
    }
    return new Hunk(oldStart, oldCount, newStart, newCount, lines);
  }

  private static List<String> split(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    List<String> out = new ArrayList<>();
    for (String s : t.split("\n", -1)) {
      out.add(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
    }
    return out;
  }
}
