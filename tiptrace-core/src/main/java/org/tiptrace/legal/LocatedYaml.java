package org.tiptrace.legal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a JSON tree plus the line of every value, by JSON pointer ({@code
 * /jurisdictions/3/mode}), so that a rule file's errors can name the line. Jackson's tree has no
 * locations, so the tree is built here from the parser's tokens.
 */
final class LocatedYaml {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final JsonNode root;
  private final Map<String, Integer> lines;

  private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  /**
   * Parses {@code bytes} (UTF-8 YAML).
   *
   * @throws RuleSetException naming {@code source} and the line when it is not YAML
   */
  static LocatedYaml parse(byte[] bytes, String source) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new RuleSetException(source, 1, "", "the file is empty");
      }
      JsonNode root = value(p, "", lines, source);
      return new LocatedYaml(root, Map.copyOf(lines));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new RuleSetException(source, line, "", "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RuleSetException(source, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonNode value(
      JsonParser p, String pointer, Map<String, Integer> lines, String source) throws IOException {
    lines.put(pointer, p.currentTokenLocation().getLineNr());
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          if (o.has(name)) {
            // YAML lets a later key silently win; in a rule file that hides a change.
            throw new RuleSetException(
                source,
                p.currentTokenLocation().getLineNr(),
                readable(pointer, name),
                "duplicate key");
          }
          p.nextToken();
          o.set(name, value(p, child, lines, source));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p, pointer + "/" + i++, lines, source));
        }
        return a;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.INT
            ? f.numberNode(p.getIntValue())
            : f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return f.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return f.booleanNode(false);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> {
        return f.textNode(p.getText());
      }
    }
  }

  /** {@code /rules/3} + {@code applies_to} → {@code rules[3].applies_to}. */
  private static String readable(String pointer, String name) {
    StringBuilder out = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        out.append('[').append(part).append(']');
      } else {
        out.append(out.isEmpty() ? "" : ".").append(part);
      }
    }
    return out + (out.isEmpty() ? "" : ".") + name;
  }

  JsonNode root() {
    return root;
  }

  /**
   * The line of the value at {@code pointer}, or of its nearest present ancestor (a missing key is
   * reported at the mapping that lacks it); 0 when unknown.
   */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return 0;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
