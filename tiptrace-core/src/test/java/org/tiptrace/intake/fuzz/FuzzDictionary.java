package org.tiptrace.intake.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A libFuzzer dictionary read back for the structure-aware mutators, so the names the fuzzer
 * splices into raw bytes and the names the mutators build documents from are one list.
 *
 * <p>Format (libFuzzer's): one {@code label="text"} a line, {@code \\}, {@code \"} and {@code \xNN}
 * escapes, {@code #} comments. The labels used here: {@code key} (JSON key), {@code elem} (XML
 * element), {@code attr} (XML attribute), {@code value} (a value worth trying), {@code token}
 * (syntax, for raw-byte fuzzing only).
 */
final class FuzzDictionary {
  static final String LE_JSON = "/org/tiptrace/intake/fuzz/le-json.dict";
  static final String ESP_XML = "/org/tiptrace/intake/fuzz/esp-xml.dict";

  private final Map<String, List<String>> byLabel;

  private FuzzDictionary(Map<String, List<String>> byLabel) {
    this.byLabel = byLabel;
  }

  static FuzzDictionary load(String resource) {
    byte[] bytes;
    try (InputStream in = FuzzDictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("dictionary " + resource + " is not on the class path");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf("=\"");
      if (eq < 0 || !l.endsWith("\"") || l.length() < eq + 3) {
        throw new IllegalStateException(resource + ":" + lineNo + ": not label=\"text\": " + l);
      }
      String label = l.substring(0, eq);
      String text = unescape(l.substring(eq + 2, l.length() - 1), resource, lineNo);
      map.computeIfAbsent(label, k -> new ArrayList<>()).add(text);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return new FuzzDictionary(Map.copyOf(map));
  }

  /** The entries with the given label, in file order. */
  List<String> get(String label) {
    List<String> list = byLabel.get(label);
    if (list == null || list.isEmpty()) {
      throw new IllegalStateException("no dictionary entries labelled " + label);
    }
    return list;
  }

  private static String unescape(String s, String resource, int lineNo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        if (c > 0x7e || c < 0x20) {
          throw new IllegalStateException(resource + ":" + lineNo + ": use \\xNN for non-ASCII");
        }
        out.write(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalStateException(resource + ":" + lineNo + ": dangling backslash");
      }
      char n = s.charAt(++i);
      if (n == 'x' && i + 3 <= s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(n);
      }
    }
    // Entries are UTF-8 text for the mutators; a lone non-UTF-8 byte decodes to U+FFFD, which is
    // fine there (raw-byte fuzzing gets the exact bytes from libFuzzer itself).
    return out.toString(StandardCharsets.UTF_8);
  }
}
