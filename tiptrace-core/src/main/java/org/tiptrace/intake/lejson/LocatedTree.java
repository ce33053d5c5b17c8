package org.tiptrace.intake.lejson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tiptrace.intake.IntakeLimits;

/**
 * A JSON document read into a Jackson tree together with the line and column where each value
 * starts, keyed by JSON pointer (RFC 6901).
 *
 * <p>Why a hand-driven token loop rather than {@code ObjectMapper.readTree}: the tree loses token
 * locations, and a problem must name the line of the value it is about. Walking the tokens once
 * gives both the tree and a pointer-to-location map, and on a syntax or limit error the loop knows
 * the pointer it was inside. The loop is iterative, so nesting depth is bounded only by Jackson's
 * {@link StreamReadConstraints}, never by the Java stack.
 */
final class LocatedTree {

  /** Where a value starts: 1-based line and column (characters, after BOM removal). */
  record Location(int line, int column) {}

  /** The outcome of reading: a root object with locations, or one failure. */
  sealed interface Result {}

  record Parsed(ObjectNode root, Map<String, Location> locations) implements Result {}

  /**
   * @param pointer the JSON pointer being read when reading stopped ({@code ""} at the top)
   * @param location where reading stopped, when known
   */
  record Failed(String pointer, @Nullable Location location, String reason) implements Result {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LocatedTree() {}

  /** One open container while reading. */
  private static final class Frame {
    final ContainerNode<?> node;
    final String pointer;
    @Nullable String field;

    Frame(ContainerNode<?> node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }

    String childPointer() {
      if (node instanceof ArrayNode array) {
        return pointer + "/" + array.size();
      }
      return pointer + "/" + escape(field == null ? "" : field);
    }
  }

  /** The factory for the last limits used: limits come from configuration and rarely change. */
  private static volatile @Nullable FactoryFor cached;

  private record FactoryFor(IntakeLimits limits, JsonFactory factory) {}

  private static JsonFactory factory(IntakeLimits limits) {
    FactoryFor c = cached;
    if (c != null && c.limits().equals(limits)) {
      return c.factory();
    }
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxTextLength())
                    .maxNameLength(limits.maxTextLength())
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .build())
            .build();
    cached = new FactoryFor(limits, factory);
    return factory;
  }

  static Result read(String text, IntakeLimits limits) {
    JsonFactory factory = factory(limits);
    Map<String, Location> locations = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    String current = "";
    JsonParser p;
    try {
      p = factory.createParser(text);
    } catch (IOException e) {
      return new Failed("", null, "cannot read the document: " + e.getMessage());
    }
    try {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Failed("", null, "document is empty");
      }
      Location at = location(p.currentTokenLocation());
      if (first != JsonToken.START_OBJECT) {
        return new Failed(
            "",
            at,
            "the top level must be a JSON object (a CyberTipline report), found " + kind(first));
      }
      ObjectNode root = NODES.objectNode();
      locations.put("", at);
      stack.push(new Frame(root, ""));
      while (!stack.isEmpty()) {
        Frame top = stack.peek();
        current =
            top.field != null || top.node instanceof ArrayNode ? top.childPointer() : top.pointer;
        JsonToken t = p.nextToken();
        if (t == null) {
          return new Failed(
              current, location(p.currentLocation()), "unexpected end of document (truncated?)");
        }
        switch (t) {
          case FIELD_NAME -> {
            String name = p.currentName();
            if (top.node instanceof ObjectNode obj && obj.has(name)) {
              String ptr = top.pointer + "/" + escape(name);
              return new Failed(
                  ptr,
                  location(p.currentTokenLocation()),
                  "duplicate key '" + name + "': which value is meant cannot be decided");
            }
            top.field = name;
          }
          case END_OBJECT, END_ARRAY -> stack.pop();
          case START_OBJECT, START_ARRAY -> {
            ContainerNode<?> child =
                t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
            String ptr = top.childPointer();
            locations.put(ptr, location(p.currentTokenLocation()));
            attach(top, child);
            stack.push(new Frame(child, ptr));
          }
          default -> {
            String ptr = top.childPointer();
            locations.put(ptr, location(p.currentTokenLocation()));
            attach(top, scalar(p, t));
          }
        }
      }
      current = "";
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        return new Failed(
            "",
            location(p.currentTokenLocation()),
            "content after the end of the top-level object: " + kind(trailing));
      }
      return new Parsed(root, Map.copyOf(locations));
    } catch (StreamConstraintsException e) {
      return new Failed(current, location(where(e, p)), limitReason(e, limits));
    } catch (JsonProcessingException e) {
      return new Failed(
          current,
          location(where(e, p)),
          "malformed JSON: " + plainMessage(e.getOriginalMessage()));
    } catch (NumberFormatException e) {
      // A number Jackson tokenises but cannot represent (an exponent beyond int range, found by
      // fuzzing: docs/fuzzing.md, F1). Its place is known, so say where.
      return new Failed(
          current, location(p.currentTokenLocation()), "number out of range: " + e.getMessage());
    } catch (IOException e) {
      // Reading from a String cannot fail with I/O; kept as a problem rather than thrown.
      return new Failed(current, null, "cannot read the document: " + e.getMessage());
    } finally {
      try {
        p.close();
      } catch (IOException e) {
        // Closing a parser over a String only releases buffers; nothing to report.
      }
    }
  }

  /** Limit errors carry no location; the parser's position is where the limit was hit. */
  private static @Nullable JsonLocation where(JsonProcessingException e, JsonParser p) {
    JsonLocation l = e.getLocation();
    return l != null && l.getLineNr() > 0 ? l : p.currentLocation();
  }

  private static void attach(Frame parent, JsonNode child) {
    if (parent.node instanceof ArrayNode array) {
      array.add(child);
    } else {
      ((ObjectNode) parent.node).set(parent.field == null ? "" : parent.field, child);
      parent.field = null;
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("not a scalar token: " + t);
    };
  }

  /** Jackson's limit messages name its own API; say which intake limit was hit instead. */
  private static String limitReason(StreamConstraintsException e, IntakeLimits limits) {
    String msg = String.valueOf(e.getOriginalMessage());
    if (msg.contains("nesting depth")) {
      return "JSON nesting is deeper than the intake limit of "
          + limits.maxDepth()
          + " levels (intake max-depth)";
    }
    if (msg.contains("String value length") || msg.contains("Name length")) {
      return "a text value is longer than the intake limit of "
          + limits.maxTextLength()
          + " characters (intake max-text-length)";
    }
    if (msg.contains("Document length")) {
      return "document is longer than the intake limit of "
          + limits.maxDocumentBytes()
          + " (intake max-document-bytes)";
    }
    return "document exceeds an intake limit: " + msg;
  }

  private static @Nullable Location location(@Nullable JsonLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return null;
    }
    return new Location(l.getLineNr(), Math.max(l.getColumnNr(), 1));
  }

  static String kind(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static final java.util.regex.Pattern START_MARKER =
      java.util.regex.Pattern.compile(
          "\\s*\\(start marker at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)");

  /**
   * Jackson names where an unclosed object or array began inside a bracket that also mentions its
   * source-location setting; keep only "opened at line L, column C", which a person can act on.
   */
  static String plainMessage(String message) {
    java.util.regex.Matcher m = START_MARKER.matcher(message);
    if (m.find()) {
      return message.substring(0, m.start())
          + " (opened at line "
          + m.group(1)
          + ", column "
          + m.group(2)
          + ")"
          + message.substring(m.end());
    }
    return message;
  }
}
