package org.tiptrace.hash.sets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML document read into a small tree whose every node knows its line, so that a data file's
 * validation can say "file:line: reason". Jackson's tree model drops locations; this reads the
 * streaming parser instead. Duplicate keys are an error.
 */
final class LocatedYaml {
  private LocatedYaml() {}

  /** A node and the 1-based line it starts on. */
  sealed interface Node permits MapNode, ListNode, Scalar {
    int line();

    String what();
  }

  record MapNode(int line, Map<String, Node> entries) implements Node {
    @Override
    public String what() {
      return "a mapping";
    }
  }

  record ListNode(int line, List<Node> items) implements Node {
    @Override
    public String what() {
      return "a list";
    }
  }

  /**
   * @param text the value as written; empty for null
   */
  record Scalar(int line, Optional<String> text, JsonToken token) implements Node {
    @Override
    public String what() {
      return text.map(t -> "'" + t + "'").orElse("null");
    }
  }

  static Node read(InputStream in, String file) throws IOException {
    try (JsonParser p = new YAMLFactory().createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new CategoryMapException(file, 1, "the file is empty");
      }
      return node(p, t, file);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new CategoryMapException(file, line, "not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static Node node(JsonParser p, JsonToken t, String file) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          Node value = node(p, p.nextToken(), file);
          if (entries.put(key, value) != null) {
            throw new CategoryMapException(file, keyLine, "duplicate key '" + key + "'");
          }
        }
        return new MapNode(line, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken i;
        while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, i, file));
        }
        return new ListNode(line, items);
      }
      case VALUE_NULL -> {
        return new Scalar(line, Optional.empty(), t);
      }
      default -> {
        return new Scalar(line, Optional.of(p.getText()), t);
      }
    }
  }

  /** Fails naming the first key of {@code map} not in {@code allowed}. */
  static void onlyKeys(MapNode map, Set<String> allowed, String file, String where) {
    for (Map.Entry<String, Node> e : map.entries().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new CategoryMapException(
            file,
            e.getValue().line(),
            (where.isEmpty() ? "" : where + ": ")
                + "unknown key '"
                + e.getKey()
                + "'; allowed: "
                + allowed.stream().sorted().toList());
      }
    }
  }
}
