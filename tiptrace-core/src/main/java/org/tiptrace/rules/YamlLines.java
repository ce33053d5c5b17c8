package org.tiptrace.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key of a YAML document is: maps the key paths the rule parsers name in their messages
 * ({@code tiers.tier1}, {@code rules[3].points}, {@code rules.GATE_PUBLIC.opens}, {@code rule
 * 'incident.x': points}) to 1-based lines, so a refused file's problems point at a line.
 *
 * <p>Approach: one pass over Jackson's YAML token stream, recording the line of every mapping key
 * and list item by its path; then, for list items with an {@code id} or {@code name}, the aliases
 * the parsers use ({@code rules.<id>…} for the gate, {@code rule '<name>'…} for triage). A message
 * is located by the longest path it starts with.
 */
final class YamlLines {
  private static final Pattern ITEM = Pattern.compile("(.+)\\[(\\d+)]");

  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** The index of {@code yaml}; as far as it parses (a syntax error stops it, keeping the rest). */
  static YamlLines of(byte[] yaml) {
    Map<String, Integer> lines = new HashMap<>();
    Map<String, String> scalars = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      if (p.nextToken() != null) {
        walk(p, "", lines, scalars);
      }
    } catch (IOException | RuntimeException e) {
      // A syntax error: the parsers report it with its own location; keep what was indexed.
    }
    // One pass: every key below a list item with an id or name also gets the parsers' aliases.
    Map<String, Integer> aliases = new HashMap<>();
    for (Map.Entry<String, Integer> e : lines.entrySet()) {
      String key = e.getKey();
      for (int close = key.indexOf(']'); close >= 0; close = key.indexOf(']', close + 1)) {
        String item = key.substring(0, close + 1);
        Matcher m = ITEM.matcher(item);
        if (!m.matches() || (close + 1 < key.length() && key.charAt(close + 1) != '.')) {
          continue;
        }
        String list = m.group(1);
        String field = close + 1 < key.length() ? key.substring(close + 2) : "";
        String singular = list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
        for (String idKey : List.of("id", "name")) {
          String value = scalars.get(item + "." + idKey);
          if (value == null) {
            continue;
          }
          aliases.put(list + "." + value + (field.isEmpty() ? "" : "." + field), e.getValue());
          aliases.put(
              singular + " '" + value + "'" + (field.isEmpty() ? "" : ": " + field), e.getValue());
        }
      }
    }
    aliases.forEach(lines::putIfAbsent);
    return new YamlLines(lines);
  }

  private static void walk(
      JsonParser p, String path, Map<String, Integer> lines, Map<String, String> scalars)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String child = path.isEmpty() ? name : path + "." + name;
        lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
        p.nextToken();
        walk(p, child, lines, scalars);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String child = path + "[" + i++ + "]";
        lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
        walk(p, child, lines, scalars);
      }
    } else if (t != null && t.isScalarValue()) {
      scalars.put(path, p.getText());
    }
  }

  /** The line of the longest known path {@code message} starts with. */
  OptionalInt locate(String message) {
    String best = null;
    for (String key : lines.keySet()) {
      if (message.startsWith(key)
          && (message.length() == key.length() || ":.[ ".indexOf(message.charAt(key.length())) >= 0)
          && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    return best == null ? OptionalInt.empty() : OptionalInt.of(lines.get(best));
  }

  /** The line of exactly {@code path}. */
  OptionalInt line(String path) {
    Integer l = lines.get(path);
    return l == null ? OptionalInt.empty() : OptionalInt.of(l);
  }
}
