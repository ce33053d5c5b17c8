package org.tiptrace.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Target (b), ESP XML: the worked {@code report} or {@code fileDetails} of cybertip-esp-xml.md §6
 * edited up to eight times by the fuzzer (remove, duplicate, swap, move, rename, retext an element;
 * add a child; set or drop attributes), names and values from {@code esp-xml.dict}, then written
 * out with a prologue the fuzzer also picks: none, a lying encoding, XML 1.1, an internal entity, a
 * nested-entity expansion bomb, an external entity, a byte-order mark.
 *
 * <p>It goes through {@link DocumentReaders#standard()}, so it fuzzes whichever ESP XML reader the
 * build has: the placeholder now, the Woodstox reader once merged, with no change here. The empty
 * input is the unedited worked {@code report}.
 */
class EspXmlStructureFuzzTest {
  private static final DocumentReaders READERS = DocumentReaders.standard();
  private static final FuzzDictionary DICT = FuzzDictionary.load(FuzzDictionary.ESP_XML);
  private static final List<String> ELEMENTS = DICT.get("elem");
  private static final List<String> ATTRIBUTES = DICT.get("attr");
  private static final List<String> VALUES = DICT.get("value");
  private static final Document REPORT = load("esp-report.xml");
  private static final Document FILE_DETAILS = load("esp-fileDetails.xml");

  @DictionaryFile(resourcePath = FuzzDictionary.ESP_XML)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "3m")
  void mutatedDocument(FuzzedDataProvider data) {
    IntakeInvariants.check(READERS, document(data));
  }

  /**
   * Both worked examples are schema-valid, so a real ESP XML reader must accept them in both modes.
   * Skipped while the build has the placeholder reader, which rejects everything.
   */
  @Test
  void templatesAreAcceptedUnedited() {
    for (Document template : List.of(REPORT, FILE_DETAILS)) {
      byte[] bytes = write(template, Prologue.DECLARATION, -1, false);
      for (ParseMode mode : ParseMode.values()) {
        ParseResult result =
            READERS.read(IntakeInvariants.SOURCE, bytes, mode, IntakeLimits.DEFAULT);
        Assumptions.assumeFalse(
            result.problems().stream()
                .anyMatch(p -> p.reason().equals("reader not yet implemented")),
            "the ESP XML reader is still the placeholder");
        assertThat(IntakeInvariants.accepted(result))
            .as("%s: %s", mode, IntakeInvariants.messages(result.problems()))
            .isTrue();
      }
    }
  }

  /** The mutator really edits, and the empty input is the worked report as written. */
  @Test
  void editsChangeTheDocument() {
    String unedited = text(new int[0]);
    assertThat(unedited)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report ")
        .contains("<incidentType>Child Pornography (possession, manufacture, and distribution)")
        .contains("<csamSolicitation/>")
        .endsWith("</report>\n");
    // One edit on element 1 (incidentSummary): operation 0, remove.
    assertThat(text(new int[] {0, 1, 1, 0}))
        .doesNotContain("incidentSummary")
        .contains("<reporter>");
    // No edit, prologue 6: the entity bomb, its reference placed in the first text.
    assertThat(text(new int[] {0, 0, 6, 0}))
        .contains("<!ENTITY l9 \"&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;&l8;\">")
        .contains("&l9;");
  }

  private static String text(int[] script) {
    return new String(document(new ReplayedData(script)), StandardCharsets.UTF_8);
  }

  static byte[] document(FuzzedDataProvider data) {
    Document doc = (Document) (data.consumeBoolean() ? FILE_DETAILS : REPORT).cloneNode(true);
    int edits = data.consumeInt(0, 8);
    for (int e = 0; e < edits; e++) {
      List<Element> elements = elements(doc);
      edit(doc, elements.get(data.consumeInt(0, elements.size() - 1)), elements, data);
    }
    Prologue prologue = Prologue.values()[data.consumeInt(0, Prologue.values().length - 1)];
    int entityAt = prologue.entity == null ? -1 : data.consumeInt(0, 200);
    return write(doc, prologue, entityAt, data.consumeBoolean());
  }

  private static List<Element> elements(Document doc) {
    List<Element> out = new ArrayList<>();
    collect(doc.getDocumentElement(), out);
    return out;
  }

  private static void collect(Element e, List<Element> out) {
    out.add(e);
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        collect(child, out);
      }
    }
  }

  private static void edit(Document doc, Element el, List<Element> all, FuzzedDataProvider data) {
    Node parent = el.getParentNode();
    boolean isRoot = parent == doc;
    switch (data.consumeInt(0, 9)) {
      case 0 -> {
        if (!isRoot) {
          parent.removeChild(el);
        }
      }
      case 1 -> {
        if (!isRoot) {
          parent.insertBefore(el.cloneNode(true), el.getNextSibling());
        }
      }
      case 2 -> {
        // Swap with the next element sibling: the schema's order rules.
        Node next = el.getNextSibling();
        while (next != null && !(next instanceof Element)) {
          next = next.getNextSibling();
        }
        if (next != null) {
          parent.insertBefore(next, el);
        }
      }
      case 3 -> el.setTextContent(data.pickValue(VALUES));
      case 4 -> el.setTextContent(data.consumeString(80));
      case 5 -> {
        Element child = doc.createElement(data.pickValue(ELEMENTS));
        if (data.consumeBoolean()) {
          child.setTextContent(data.pickValue(VALUES));
        }
        List<Node> kids = children(el);
        el.insertBefore(child, kids.isEmpty() ? null : data.pickValue(kids));
      }
      case 6 -> doc.renameNode(el, null, data.pickValue(ELEMENTS));
      case 7 -> el.setAttribute(data.pickValue(ATTRIBUTES), data.pickValue(VALUES));
      case 8 -> {
        NamedNodeMap attrs = el.getAttributes();
        while (attrs.getLength() > 0) {
          el.removeAttributeNode((Attr) attrs.item(0));
        }
        // Annotation flags: empty, true, false (invalid), 1, 0.
        el.setTextContent(data.pickValue(new String[] {"", "true", "false", "1", "0"}));
      }
      default -> {
        // Move under another element that is not inside this one.
        Element target = data.pickValue(all);
        if (!isRoot && target != el && !isAncestor(el, target)) {
          target.appendChild(el);
        }
      }
    }
  }

  private static boolean isAncestor(Node a, Node b) {
    for (Node n = b; n != null; n = n.getParentNode()) {
      if (n == a) {
        return true;
      }
    }
    return false;
  }

  private static List<Node> children(Element e) {
    List<Node> out = new ArrayList<>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      out.add(c);
    }
    return out;
  }

  /** What goes before the root element. */
  enum Prologue {
    DECLARATION("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", null),
    NONE("", null),
    LYING_LATIN1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", null),
    LYING_UTF16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", null),
    XML11("<?xml version=\"1.1\" encoding=\"UTF-8\"?>\n", null),
    INTERNAL_ENTITY(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE %s [<!ENTITY e \"Example &amp; Co\">]>\n", "e"),
    ENTITY_BOMB(bomb(), "l9"),
    EXTERNAL_ENTITY(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE %s [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n",
        "x"),
    EXTERNAL_DTD(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE %s SYSTEM \"file:///nonexistent.dtd\">\n", null);

    final String text;
    final String entity;

    Prologue(String text, String entity) {
      this.text = text;
      this.entity = entity;
    }

    private static String bomb() {
      StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE %s [\n");
      sb.append("<!ENTITY l0 \"ha\">\n");
      for (int i = 1; i <= 9; i++) {
        sb.append("<!ENTITY l").append(i).append(" \"");
        sb.append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
      }
      return sb.append("]>\n").toString();
    }
  }

  /**
   * Writes the document by hand rather than with a Transformer: the prologue and a raw entity
   * reference must go out exactly as chosen, and text the fuzzer made (control characters, lone
   * surrogates) must reach the reader as it is, not be refused by the writer.
   *
   * @param entityAt which text node (counted in document order, modulo their number) becomes the
   *     prologue's entity reference; -1 for none
   */
  static byte[] write(Document doc, Prologue prologue, int entityAt, boolean bom) {
    StringBuilder sb = new StringBuilder();
    String root = doc.getDocumentElement().getTagName();
    sb.append(prologue.text.contains("%s") ? prologue.text.replace("%s", root) : prologue.text);
    int[] texts = {0};
    int target = entityAt < 0 ? -1 : entityAt % Math.max(1, countTexts(doc.getDocumentElement()));
    writeElement(doc.getDocumentElement(), sb, prologue.entity, target, texts);
    sb.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.write(0xEF);
      out.write(0xBB);
      out.write(0xBF);
    }
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static int countTexts(Node n) {
    int count = 0;
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
        count++;
      } else if (c instanceof Element) {
        count += countTexts(c);
      }
    }
    return count;
  }

  private static void writeElement(
      Element e, StringBuilder sb, String entity, int target, int[] texts) {
    sb.append('<').append(e.getTagName());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      sb.append(' ').append(a.getNodeName()).append("=\"");
      escape(a.getNodeValue(), sb, true);
      sb.append('"');
    }
    if (!e.hasChildNodes()) {
      sb.append("/>");
      return;
    }
    sb.append('>');
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      switch (c.getNodeType()) {
        case Node.ELEMENT_NODE -> writeElement((Element) c, sb, entity, target, texts);
        case Node.TEXT_NODE -> {
          String v = c.getNodeValue();
          if (!v.isBlank() && texts[0]++ == target && entity != null) {
            sb.append('&').append(entity).append(';');
          } else {
            escape(v, sb, false);
          }
        }
        case Node.COMMENT_NODE -> sb.append("<!--").append(c.getNodeValue()).append("-->");
        default -> {}
      }
    }
    sb.append("</").append(e.getTagName()).append('>');
  }

  private static void escape(String s, StringBuilder sb, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        default -> sb.append(c);
      }
    }
  }

  private static Document load(String name) {
    try (InputStream in = EspXmlStructureFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot read template " + name, e);
    }
  }
}
