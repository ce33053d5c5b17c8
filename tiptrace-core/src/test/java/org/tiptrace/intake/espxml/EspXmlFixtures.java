package org.tiptrace.intake.espxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;

/** Loads the fixtures under {@code src/test/resources/espxml/} and reads documents. */
final class EspXmlFixtures {
  static final String REPORT = "reference-report.xml";
  static final String FILE_DETAILS = "reference-fileDetails.xml";
  static final String ALL_ELEMENTS = "all-elements-report.xml";
  static final String UGLY = "ugly-tolerant-report.xml";
  static final String UGLY_FILE = "ugly-tolerant-fileDetails.xml";

  private EspXmlFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = EspXmlFixtures.class.getResourceAsStream("/espxml/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture espxml/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static ParseResult read(String sourceName, byte[] bytes, ParseMode mode) {
    return new EspXmlReader().read(sourceName, bytes, mode, IntakeLimits.DEFAULT);
  }

  static ParseResult read(String sourceName, String xml, ParseMode mode) {
    return read(sourceName, xml.getBytes(StandardCharsets.UTF_8), mode);
  }

  static ParseResult fixture(String name, ParseMode mode) {
    return read(name, bytes(name), mode);
  }
}
