package org.tiptrace.app.intake;

import java.nio.charset.StandardCharsets;

/**
 * What a document looks like from its first bytes, for ordering a batch: a {@code fileDetails}
 * document can only be attached once its {@code report} is stored, so reports go first.
 *
 * <p>This is a sniff, not a parse: it skips a byte-order mark, the XML declaration, comments,
 * processing instructions and a doctype, then reads the root element's local name. Anything it
 * cannot tell is {@link #OTHER} and goes between the two; the reader still decides.
 */
public enum DocumentKind {
  /** A whole report: XML root {@code report} or an LE JSON object. */
  REPORT,
  /** Not recognised from its first bytes. */
  OTHER,
  /** XML root {@code fileDetails}: one file of an earlier report. */
  FILE_DETAILS;

  /** How many leading bytes {@link #sniff} looks at. */
  public static final int SNIFF_BYTES = 8192;

  public static DocumentKind sniff(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.UTF_8);
    int i = head.startsWith("\uFEFF") ? 1 : 0;
    while (true) {
      i = skipWhitespace(head, i);
      if (i >= head.length()) {
        return OTHER;
      }
      char c = head.charAt(i);
      if (c == '{') {
        return REPORT;
      }
      if (c != '<') {
        return OTHER;
      }
      if (head.startsWith("<?", i)) {
        i = after(head, i, "?>");
      } else if (head.startsWith("<!--", i)) {
        i = after(head, i, "-->");
      } else if (head.startsWith("<!", i)) {
        i = after(head, i, ">");
      } else {
        return ofRoot(rootName(head, i + 1));
      }
      if (i < 0) {
        return OTHER;
      }
    }
  }

  private static DocumentKind ofRoot(String qualified) {
    String local = qualified.substring(qualified.indexOf(':') + 1);
    return switch (local) {
      case "report" -> REPORT;
      case "fileDetails" -> FILE_DETAILS;
      default -> OTHER;
    };
  }

  private static String rootName(String s, int from) {
    int end = from;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (Character.isWhitespace(c) || c == '>' || c == '/') {
        break;
      }
      end++;
    }
    return s.substring(from, end);
  }

  private static int after(String s, int from, String terminator) {
    int end = s.indexOf(terminator, from);
    return end < 0 ? -1 : end + terminator.length();
  }

  private static int skipWhitespace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
