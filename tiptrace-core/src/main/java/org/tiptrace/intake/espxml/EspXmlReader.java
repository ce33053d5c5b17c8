package org.tiptrace.intake.espxml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.espxml.EspXmlSchema.Particle;
import org.tiptrace.intake.espxml.EspXmlSchema.Type;
import org.tiptrace.ip.IpAddresses;
import org.tiptrace.tip.AccountDisabled;
import org.tiptrace.tip.Address;
import org.tiptrace.tip.AddressType;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.AssociatedAccountType;
import org.tiptrace.tip.BatchedReportReason;
import org.tiptrace.tip.DeviceId;
import org.tiptrace.tip.Email;
import org.tiptrace.tip.EmailType;
import org.tiptrace.tip.EstimatedLocation;
import org.tiptrace.tip.FileAnnotation;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.FileMetadata;
import org.tiptrace.tip.FileRelevance;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.IncidentSummary;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.IndustryClassification;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.IpCaptureType;
import org.tiptrace.tip.LawEnforcement;
import org.tiptrace.tip.MetadataType;
import org.tiptrace.tip.NameValue;
import org.tiptrace.tip.Person;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.PhoneType;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportAnnotation;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.Reporter;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;
import org.tiptrace.tip.UnknownElement;
import org.tiptrace.tip.UserRole;
import org.tiptrace.tip.WireValue;

/**
 * Reads the NCMEC ESP reporting XML ({@code report} and {@code fileDetails} roots) into the tip
 * model.
 *
 * <h2>Map</h2>
 *
 * <ol>
 *   <li><b>Approach.</b> One pass of recursive descent over a Woodstox {@link XMLStreamReader}:
 *       each complex element has a method that walks its children with {@code eachChild}, which
 *       looks the child up in the hand-written schema table {@link EspXmlSchema} (known or unknown;
 *       in STRICT mode also order and cardinality) and hands it to a {@code switch} that maps it
 *       onto the model. No DOM is built; a value error is recorded and reading goes on, so one run
 *       reports every problem; a well-formedness error (or a limit) ends the run.
 *   <li><b>Security.</b> DTDs are off, external entities off, every resolver refuses, and a {@code
 *       DOCTYPE} is an error as soon as it is seen, before any entity could be declared or used.
 *       Depth, text and attribute limits come from {@link IntakeLimits} and are enforced by
 *       Woodstox (their exceptions become problems) and again by this reader for accumulated text.
 *   <li><b>Paths.</b> Every problem carries source, line and column of the element's start tag (of
 *       the failure point for well-formedness errors) and an element path: {@code /}-separated
 *       local names from the root, with {@code [n]} (1-based, among same-named siblings) written
 *       only for the second and later occurrences, so {@code x} means {@code x[1]}: e.g. {@code
 *       /report/personOrUserReported/ipCaptureEvent[2]/ipAddress}. Attributes add {@code /@name};
 *       stray text in element-only content adds {@code /text()}.
 *   <li><b>Modes.</b> TOLERANT (received tips): any child order; unknown elements and attributes
 *       are kept as {@link UnknownElement}s and warned about; a repeated single element is kept as
 *       unknown; false flags are dropped with a warning; zone-less times are kept (zone unknown)
 *       with a warning. STRICT (hotline API): schema order, cardinality, required children, no
 *       unknown content, flags never {@code false}, not both meme forms, no {@code potentialMeme}
 *       or {@code industryClassification} on a {@code Supplemental Reported} file, at least one
 *       {@code internetDetails}, phone attribute patterns, zones required. Both modes: enumerations
 *       (exact spelling), IP literals, ports 0..65535, numbers, dates and booleans must be valid.
 *       Drift (reference §5) is accepted in both modes.
 * </ol>
 *
 * <p>Text is kept verbatim for string fields; typed values (enumerations, numbers, booleans, times,
 * IPs) are trimmed first, as XSD whitespace collapsing does.
 */
public final class EspXmlReader implements DocumentReader {

  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

  @Override
  public ParseResult read(String sourceName, byte[] bytes, ParseMode mode, IntakeLimits limits) {
    return new Run(sourceName, mode, limits).run(bytes);
  }

  private static XMLInputFactory factory(IntakeLimits limits) {
    WstxInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not read: " + systemId);
        });
    f.setProperty(WstxInputProperties.P_DTD_RESOLVER, f.getXMLResolver());
    f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, f.getXMLResolver());
    f.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, f.getXMLResolver());
    f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
    f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
    f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxTextLength());
    f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxDocumentBytes());
    return f;
  }

  /** Ends a run after a fatal problem has been recorded. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /** An open element: its name, path, start location and attributes. */
  private static final class Elem {
    final String name;
    final String path;
    final int line;
    final int column;
    final Map<String, String> attributes;
    final Set<String> consumed = new java.util.HashSet<>();
    final Map<String, Integer> childCounts = new HashMap<>();
    final boolean namespaced;

    Elem(
        String name,
        String path,
        int line,
        int column,
        Map<String, String> attributes,
        boolean namespaced) {
      this.name = name;
      this.path = path;
      this.line = line;
      this.column = column;
      this.attributes = attributes;
      this.namespaced = namespaced;
    }

    @Nullable String attr(String local) {
      consumed.add(local);
      return attributes.get(local);
    }

    String attrPath(String local) {
      return path + "/@" + local;
    }
  }

  @FunctionalInterface
  private interface ChildHandler {
    void handle(Elem child) throws XMLStreamException, Abort;
  }

  /** Collected child values of one element; keeps the reader's switch statements short. */
  private static final class Fields {
    private final Map<String, List<Object>> values = new HashMap<>();

    void put(String key, @Nullable Object value) {
      if (value != null) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }

    <T> Optional<T> one(String key, Class<T> type) {
      List<Object> l = values.get(key);
      return l == null ? Optional.empty() : Optional.of(type.cast(l.get(0)));
    }

    Optional<String> str(String key) {
      return one(key, String.class);
    }

    String strOrEmpty(String key) {
      return str(key).orElse("");
    }

    <T> List<T> all(String key, Class<T> type) {
      List<Object> l = values.get(key);
      return l == null ? List.of() : l.stream().map(type::cast).toList();
    }

    TriState tri(String key) {
      return one(key, TriState.class).orElse(TriState.UNKNOWN);
    }

    OptionalInt integer(String key) {
      return one(key, Integer.class).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    OptionalDouble dbl(String key) {
      return one(key, Double.class).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    Optional<ReportedTime> time(String key) {
      return one(key, ReportedTime.class);
    }
  }

  private static final Pattern CALLING_CODE = Pattern.compile("\\+[0-9]{1,3}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern XS_DATE =
      Pattern.compile("(-?[0-9]{4,}-[0-9]{2}-[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?");

  /** State of one read; not shared between threads. */
  private static final class Run {
    private final String source;
    private final boolean strict;
    private final IntakeLimits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final List<UnknownElement> unknowns = new ArrayList<>();
    private final Deque<String> openPaths = new ArrayDeque<>();
    private @Nullable XMLStreamReader r;

    Run(String source, ParseMode mode, IntakeLimits limits) {
      this.source = source;
      this.strict = mode == ParseMode.STRICT;
      this.limits = limits;
    }

    ParseResult run(byte[] bytes) {
      if (bytes.length > limits.maxDocumentBytes()) {
        problems.add(
            Problem.error(
                source,
                1,
                1,
                "",
                "document is "
                    + bytes.length
                    + " bytes; the limit is "
                    + limits.maxDocumentBytes()
                    + " bytes"));
        return new ParseResult.Rejected(problems);
      }
      if (isBlank(bytes)) {
        problems.add(Problem.error(source, 1, 1, "", "document is empty"));
        return new ParseResult.Rejected(problems);
      }
      if (invalidUtf8(bytes)) {
        return new ParseResult.Rejected(problems);
      }
      try {
        r = factory(limits).createXMLStreamReader(new ByteArrayInputStream(bytes));
        ParseResult result = document();
        r.close();
        return result;
      } catch (XMLStreamException e) {
        fatal(e);
      } catch (WstxLazyException e) {
        fatal(e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e));
      } catch (Abort e) {
        // already recorded
      }
      return new ParseResult.Rejected(problems);
    }

    private static boolean isBlank(byte[] bytes) {
      int i = 0;
      if (bytes.length >= 3
          && (bytes[0] & 0xff) == 0xEF
          && (bytes[1] & 0xff) == 0xBB
          && (bytes[2] & 0xff) == 0xBF) {
        i = 3;
      }
      for (; i < bytes.length; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return false;
        }
      }
      return true;
    }

    /** Records a well-formedness or limit failure at its location and the innermost open path. */
    private void fatal(XMLStreamException e) {
      Location loc = e.getLocation();
      if (loc == null && r != null) {
        loc = r.getLocation();
      }
      String path = openPaths.isEmpty() ? "" : openPaths.peek();
      String reason = cleanMessage(e);
      if (openPaths.isEmpty() && reason.contains("EOF") && !sawRoot) {
        reason = "no root element: " + reason;
      }
      lastFatalPath = path;
      if (loc == null) {
        // No stream reader yet: the failure is in the XML declaration, at the very start.
        problems.add(Problem.error(source, 1, 1, path, "malformed XML: " + reason));
      } else {
        // Woodstox reports column 0 at end of input after a line break: that is column 1.
        problems.add(
            Problem.error(
                source,
                loc.getLineNumber(),
                Math.max(1, loc.getColumnNumber()),
                path,
                "malformed XML: " + reason));
      }
    }

    private String lastFatalPath = "";

    /**
     * Woodstox decodes ahead in blocks, so its location for a bad byte is where the block began.
     * This check finds the exact byte, its line and column, and (by reading the valid prefix) the
     * element it sits in. Skipped when the XML declaration names another encoding.
     */
    private boolean invalidUtf8(byte[] bytes) {
      int start = hasBom(bytes) ? 3 : 0;
      if (!declaresUtf8(bytes, start)) {
        return false;
      }
      int bad = firstMalformedUtf8(bytes, start);
      if (bad < 0) {
        return false;
      }
      String prefix = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < prefix.length(); i++) {
        char ch = prefix.charAt(i);
        if (ch == '\n'
            || (ch == '\r' && (i + 1 == prefix.length() || prefix.charAt(i + 1) != '\n'))) {
          line++;
          lineStart = i + 1;
        }
      }
      int column = prefix.codePointCount(lineStart, prefix.length()) + 1;
      Run probe = new Run(source, ParseMode.TOLERANT, limits);
      probe.run(Arrays.copyOf(bytes, bad));
      problems.add(
          Problem.error(
              source,
              line,
              column,
              probe.lastFatalPath,
              String.format(
                  Locale.ROOT,
                  "invalid UTF-8: malformed byte sequence starting with 0x%02x at byte offset %d",
                  bytes[bad] & 0xff,
                  bad)));
      return true;
    }

    private static boolean hasBom(byte[] b) {
      return b.length >= 3
          && (b[0] & 0xff) == 0xEF
          && (b[1] & 0xff) == 0xBB
          && (b[2] & 0xff) == 0xBF;
    }

    private static final Pattern DECLARED_ENCODING =
        Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private static boolean declaresUtf8(byte[] bytes, int start) {
      if (bytes.length - start >= 2
          && ((bytes[start] == 0 || bytes[start + 1] == 0) || (bytes[start] & 0xff) >= 0xFE)) {
        return false; // UTF-16 or UTF-32: not ours to check
      }
      String head =
          new String(
              bytes, start, Math.min(200, bytes.length - start), StandardCharsets.ISO_8859_1);
      var m = DECLARED_ENCODING.matcher(head);
      if (!m.find()) {
        return true; // XML 1.0 §4.3.3: no declaration and no BOM means UTF-8
      }
      String enc = m.group(1).toUpperCase(Locale.ROOT);
      return enc.equals("UTF-8") || enc.equals("UTF8");
    }

    /** Byte offset of the first malformed UTF-8 sequence, or -1. */
    private static int firstMalformedUtf8(byte[] bytes, int start) {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
      CharBuffer out = CharBuffer.allocate(8192);
      while (true) {
        CoderResult cr = decoder.decode(in, out, true);
        if (cr.isError()) {
          return in.position();
        }
        if (cr.isUnderflow()) {
          return -1;
        }
        out.clear();
      }
    }

    private static String cleanMessage(Throwable e) {
      String m = String.valueOf(e.getMessage());
      int at = m.indexOf("\n at [row,col");
      if (at >= 0) {
        m = m.substring(0, at);
      }
      return m.strip();
    }

    private boolean sawRoot;

    /** False for fileDetails, whose model cannot hold unknown content. */
    private boolean keepsUnknowns = true;

    // ---------------------------------------------------------------- document and structure

    private XMLStreamReader r() {
      XMLStreamReader reader = r;
      if (reader == null) {
        throw new IllegalStateException("not started");
      }
      return reader;
    }

    private ParseResult document() throws XMLStreamException, Abort {
      XMLStreamReader x = r();
      while (true) {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
          Location l = x.getLocation();
          problems.add(
              Problem.error(
                  source,
                  l.getLineNumber(),
                  l.getColumnNumber(),
                  "",
                  "DOCTYPE is not allowed (DTDs and entities are refused)"));
          throw new Abort();
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          break;
        }
        if (ev == XMLStreamConstants.END_DOCUMENT) {
          Location l = x.getLocation();
          problems.add(
              Problem.error(
                  source,
                  l.getLineNumber(),
                  Math.max(1, l.getColumnNumber()),
                  "",
                  "document has no root element"));
          throw new Abort();
        }
      }
      sawRoot = true;
      Elem root = open(null);
      ParseResult result;
      if (root.namespaced) {
        result = wrongRoot(root);
      } else if (root.name.equals("report")) {
        Report report = report(root);
        close(root);
        result = finish(new ParseResult.ReportParsed(report, List.of()));
      } else if (root.name.equals("fileDetails")) {
        // ReportedFile has no unknownElements: unknown content is named in warnings instead.
        keepsUnknowns = false;
        result = fileDetails(root);
        close(root);
      } else {
        result = wrongRoot(root);
      }
      // Trailing content must still be well-formed (a second root or garbage is an error).
      while (x.hasNext()) {
        x.next();
      }
      return hasErrors() ? new ParseResult.Rejected(problems) : result;
    }

    private ParseResult wrongRoot(Elem root) {
      error(
          root,
          root.path,
          "root element is <" + root.name + ">; expected <report> or <fileDetails>");
      return new ParseResult.Rejected(problems);
    }

    private ParseResult finish(ParseResult.ReportParsed parsed) {
      return new ParseResult.ReportParsed(parsed.report(), problems);
    }

    private boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    /** Creates the element at the current START_ELEMENT; {@code parent} null for the root. */
    private Elem open(@Nullable Elem parent) {
      XMLStreamReader x = r();
      String ns = x.getNamespaceURI();
      boolean namespaced = ns != null && !ns.isEmpty();
      String name =
          namespaced && x.getPrefix() != null && !x.getPrefix().isEmpty()
              ? x.getPrefix() + ":" + x.getLocalName()
              : x.getLocalName();
      String path;
      if (parent == null) {
        path = "/" + name;
      } else {
        int n = parent.childCounts.merge(name, 1, Integer::sum);
        path = parent.path + "/" + name + (n > 1 ? "[" + n + "]" : "");
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 0; i < x.getAttributeCount(); i++) {
        String ans = x.getAttributeNamespace(i);
        if (XSI.equals(ans)) {
          continue; // xsi:noNamespaceSchemaLocation and friends: transport metadata
        }
        String local = x.getAttributeLocalName(i);
        if (ans != null && !ans.isEmpty()) {
          String prefix = x.getAttributePrefix(i);
          local = (prefix == null || prefix.isEmpty() ? "{" + ans + "}" : prefix + ":") + local;
        }
        attrs.put(local, x.getAttributeValue(i));
      }
      Location l = x.getLocation();
      openPaths.push(path);
      return new Elem(name, path, l.getLineNumber(), l.getColumnNumber(), attrs, namespaced);
    }

    /** Pops the element (now at its END_ELEMENT) and reports attributes nobody asked for. */
    private void close(Elem e) {
      openPaths.pop();
      for (Map.Entry<String, String> a : e.attributes.entrySet()) {
        if (!e.consumed.contains(a.getKey())) {
          String path = e.attrPath(a.getKey());
          if (strict) {
            error(e, path, "unknown attribute '" + a.getKey() + "' on <" + e.name + ">");
          } else if (!keepsUnknowns) {
            warning(
                e,
                path,
                "unknown attribute '"
                    + a.getKey()
                    + "' is not stored, a file has no place for it: '"
                    + abbreviate(a.getValue())
                    + "'");
          } else {
            warning(e, path, "unknown attribute '" + a.getKey() + "' kept as unknown element");
            unknowns.add(new UnknownElement(path, a.getValue()));
          }
        }
      }
    }

    /**
     * Walks the children of {@code parent} (positioned at its START_ELEMENT) until its END_ELEMENT.
     * Known children go to {@code handler}, which must consume them to their END_ELEMENT.
     */
    private void eachChild(Elem parent, Type type, ChildHandler handler)
        throws XMLStreamException, Abort {
      XMLStreamReader x = r();
      int[] counts = new int[type.particles().size()];
      int pos = -1;
      String posName = "";
      while (true) {
        int ev = x.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            Elem c = open(parent);
            int idx = c.namespaced ? -1 : type.indexOf(c.name);
            if (idx < 0) {
              unknownChild(c, "unknown element <" + c.name + "> in <" + parent.name + ">");
              continue;
            }
            Particle p = type.particles().get(idx);
            counts[idx]++;
            boolean handle = true;
            if (strict) {
              if (!type.all() && idx < pos) {
                error(
                    c,
                    c.path,
                    "<"
                        + c.name
                        + "> is out of order in <"
                        + parent.name
                        + ">: the schema puts it before <"
                        + posName
                        + ">");
              } else if (idx > pos) {
                pos = idx;
                posName = c.name;
              }
              if (counts[idx] > p.max()) {
                error(
                    c,
                    c.path,
                    p.names().size() > 1
                        ? "only one of <" + String.join(">, <", p.names()) + "> is allowed here"
                        : "<" + c.name + "> may appear at most " + p.max() + " time(s) here");
              }
            } else if (counts[idx] > p.max() && !p.manyInModel()) {
              unknownChild(
                  c,
                  "<"
                      + c.name
                      + "> appears more than once in <"
                      + parent.name
                      + ">; the first is used");
              handle = false;
            }
            if (handle) {
              handler.handle(c);
              close(c);
            }
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!x.isWhiteSpace()) {
              strayText(parent, x.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> {
            entityReference(parent);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            for (int i = 0; i < counts.length; i++) {
              Particle p = type.particles().get(i);
              if (counts[i] < p.min()) {
                String reason = "<" + parent.name + "> is missing required " + p.display();
                if (strict || p.modelRequired()) {
                  error(parent, parent.path, reason);
                } else {
                  warning(parent, parent.path, reason);
                }
              }
            }
            return;
          }
          default -> {
            // comments and processing instructions carry no report content
          }
        }
      }
    }

    private void strayText(Elem parent, String text) throws Abort {
      String path = parent.path + "/text()";
      if (strict) {
        error(parent, path, "text is not allowed in <" + parent.name + ">");
      } else if (!keepsUnknowns) {
        warning(parent, path, "stray text in <" + parent.name + "> is not stored with a file");
      } else {
        warning(parent, path, "stray text in <" + parent.name + "> kept as unknown element");
        unknowns.add(new UnknownElement(path, text.strip()));
      }
    }

    private void entityReference(Elem parent) throws Abort {
      error(
          parent,
          parent.path,
          "entity reference &" + r().getLocalName() + "; is not allowed (entities are refused)");
      throw new Abort();
    }

    /** Consumes an unknown (or surplus) element: STRICT error, TOLERANT warning and keep. */
    private void unknownChild(Elem c, String reason) throws XMLStreamException, Abort {
      String content = capture(c);
      if (strict) {
        error(c, c.path, reason + " is not allowed");
      } else if (!keepsUnknowns) {
        warning(
            c,
            c.path,
            reason
                + "; not stored, a file has no place for unknown content: '"
                + abbreviate(content)
                + "'");
      } else {
        warning(c, c.path, reason + "; kept as unknown element");
        unknowns.add(new UnknownElement(c.path, content));
        for (Map.Entry<String, String> a : c.attributes.entrySet()) {
          unknowns.add(new UnknownElement(c.attrPath(a.getKey()), a.getValue()));
        }
      }
      c.consumed.addAll(c.attributes.keySet());
      close(c);
    }

    /**
     * Consumes {@code c} to its END_ELEMENT and returns its content: the text, or for mixed content
     * a compact XML rendering of the children.
     */
    private String capture(Elem c) throws XMLStreamException, Abort {
      XMLStreamReader x = r();
      StringBuilder sb = new StringBuilder();
      Deque<Elem> stack = new ArrayDeque<>();
      stack.push(c);
      while (true) {
        int ev = x.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            Elem child = open(stack.peek());
            sb.append('<').append(child.name);
            for (Map.Entry<String, String> a : child.attributes.entrySet()) {
              sb.append(' ').append(a.getKey()).append("=\"");
              escape(sb, a.getValue(), true);
              sb.append('"');
            }
            sb.append('>');
            stack.push(child);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Elem done = stack.pop();
            if (done == c) {
              return stack.isEmpty() && sb.indexOf("<") < 0 ? sb.toString().strip() : sb.toString();
            }
            openPaths.pop();
            sb.append("</").append(done.name).append('>');
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            escapeIfNested(sb, x.getText(), stack.size() > 1 || sb.indexOf("<") >= 0);
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> entityReference(stack.peek());
          default -> {}
        }
        if (sb.length() > limits.maxTextLength()) {
          error(c, c.path, "content is longer than " + limits.maxTextLength() + " characters");
          throw new Abort();
        }
      }
    }

    private static void escapeIfNested(StringBuilder sb, String text, boolean nested) {
      if (nested) {
        escape(sb, text, false);
      } else {
        sb.append(text);
      }
    }

    private static void escape(StringBuilder sb, String text, boolean attribute) {
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        switch (ch) {
          case '<' -> sb.append("&lt;");
          case '&' -> sb.append("&amp;");
          case '"' -> sb.append(attribute ? "&quot;" : "\"");
          default -> sb.append(ch);
        }
      }
    }

    /** Reads a text-only element to its END_ELEMENT; nested elements are unknown content. */
    private String text(Elem e) throws XMLStreamException, Abort {
      XMLStreamReader x = r();
      StringBuilder sb = new StringBuilder();
      while (true) {
        int ev = x.next();
        switch (ev) {
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            sb.append(x.getText());
            if (sb.length() > limits.maxTextLength()) {
              error(e, e.path, "text is longer than " + limits.maxTextLength() + " characters");
              throw new Abort();
            }
          }
          case XMLStreamConstants.START_ELEMENT -> {
            Elem c = open(e);
            unknownChild(c, "element <" + c.name + "> inside text element <" + e.name + ">");
          }
          case XMLStreamConstants.ENTITY_REFERENCE -> entityReference(e);
          case XMLStreamConstants.END_ELEMENT -> {
            return sb.toString();
          }
          default -> {}
        }
      }
    }

    /** An element whose content must be empty (e.g. {@code batchedReport}). */
    private void empty(Elem e) throws XMLStreamException, Abort {
      String t = text(e);
      if (!t.isBlank()) {
        strayText(e, t);
      }
    }

    // ---------------------------------------------------------------- problems

    private void error(Elem e, String path, String reason) {
      problems.add(Problem.error(source, e.line, e.column, path, reason));
    }

    private void warning(Elem e, String path, String reason) {
      problems.add(Problem.warning(source, e.line, e.column, path, reason));
    }

    /** STRICT: error; TOLERANT: warning. */
    private void strictError(Elem e, String path, String reason) {
      if (strict) {
        error(e, path, reason);
      } else {
        warning(e, path, reason);
      }
    }

    // ---------------------------------------------------------------- typed values

    private TriState bool(Elem e) throws XMLStreamException, Abort {
      return boolValue(e, e.path, text(e));
    }

    private TriState boolValue(Elem e, String path, @Nullable String raw) {
      if (raw == null) {
        return TriState.UNKNOWN;
      }
      return switch (raw.strip()) {
        case "true", "1" -> TriState.TRUE;
        case "false", "0" -> TriState.FALSE;
        default -> {
          error(e, path, "'" + raw + "' is not a boolean (true, false, 1 or 0)");
          yield TriState.UNKNOWN;
        }
      };
    }

    /** A fixed-true annotation flag: {@code <x/>} or {@code <x>true</x>}. */
    private boolean flag(Elem e) throws XMLStreamException, Abort {
      String v = text(e).strip();
      return switch (v) {
        case "", "true", "1" -> true;
        case "false", "0" -> {
          strictError(
              e,
              e.path,
              "flag <"
                  + e.name
                  + "> is '"
                  + v
                  + "' but its fixed value is true; omit the element to say no"
                  + (strict ? "" : " (flag ignored)"));
          yield false;
        }
        default -> {
          error(e, e.path, "flag <" + e.name + "> has '" + v + "', expected empty or true");
          yield false;
        }
      };
    }

    private @Nullable ReportedTime time(Elem e) throws XMLStreamException, Abort {
      return timeValue(e, e.path, text(e));
    }

    private @Nullable ReportedTime timeValue(Elem e, String path, @Nullable String raw) {
      if (raw == null) {
        return null;
      }
      String v = raw.strip();
      ReportedTime t;
      try {
        t = ReportedTime.parse(v);
      } catch (DateTimeParseException ex) {
        error(e, path, "'" + v + "' is not an xs:dateTime (e.g. 2025-03-14T21:07:31Z)");
        return null;
      }
      if (!t.zoneKnown()) {
        if (strict) {
          error(e, path, "time '" + v + "' has no zone; write UTC with Z or an offset");
        } else {
          warning(e, path, "time '" + v + "' has no zone; kept with the zone unknown");
        }
      }
      return t;
    }

    private @Nullable String date(Elem e) throws XMLStreamException, Abort {
      String v = text(e).strip();
      var m = XS_DATE.matcher(v);
      if (m.matches()) {
        try {
          LocalDate.parse(m.group(1));
          return v;
        } catch (DateTimeParseException ex) {
          // fall through to the error
        }
      }
      error(e, e.path, "'" + v + "' is not an xs:date (e.g. 2009-05-17)");
      return null;
    }

    private <E extends Enum<E> & WireValue> @Nullable E enumValue(
        Elem e, String path, Class<E> type, String typeName, @Nullable String raw) {
      if (raw == null) {
        return null;
      }
      String v = raw.strip();
      Optional<E> found = WireValue.parse(type, v);
      if (found.isEmpty()) {
        String allowed =
            Arrays.stream(type.getEnumConstants())
                .map(c -> "'" + c.wire() + "'")
                .collect(Collectors.joining(", "));
        error(e, path, "unknown " + typeName + " '" + v + "'; expected one of " + allowed);
        return null;
      }
      return found.get();
    }

    private <E extends Enum<E> & WireValue> @Nullable E enumText(
        Elem e, Class<E> type, String typeName) throws XMLStreamException, Abort {
      return enumValue(e, e.path, type, typeName, text(e));
    }

    private @Nullable Long longValue(Elem e) throws XMLStreamException, Abort {
      String v = text(e).strip();
      try {
        return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
      } catch (NumberFormatException ex) {
        error(e, e.path, "'" + v + "' is not a whole number (xs:long)");
        return null;
      }
    }

    private @Nullable Integer intValue(Elem e) throws XMLStreamException, Abort {
      String v = text(e).strip();
      try {
        return Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
      } catch (NumberFormatException ex) {
        error(e, e.path, "'" + v + "' is not a whole number (xs:int)");
        return null;
      }
    }

    private @Nullable Double doubleValue(Elem e) throws XMLStreamException, Abort {
      String v = text(e).strip();
      try {
        if (!v.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
          throw new NumberFormatException(v);
        }
        return Double.parseDouble(v);
      } catch (NumberFormatException ex) {
        error(e, e.path, "'" + v + "' is not a number (xs:double)");
        return null;
      }
    }

    private @Nullable Integer port(Elem e) throws XMLStreamException, Abort {
      Integer p = intValue(e);
      if (p != null && (p < 0 || p > 65535)) {
        error(e, e.path, "port " + p + " is outside 0..65535");
        return null;
      }
      return p;
    }

    private @Nullable String country(Elem e, String path, @Nullable String raw) {
      if (raw == null) {
        return null;
      }
      String v = raw.strip();
      if (!EspXmlSchema.COUNTRIES.contains(v)) {
        error(
            e,
            path,
            "unknown country code '"
                + v
                + "'; expected ISO 3166-1 alpha-2 (GB, not UK) or a legacy code");
        return null;
      }
      return v;
    }

    // ---------------------------------------------------------------- report

    private Report report(Elem root) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          root,
          EspXmlSchema.REPORT,
          c -> {
            switch (c.name) {
              case "batchedReport" -> {
                String reason = c.attr("reason");
                if (reason == null) {
                  strictError(c, c.attrPath("reason"), "<batchedReport> needs a reason attribute");
                }
                f.put(
                    c.name,
                    enumValue(
                        c,
                        c.attrPath("reason"),
                        BatchedReportReason.class,
                        "batchedReportReason",
                        reason));
                empty(c);
              }
              case "incidentSummary" -> f.put(c.name, incidentSummary(c));
              case "internetDetails" -> internetDetails(c, f);
              case "lawEnforcement" -> f.put(c.name, lawEnforcement(c));
              case "reporter" -> f.put(c.name, reporter(c));
              case "personOrUserReported" ->
                  f.put(c.name, user(c, UserRole.REPORTED, EspXmlSchema.PERSON_OR_USER_REPORTED));
              case "intendedRecipient" ->
                  f.put(
                      c.name,
                      user(c, UserRole.INTENDED_RECIPIENT, EspXmlSchema.INTENDED_RECIPIENT));
              case "victim" -> f.put(c.name, user(c, UserRole.VICTIM, EspXmlSchema.VICTIM));
              case "additionalInfo" -> f.put(c.name, text(c));
              default -> throw new IllegalStateException(c.name);
            }
          });
      List<InternetDetail> details = f.all("internetDetails", InternetDetail.class);
      if (strict && root.childCounts.getOrDefault("internetDetails", 0) == 0) {
        error(
            root,
            root.path,
            "a report needs at least one <internetDetails> (documented rule, reference §2.10)");
      }
      return new Report(
          SourceFormat.ESP_XML_REPORT,
          Optional.empty(),
          Optional.empty(),
          f.one("batchedReport", BatchedReportReason.class),
          f.one("incidentSummary", IncidentSummary.class)
              .orElse(
                  new IncidentSummary(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Set.of(),
                      Optional.empty(),
                      Optional.empty())),
          details,
          f.one("lawEnforcement", LawEnforcement.class),
          f.one("reporter", Reporter.class),
          f.all("personOrUserReported", ReportedUser.class),
          f.all("intendedRecipient", ReportedUser.class),
          f.all("victim", ReportedUser.class),
          List.of(),
          f.all("additionalInfo", String.class),
          unknowns);
    }

    private IncidentSummary incidentSummary(Elem e) throws XMLStreamException, Abort {
      Fields f = new Fields();
      EnumSet<ReportAnnotation> annotations = EnumSet.noneOf(ReportAnnotation.class);
      eachChild(
          e,
          EspXmlSchema.INCIDENT_SUMMARY,
          c -> {
            switch (c.name) {
              case "incidentType" -> f.put(c.name, enumText(c, IncidentType.class, "incidentType"));
              case "platform", "escalateToHighPriority", "incidentDateTimeDescription" ->
                  f.put(c.name, text(c));
              case "reportAnnotations" ->
                  eachChild(
                      c,
                      EspXmlSchema.REPORT_ANNOTATIONS,
                      a -> {
                        if (flag(a)) {
                          WireValue.parse(ReportAnnotation.class, a.name)
                              .ifPresent(annotations::add);
                        }
                      });
              case "incidentDateTime" -> f.put(c.name, time(c));
              default -> throw new IllegalStateException(c.name);
            }
          });
      return new IncidentSummary(
          f.one("incidentType", IncidentType.class),
          f.str("platform"),
          f.str("escalateToHighPriority"),
          annotations,
          f.time("incidentDateTime"),
          f.str("incidentDateTimeDescription"));
    }

    private void internetDetails(Elem e, Fields out) throws XMLStreamException, Abort {
      eachChild(
          e,
          EspXmlSchema.INTERNET_DETAILS,
          c -> {
            Fields f = new Fields();
            InternetDetail d =
                switch (c.name) {
                  case "webPageIncident" -> {
                    TriState third =
                        boolValue(
                            c,
                            c.attrPath("thirdPartyHostedContent"),
                            c.attr("thirdPartyHostedContent"));
                    textChildren(c, EspXmlSchema.WEB_PAGE, f);
                    yield new InternetDetail.WebPage(
                        third, f.all("url", String.class), f.str("additionalInfo"));
                  }
                  case "emailIncident" -> {
                    eachChild(
                        c,
                        EspXmlSchema.EMAIL_INCIDENT,
                        g -> f.put(g.name, g.name.equals("emailAddress") ? email(g) : text(g)));
                    yield new InternetDetail.EmailIncident(
                        f.all("emailAddress", Email.class),
                        f.str("content"),
                        f.str("additionalInfo"));
                  }
                  case "newsgroupIncident" -> {
                    eachChild(
                        c,
                        EspXmlSchema.NEWSGROUP,
                        g -> f.put(g.name, g.name.equals("emailAddress") ? email(g) : text(g)));
                    yield new InternetDetail.Newsgroup(
                        f.str("name"),
                        f.all("emailAddress", Email.class),
                        f.str("content"),
                        f.str("additionalInfo"));
                  }
                  case "chatImIncident" -> {
                    textChildren(c, EspXmlSchema.CHAT_IM, f);
                    yield new InternetDetail.ChatIm(
                        f.str("chatClient"),
                        f.str("chatRoomName"),
                        f.str("content"),
                        f.str("additionalInfo"));
                  }
                  case "onlineGamingIncident" -> {
                    textChildren(c, EspXmlSchema.ONLINE_GAMING, f);
                    yield new InternetDetail.OnlineGaming(
                        f.str("gameName"),
                        f.str("console"),
                        f.str("content"),
                        f.str("additionalInfo"));
                  }
                  case "cellPhoneIncident" -> {
                    eachChild(
                        c,
                        EspXmlSchema.CELL_PHONE,
                        g -> {
                          switch (g.name) {
                            case "phoneNumber" -> f.put(g.name, phone(g));
                            case "latitude", "longitude" -> f.put(g.name, doubleValue(g));
                            default -> f.put(g.name, text(g));
                          }
                        });
                    yield new InternetDetail.CellPhone(
                        f.one("phoneNumber", Phone.class),
                        f.dbl("latitude"),
                        f.dbl("longitude"),
                        f.str("additionalInfo"));
                  }
                  case "nonInternetIncident" -> {
                    eachChild(
                        c,
                        EspXmlSchema.NON_INTERNET,
                        g ->
                            f.put(g.name, g.name.equals("incidentAddress") ? address(g) : text(g)));
                    yield new InternetDetail.NonInternet(
                        f.str("locationName"),
                        f.all("incidentAddress", Address.class),
                        f.str("additionalInfo"));
                  }
                  case "peer2peerIncident" -> {
                    eachChild(
                        c,
                        EspXmlSchema.PEER_TO_PEER,
                        g ->
                            f.put(
                                g.name,
                                g.name.equals("ipCaptureEvent") ? ipCaptureEvent(g) : text(g)));
                    yield new InternetDetail.PeerToPeer(
                        f.str("client"),
                        f.all("ipCaptureEvent", IpCaptureEvent.class),
                        f.str("fileNames"),
                        f.str("additionalInfo"));
                  }
                  default -> throw new IllegalStateException(c.name);
                };
            out.put("internetDetails", d);
          });
    }

    /** All children of the type are plain text. */
    private void textChildren(Elem e, Type type, Fields f) throws XMLStreamException, Abort {
      eachChild(e, type, c -> f.put(c.name, text(c)));
    }

    private LawEnforcement lawEnforcement(Elem e) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.LAW_ENFORCEMENT,
          c -> {
            switch (c.name) {
              case "agencyName", "caseNumber" -> f.put(c.name, text(c));
              case "officerContact" -> f.put(c.name, person(c, EspXmlSchema.CONTACT_PERSON));
              case "reportedToLe", "servedLegalProcessDomestic" -> f.put(c.name, bool(c));
              case "servedLegalProcessInternational" -> {
                f.put("fleaCountry", country(c, c.attrPath("fleaCountry"), c.attr("fleaCountry")));
                f.put(c.name, bool(c));
              }
              default -> throw new IllegalStateException(c.name);
            }
          });
      return new LawEnforcement(
          f.strOrEmpty("agencyName"),
          f.str("caseNumber"),
          f.one("officerContact", Person.class),
          f.tri("reportedToLe"),
          f.tri("servedLegalProcessDomestic"),
          f.tri("servedLegalProcessInternational"),
          f.str("fleaCountry"));
    }

    private Reporter reporter(Elem e) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.REPORTER,
          c -> {
            switch (c.name) {
              case "reportingPerson" -> f.put(c.name, person(c, EspXmlSchema.PERSON));
              case "contactPerson" -> f.put(c.name, person(c, EspXmlSchema.CONTACT_PERSON));
              default -> f.put(c.name, text(c));
            }
          });
      return new Reporter(
          Optional.empty(),
          f.one("reportingPerson", Person.class),
          f.one("contactPerson", Person.class),
          f.str("companyTemplate"),
          f.str("termsOfService"),
          f.str("legalURL"));
    }

    /** {@code person} or {@code contactPerson} (the latter has no age and no date of birth). */
    private Person person(Elem e, Type type) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          e,
          type,
          c -> {
            switch (c.name) {
              case "firstName", "lastName" -> f.put(c.name, text(c));
              case "phone" -> f.put(c.name, phone(c));
              case "email" -> f.put(c.name, email(c));
              case "address" -> f.put(c.name, address(c));
              case "age" -> f.put(c.name, intValue(c));
              case "ageAssertionDiscrepancy" -> f.put(c.name, bool(c));
              case "dateOfBirth" -> f.put(c.name, date(c));
              default -> throw new IllegalStateException(c.name);
            }
          });
      return new Person(
          f.str("firstName"),
          Optional.empty(),
          f.str("lastName"),
          f.all("phone", Phone.class),
          f.all("email", Email.class),
          f.all("address", Address.class),
          f.integer("age"),
          f.str("dateOfBirth"),
          f.tri("ageAssertionDiscrepancy"));
    }

    private Phone phone(Elem e) throws XMLStreamException, Abort {
      PhoneType type =
          enumValue(e, e.attrPath("type"), PhoneType.class, "phoneType", e.attr("type"));
      TriState verified = boolValue(e, e.attrPath("verified"), e.attr("verified"));
      ReportedTime vd = timeValue(e, e.attrPath("verificationDate"), e.attr("verificationDate"));
      String cc = e.attr("countryCallingCode");
      if (cc != null && !CALLING_CODE.matcher(cc).matches()) {
        strictError(
            e,
            e.attrPath("countryCallingCode"),
            "countryCallingCode '" + cc + "' does not match +[0-9]{1,3}");
      }
      String ext = e.attr("extension");
      if (ext != null && !DIGITS.matcher(ext).matches()) {
        strictError(e, e.attrPath("extension"), "extension '" + ext + "' is not all digits");
      }
      return new Phone(
          text(e),
          Optional.ofNullable(type),
          verified,
          Optional.ofNullable(vd),
          Optional.ofNullable(cc),
          Optional.ofNullable(ext));
    }

    private Email email(Elem e) throws XMLStreamException, Abort {
      EmailType type =
          enumValue(e, e.attrPath("type"), EmailType.class, "emailType", e.attr("type"));
      TriState verified = boolValue(e, e.attrPath("verified"), e.attr("verified"));
      ReportedTime vd = timeValue(e, e.attrPath("verificationDate"), e.attr("verificationDate"));
      return new Email(text(e), Optional.ofNullable(type), verified, Optional.ofNullable(vd));
    }

    private Address address(Elem e) throws XMLStreamException, Abort {
      AddressType type =
          enumValue(e, e.attrPath("type"), AddressType.class, "addressType", e.attr("type"));
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.ADDRESS,
          c -> {
            switch (c.name) {
              case "state" -> {
                String v = text(c).strip();
                if (!EspXmlSchema.US_STATES.contains(v)) {
                  error(
                      c,
                      c.path,
                      "unknown US state code '" + v + "'; use <nonUsaState> outside the US");
                } else {
                  f.put(c.name, v);
                }
              }
              case "country" -> f.put(c.name, country(c, c.path, text(c)));
              default -> f.put(c.name, text(c));
            }
          });
      return new Address(
          Optional.ofNullable(type),
          f.all("address", String.class),
          f.str("city"),
          f.str("zipCode"),
          f.str("state"),
          f.str("nonUsaState"),
          f.str("country"));
    }

    private IpCaptureEvent ipCaptureEvent(Elem e) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.IP_CAPTURE_EVENT,
          c -> {
            switch (c.name) {
              case "ipAddress" -> {
                String raw = text(c).strip();
                Optional<String> canonical = IpAddresses.canonical(raw);
                if (canonical.isEmpty()) {
                  error(c, c.path, "'" + raw + "' is not an IPv4 or IPv6 address literal");
                } else {
                  f.put("ipAddress", canonical.get());
                  if (!canonical.get().equals(raw)) {
                    f.put("rawIpAddress", raw);
                  }
                }
              }
              case "eventName" -> f.put(c.name, enumText(c, IpCaptureType.class, "ipCaptureType"));
              case "dateTime" -> f.put(c.name, time(c));
              case "possibleProxy" -> f.put(c.name, bool(c));
              case "port" -> f.put(c.name, port(c));
              default -> throw new IllegalStateException(c.name);
            }
          });
      return new IpCaptureEvent(
          f.strOrEmpty("ipAddress"),
          f.str("rawIpAddress"),
          f.one("eventName", IpCaptureType.class),
          f.time("dateTime"),
          f.tri("possibleProxy"),
          f.integer("port"));
    }

    private DeviceId deviceId(Elem e) throws XMLStreamException, Abort {
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.DEVICE_ID,
          c -> {
            switch (c.name) {
              case "idType", "idValue" -> f.put(c.name, text(c));
              case "eventName" -> f.put(c.name, enumText(c, IpCaptureType.class, "ipCaptureType"));
              case "dateTime" -> f.put(c.name, time(c));
              default -> throw new IllegalStateException(c.name);
            }
          });
      return new DeviceId(
          f.strOrEmpty("idType"),
          f.strOrEmpty("idValue"),
          f.one("eventName", IpCaptureType.class),
          f.time("dateTime"));
    }

    private AccountDisabled accountDisabled(Elem e, boolean temporary)
        throws XMLStreamException, Abort {
      ReportedTime disabledDate = timeValue(e, e.attrPath("disabledDate"), e.attr("disabledDate"));
      TriState notified = boolValue(e, e.attrPath("userNotified"), e.attr("userNotified"));
      ReportedTime notifiedDate =
          timeValue(e, e.attrPath("userNotifiedDate"), e.attr("userNotifiedDate"));
      ReportedTime reenabled =
          temporary ? timeValue(e, e.attrPath("reenabledDate"), e.attr("reenabledDate")) : null;
      return new AccountDisabled(
          bool(e),
          Optional.ofNullable(disabledDate),
          notified,
          Optional.ofNullable(notifiedDate),
          Optional.ofNullable(reenabled));
    }

    private EstimatedLocation estimatedLocation(Elem e) throws XMLStreamException, Abort {
      TriState verified = boolValue(e, e.attrPath("verified"), e.attr("verified"));
      ReportedTime ts = timeValue(e, e.attrPath("timestamp"), e.attr("timestamp"));
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.ESTIMATED_LOCATION,
          c -> f.put(c.name, c.name.equals("countryCode") ? country(c, c.path, text(c)) : text(c)));
      return new EstimatedLocation(
          f.str("city"), f.str("region"), f.str("countryCode"), verified, Optional.ofNullable(ts));
    }

    /** Children shared by the user blocks and the associated account. */
    private boolean commonUserChild(Elem c, Fields f) throws XMLStreamException, Abort {
      switch (c.name) {
        case "vehicleDescription",
            "espIdentifier",
            "espService",
            "screenName",
            "displayName",
            "profileUrl",
            "profileBio",
            "schoolName",
            "groupIdentifier",
            "additionalInfo",
            "firstName",
            "middleName",
            "lastName" ->
            f.put(c.name, text(c));
        case "compromisedAccount", "thirdPartyUserReported", "allEmailsReported" ->
            f.put(c.name, bool(c));
        case "ipCaptureEvent" -> f.put(c.name, ipCaptureEvent(c));
        case "deviceId" -> f.put(c.name, deviceId(c));
        case "priorCTReports", "priorCTReport" -> f.put("priorCTReports", longValue(c));
        case "accountTemporarilyDisabled" -> f.put(c.name, accountDisabled(c, true));
        case "accountPermanentlyDisabled" -> f.put(c.name, accountDisabled(c, false));
        case "estimatedLocation" -> f.put(c.name, estimatedLocation(c));
        case "phone" -> f.put(c.name, phone(c));
        case "email" -> f.put(c.name, email(c));
        case "address" -> f.put(c.name, address(c));
        default -> {
          return false;
        }
      }
      return true;
    }

    private ReportedUser user(Elem e, UserRole role, Type type) throws XMLStreamException, Abort {
      Fields f = new Fields();
      String personElement = type.particles().get(0).names().get(0);
      eachChild(
          e,
          type,
          c -> {
            if (c.name.equals(personElement)) {
              f.put("person", person(c, EspXmlSchema.PERSON));
            } else if (c.name.equals("associatedAccount")) {
              f.put(c.name, associatedAccount(c));
            } else if (!commonUserChild(c, f)) {
              throw new IllegalStateException(c.name);
            }
          });
      return new ReportedUser(
          role,
          f.one("person", Person.class),
          f.str("vehicleDescription"),
          f.str("espIdentifier"),
          f.str("espService"),
          f.tri("compromisedAccount"),
          f.str("screenName"),
          f.all("displayName", String.class),
          f.all("profileUrl", String.class),
          f.str("profileBio"),
          f.all("ipCaptureEvent", IpCaptureEvent.class),
          f.all("deviceId", DeviceId.class),
          f.tri("thirdPartyUserReported"),
          f.str("schoolName"),
          f.all("priorCTReports", Long.class),
          f.str("groupIdentifier"),
          f.one("accountTemporarilyDisabled", AccountDisabled.class),
          f.one("accountPermanentlyDisabled", AccountDisabled.class),
          f.one("estimatedLocation", EstimatedLocation.class),
          f.tri("allEmailsReported"),
          f.all("associatedAccount", AssociatedAccount.class),
          f.all("additionalInfo", String.class),
          List.of());
    }

    private AssociatedAccount associatedAccount(Elem e) throws XMLStreamException, Abort {
      String rawType = e.attr("type");
      if (rawType == null) {
        strictError(e, e.attrPath("type"), "<associatedAccount> needs a type attribute");
      }
      AssociatedAccountType type =
          enumValue(
              e, e.attrPath("type"), AssociatedAccountType.class, "associatedAccountType", rawType);
      Fields f = new Fields();
      eachChild(
          e,
          EspXmlSchema.ASSOCIATED_ACCOUNT,
          c -> {
            switch (c.name) {
              case "platform" -> {
                f.put(
                    "thirdPartyUser",
                    boolValue(c, c.attrPath("thirdPartyUser"), c.attr("thirdPartyUser")));
                f.put(c.name, text(c));
              }
              case "approximateAge" -> f.put(c.name, intValue(c));
              case "dateOfBirth" -> f.put(c.name, date(c));
              default -> {
                if (!commonUserChild(c, f)) {
                  throw new IllegalStateException(c.name);
                }
              }
            }
          });
      return new AssociatedAccount(
          Optional.ofNullable(type),
          f.str("platform"),
          f.tri("thirdPartyUser"),
          f.str("firstName"),
          f.str("middleName"),
          f.str("lastName"),
          f.integer("approximateAge"),
          f.str("dateOfBirth"),
          f.all("phone", Phone.class),
          f.all("email", Email.class),
          f.tri("allEmailsReported"),
          f.all("address", Address.class),
          f.str("espService"),
          f.str("espIdentifier"),
          f.all("profileUrl", String.class),
          f.str("screenName"),
          f.all("displayName", String.class),
          f.str("profileBio"),
          f.str("groupIdentifier"),
          f.tri("compromisedAccount"),
          f.one("accountTemporarilyDisabled", AccountDisabled.class),
          f.one("accountPermanentlyDisabled", AccountDisabled.class),
          f.all("ipCaptureEvent", IpCaptureEvent.class),
          f.all("deviceId", DeviceId.class),
          f.all("priorCTReports", Long.class),
          f.str("additionalInfo"));
    }

    // ---------------------------------------------------------------- fileDetails

    private ParseResult fileDetails(Elem root) throws XMLStreamException, Abort {
      Fields f = new Fields();
      EnumSet<FileAnnotation> annotations = EnumSet.noneOf(FileAnnotation.class);
      List<FileHash> originals = new ArrayList<>();
      List<FileHash> fromDetails = new ArrayList<>();
      Elem[] legacyMeme = new Elem[1];
      Elem[] relevanceAt = {root};
      eachChild(
          root,
          EspXmlSchema.FILE_DETAILS,
          c -> {
            switch (c.name) {
              case "reportId" -> f.put(c.name, longValue(c));
              case "fileId", "fileName", "originalFileName", "locationOfFile", "additionalInfo" ->
                  f.put(c.name, text(c));
              case "uploadedToEspTimestamp" -> f.put(c.name, time(c));
              case "fileViewedByEsp", "exifViewedByEsp", "publiclyAvailable" ->
                  f.put(c.name, bool(c));
              case "fileRelevance" -> {
                relevanceAt[0] = c;
                f.put(c.name, enumText(c, FileRelevance.class, "fileRelevance"));
              }
              case "potentialMeme" -> {
                legacyMeme[0] = c;
                if (bool(c).isTrue()) {
                  annotations.add(FileAnnotation.POTENTIAL_MEME);
                }
              }
              case "fileAnnotations" -> {
                eachChild(
                    c,
                    EspXmlSchema.FILE_ANNOTATIONS,
                    a -> {
                      if (flag(a)) {
                        WireValue.parse(FileAnnotation.class, a.name).ifPresent(annotations::add);
                      }
                    });
              }
              case "industryClassification" ->
                  f.put(c.name, enumText(c, IndustryClassification.class, "fileClassification"));
              case "originalFileHash" -> {
                String label = c.attr("hashType");
                String value = text(c).strip();
                if (label == null) {
                  error(c, c.attrPath("hashType"), "<originalFileHash> needs a hashType attribute");
                } else {
                  HashAlgorithm alg = HashAlgorithm.fromLabel(label);
                  checkHash(c, alg, value);
                  originals.add(new FileHash(alg, label, value, HashOrigin.ESP_ORIGINAL));
                }
              }
              case "ipCaptureEvent" -> f.put(c.name, ipCaptureEvent(c));
              case "deviceId" -> f.put(c.name, deviceId(c));
              case "details" -> {
                FileMetadata md = details(c);
                f.put(c.name, md);
                if (md.type().equals(Optional.of(MetadataType.HASH))) {
                  for (NameValue nv : md.pairs()) {
                    HashAlgorithm alg = HashAlgorithm.fromLabel(nv.name());
                    if (alg != HashAlgorithm.OTHER) {
                      fromDetails.add(
                          new FileHash(alg, nv.name(), nv.value(), HashOrigin.ESP_DETAILS));
                    }
                  }
                }
              }
              default -> throw new IllegalStateException(c.name);
            }
          });
      Optional<FileRelevance> relevance = f.one("fileRelevance", FileRelevance.class);
      if (relevance.equals(Optional.of(FileRelevance.SUPPLEMENTAL_REPORTED))) {
        if (legacyMeme[0] != null || annotations.contains(FileAnnotation.POTENTIAL_MEME)) {
          strictError(
              relevanceAt[0],
              relevanceAt[0].path,
              "a 'Supplemental Reported' file may not carry potentialMeme");
        }
        if (f.one("industryClassification", IndustryClassification.class).isPresent()) {
          strictError(
              relevanceAt[0],
              relevanceAt[0].path,
              "a 'Supplemental Reported' file may not carry an industryClassification");
        }
      }
      List<FileHash> hashes = new ArrayList<>(originals);
      hashes.addAll(fromDetails);
      ReportedFile file =
          new ReportedFile(
              f.str("fileId"),
              f.str("fileName"),
              f.str("originalFileName"),
              f.time("uploadedToEspTimestamp"),
              f.str("locationOfFile"),
              f.tri("fileViewedByEsp"),
              f.tri("exifViewedByEsp"),
              f.tri("publiclyAvailable"),
              relevance,
              annotations,
              f.one("industryClassification", IndustryClassification.class),
              hashes,
              f.all("ipCaptureEvent", IpCaptureEvent.class),
              f.all("deviceId", DeviceId.class),
              f.all("details", FileMetadata.class),
              f.all("additionalInfo", String.class),
              List.of());
      Optional<Long> reportId = f.one("reportId", Long.class);
      if (reportId.isEmpty() || hasErrors()) {
        return new ParseResult.Rejected(problems);
      }
      return new ParseResult.FileDetailsParsed(Long.toString(reportId.get()), file, problems);
    }

    private static String abbreviate(String s) {
      return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private void checkHash(Elem e, HashAlgorithm alg, String value) {
      if (alg.hexLength() > 0
          && (value.length() != alg.hexLength() || !value.matches("[0-9a-fA-F]*"))) {
        strictError(
            e,
            e.path,
            alg + " hash '" + abbreviate(value) + "' is not " + alg.hexLength() + " hex digits");
      }
    }

    private FileMetadata details(Elem e) throws XMLStreamException, Abort {
      MetadataType type =
          enumValue(e, e.attrPath("type"), MetadataType.class, "metadataTypes", e.attr("type"));
      List<NameValue> pairs = new ArrayList<>();
      eachChild(
          e,
          EspXmlSchema.DETAILS,
          c -> {
            Fields f = new Fields();
            textChildren(c, EspXmlSchema.NAME_VALUE_PAIR, f);
            pairs.add(new NameValue(f.strOrEmpty("name"), f.strOrEmpty("value")));
          });
      return new FileMetadata(Optional.ofNullable(type), pairs);
    }
  }
}
