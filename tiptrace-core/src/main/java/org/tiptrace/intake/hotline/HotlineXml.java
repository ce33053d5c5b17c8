package org.tiptrace.intake.hotline;

import java.nio.charset.StandardCharsets;
import org.tiptrace.intake.hotline.HotlineResponse.ReportDoneResponse;
import org.tiptrace.intake.hotline.HotlineResponse.ReportResponse;

/**
 * Writes response documents exactly as shared/reference/cybertip-esp-xml.md §6.4 shows them: no XML
 * declaration, no namespace, no whitespace between elements, children in schema order, an empty
 * {@code <responseDescription/>} on success. Served as {@code text/xml; charset=utf-8}.
 *
 * <p>Written by hand rather than through a serializer: the documents are tiny and fixed, and the
 * exact bytes are part of the compatibility promise, which a test pins.
 */
public final class HotlineXml {
  /** The media type of every response document. */
  public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private HotlineXml() {}

  public static String toXml(HotlineResponse response) {
    StringBuilder sb = new StringBuilder(160);
    switch (response) {
      case ReportResponse r -> {
        sb.append("<reportResponse>");
        element(sb, "responseCode", Integer.toString(r.code().code()));
        element(sb, "responseDescription", r.description());
        r.reportId().ifPresent(id -> element(sb, "reportId", Long.toString(id)));
        r.fileId().ifPresent(id -> element(sb, "fileId", id));
        r.hash().ifPresent(h -> element(sb, "hash", h));
        sb.append("</reportResponse>");
      }
      case ReportDoneResponse d -> {
        sb.append("<reportDoneResponse>");
        element(sb, "responseCode", Integer.toString(d.code().code()));
        element(sb, "reportId", Long.toString(d.reportId()));
        if (d.fileIds().isEmpty()) {
          sb.append("<files/>");
        } else {
          sb.append("<files>");
          d.fileIds().forEach(id -> element(sb, "fileId", id));
          sb.append("</files>");
        }
        sb.append("</reportDoneResponse>");
      }
    }
    return sb.toString();
  }

  /** {@link #toXml} encoded as UTF-8, the body of the HTTP response. */
  public static byte[] toBytes(HotlineResponse response) {
    return toXml(response).getBytes(StandardCharsets.UTF_8);
  }

  private static void element(StringBuilder sb, String name, String text) {
    if (text.isEmpty()) {
      sb.append('<').append(name).append("/>");
      return;
    }
    sb.append('<').append(name).append('>');
    escape(sb, text);
    sb.append("</").append(name).append('>');
  }

  /**
   * Escapes markup and replaces code points XML 1.0 cannot carry (most C0 controls, lone
   * surrogates, U+FFFE/U+FFFF) with U+FFFD, so a description quoting hostile input stays
   * well-formed.
   */
  private static void escape(StringBuilder sb, String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (isXmlChar(cp)) {
            sb.appendCodePoint(cp);
          } else {
            sb.append('\uFFFD');
          }
        }
      }
    }
  }

  private static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
