package org.tiptrace.intake.hotline;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Tells malformed XML (answer 4110) from XML that merely fails validation (4100): the readers
 * report both as problems, but the hotline must answer them with different codes.
 *
 * <p>DTDs and external entities are off, so the check itself cannot be made to fetch or expand
 * anything.
 */
final class XmlWellFormedness {
  private static final XMLInputFactory FACTORY = newFactory();

  private XmlWellFormedness() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  /** Empty when well-formed; else where and why not. */
  static Optional<String> check(byte[] bytes) {
    XMLStreamReader r = null;
    try {
      synchronized (FACTORY) {
        r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
      }
      while (r.hasNext()) {
        r.next();
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      return Optional.of(describe(e));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to release for an in-memory stream
        }
      }
    }
  }

  private static String describe(XMLStreamException e) {
    String msg = String.valueOf(e.getMessage());
    int m = msg.indexOf("Message: ");
    if (m >= 0) {
      msg = msg.substring(m + "Message: ".length());
    }
    msg = msg.strip();
    Location loc = e.getLocation();
    if (loc != null && loc.getLineNumber() > 0) {
      return "line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ": " + msg;
    }
    return msg;
  }
}
