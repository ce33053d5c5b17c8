package org.tiptrace.intake.lejson;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.Report;

/**
 * Reads the law-enforcement JSON download of a CyberTipline report into the tip model.
 *
 * <p>Map (reference [1] §1 key tree, null semantics table; [2] §3–5 vocabularies):
 *
 * <ol>
 *   <li><b>Bytes to text.</b> A UTF-8 byte-order mark is dropped; the rest is decoded strictly, so
 *       invalid UTF-8 is an error with its line and column (and the pointer being read there, found
 *       by parsing the valid prefix) rather than silently replaced characters.
 *   <li><b>Text to located tree</b> ({@link LocatedTree}): one pass over Jackson's tokens builds
 *       the tree and a map from JSON pointer to the line and column where each value starts. Depth,
 *       text length and document length are capped through Jackson's {@code StreamReadConstraints}
 *       set from {@link IntakeLimits}; syntax and limit errors name the pointer being read.
 *       Duplicate keys are errors: which value is meant is undecidable.
 *   <li><b>Tree to model</b> ({@code ReportMapping}): each object of the layout is read by the keys
 *       it knows; every key it did not read is unknown (TOLERANT: a warning and an {@code
 *       UnknownElement(pointer, json)}; STRICT: an error). Every problem carries the pointer, and
 *       the location of that value or, for a missing key, of its nearest located ancestor.
 * </ol>
 *
 * <p>Decisions, all also in the package documentation:
 *
 * <ul>
 *   <li>Missing key, {@code null}, {@code []}, blank text and {@code "N/A"} are all "not provided"
 *       and yield identical models; {@code viewedByEsp} not provided is {@code UNKNOWN}.
 *   <li>Captures: {@code IP Address} becomes an {@code IpCaptureEvent} (IP canonicalised, {@code
 *       eventName} matched ignoring case and stored as the enum, port 0..65535). On a user, {@code
 *       Profile URL} goes to {@code profileUrls} and any other type to {@code otherFields} as
 *       (captureType, value); on a file one {@code URL} becomes {@code locationOfFile}; on a web
 *       page incident {@code URL}s become its urls. A capture that has no place where it occurs is
 *       kept whole as an unknown element with a warning, in both modes.
 *   <li>{@code victims}: the reference does not know the key (L); read as {@code victims: {
 *       victims: [P] }}, the shape of the other user blocks.
 *   <li>A number where text is expected is kept as text with a warning (TOLERANT) or is an error
 *       (STRICT); {@code reportId} may be either. Any other type mismatch is an error in both
 *       modes.
 *   <li>Several {@code additionalInformations} of a web page or email incident, or several email
 *       {@code contents}, are joined with a line break: the model holds one text there.
 * </ul>
 *
 * <p>References: [1] shared/reference/cybertip-le-json.md; [2]
 * shared/reference/cybertip-esp-xml.md.
 */
public final class LeJsonReader implements DocumentReader {

  @Override
  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    try {
      return readChecked(sourceName, bytes, mode, limits);
    } catch (RuntimeException e) {
      // The contract is "never an exception for bad input": should a mapping bug slip through, the
      // document is quarantined with the exception named instead of failing the whole intake run.
      return new ParseResult.Rejected(
          List.of(Problem.error(sourceName, "", "internal error while reading LE JSON: " + e)));
    }
  }

  private ParseResult readChecked(
      String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    if (bytes.length > limits.maxDocumentBytes()) {
      return reject(
          Problem.error(
              sourceName,
              "",
              "document is "
                  + bytes.length
                  + " bytes; the limit is "
                  + limits.maxDocumentBytes()
                  + " bytes (intake max-document-bytes)"));
    }
    int start = hasBom(bytes) ? 3 : 0;
    Decoded decoded = decode(bytes, start);
    if (decoded.badOffset() >= 0) {
      return reject(invalidUtf8(sourceName, bytes, decoded, limits));
    }
    LocatedTree.Result tree = LocatedTree.read(decoded.text(), limits);
    return switch (tree) {
      case LocatedTree.Failed f -> reject(failure(sourceName, f));
      case LocatedTree.Parsed p -> {
        ReportMapping mapping = new ReportMapping(sourceName, mode, p.locations());
        Report report = mapping.map(p.root());
        yield mapping.hasErrors()
            ? new ParseResult.Rejected(mapping.problems())
            : new ParseResult.ReportParsed(report, mapping.problems());
      }
    };
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  /** Decoded text, or the byte offset of the first invalid sequence (-1 when valid). */
  private record Decoded(String text, int badOffset) {}

  private static Decoded decode(byte[] bytes, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      return new Decoded(out.flip().toString(), in.position());
    }
    return new Decoded(out.flip().toString(), -1);
  }

  private static Problem invalidUtf8(
      String source, byte[] bytes, Decoded decoded, IntakeLimits limits) {
    String prefix = decoded.text();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < prefix.length(); i++) {
      if (prefix.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = prefix.length() - lineStart + 1;
    // The valid prefix parses up to the bad byte; where that parse stops is the pointer being read.
    String pointer =
        LocatedTree.read(prefix, limits) instanceof LocatedTree.Failed f ? f.pointer() : "";
    return Problem.error(
        source,
        line,
        column,
        pointer,
        String.format(
            java.util.Locale.ROOT,
            "invalid UTF-8: byte 0x%02x at offset %d does not start a valid sequence",
            bytes[decoded.badOffset()] & 0xff,
            decoded.badOffset()));
  }

  private static Problem failure(String source, LocatedTree.Failed f) {
    return f.location() == null
        ? Problem.error(source, f.pointer(), f.reason())
        : Problem.error(
            source, f.location().line(), f.location().column(), f.pointer(), f.reason());
  }

  private static ParseResult reject(Problem p) {
    return new ParseResult.Rejected(List.of(p));
  }
}
