package org.tiptrace.intake;

import java.util.List;
import org.tiptrace.intake.espxml.EspXmlReader;
import org.tiptrace.intake.lejson.LeJsonReader;

/**
 * The format registry: detects a document's format from its first significant byte and hands it to
 * that format's reader. XML ({@code <}) goes to the ESP XML reader, which handles both {@code
 * report} and {@code fileDetails} roots; JSON ({@code {}) goes to the LE JSON reader.
 */
public final class DocumentReaders {
  private final DocumentReader xml;
  private final DocumentReader json;

  public DocumentReaders(DocumentReader xml, DocumentReader json) {
    this.xml = xml;
    this.json = json;
  }

  public static DocumentReaders standard() {
    return new DocumentReaders(new EspXmlReader(), new LeJsonReader());
  }

  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    if (bytes.length > limits.maxDocumentBytes()) {
      return reject(
          sourceName,
          "document is "
              + bytes.length
              + " bytes; the limit is "
              + limits.maxDocumentBytes()
              + " bytes (intake.max-document-bytes)");
    }
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      i = 3; // UTF-8 byte-order mark
    }
    while (i < bytes.length && isWhitespace(bytes[i])) {
      i++;
    }
    if (i == bytes.length) {
      return reject(sourceName, "document is empty");
    }
    return switch (bytes[i]) {
      case '<' -> xml.read(sourceName, bytes, mode, limits);
      case '{' -> json.read(sourceName, bytes, mode, limits);
      default ->
          reject(
              sourceName,
              String.format(
                  java.util.Locale.ROOT,
                  "neither XML nor JSON: first significant byte is 0x%02x at offset %d",
                  bytes[i] & 0xff,
                  i));
    };
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static ParseResult reject(String sourceName, String reason) {
    return new ParseResult.Rejected(List.of(Problem.error(sourceName, "", reason)));
  }
}
