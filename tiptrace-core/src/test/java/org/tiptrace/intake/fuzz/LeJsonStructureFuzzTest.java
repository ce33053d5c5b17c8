package org.tiptrace.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;

/**
 * Target (b), LE JSON: a valid report (the reference example of cybertip-le-json.md §3, or the
 * project's ugly fixture) edited up to eight times by the fuzzer, each edit choosing a place in the
 * tree and what to do there, with keys and values from {@code le-json.dict}. This reaches the
 * mapping rules (null semantics, capture types, numbers as text, unknown keys, wrong types) that
 * random bytes rarely get past the JSON syntax to.
 *
 * <p>Input layout (Jazzer's {@link FuzzedDataProvider}): the empty input is the unedited reference
 * example, so the regression run always checks that one.
 */
class LeJsonStructureFuzzTest {
  private static final DocumentReaders READERS = DocumentReaders.standard();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final FuzzDictionary DICT = FuzzDictionary.load(FuzzDictionary.LE_JSON);
  private static final List<String> KEYS = DICT.get("key");
  private static final List<String> VALUES = DICT.get("value");
  private static final ObjectNode REFERENCE = load("/lejson/reference-example.json");
  private static final ObjectNode UGLY = load("/lejson/ugly.json");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @DictionaryFile(resourcePath = FuzzDictionary.LE_JSON)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "3m")
  void mutatedReport(FuzzedDataProvider data) {
    IntakeInvariants.check(READERS, document(data));
  }

  /**
   * The harness is only worth running if its starting points are accepted as they are: the
   * reference in both modes, the ugly fixture (unknown keys, a zone-less time) in TOLERANT.
   */
  @Test
  void templatesAreAcceptedUnedited() throws JsonProcessingException {
    for (ParseMode mode : ParseMode.values()) {
      assertAccepted(REFERENCE, mode);
    }
    assertAccepted(UGLY, ParseMode.TOLERANT);
  }

  private static void assertAccepted(ObjectNode template, ParseMode mode)
      throws JsonProcessingException {
    byte[] bytes = JSON.writeValueAsBytes(template);
    ParseResult result = READERS.read(IntakeInvariants.SOURCE, bytes, mode, IntakeLimits.DEFAULT);
    assertThat(result)
        .as("%s: %s", mode, IntakeInvariants.messages(result.problems()))
        .isInstanceOf(ParseResult.ReportParsed.class);
  }

  /** The mutator really edits: different inputs give different documents. */
  @Test
  void editsChangeTheDocument() throws JsonProcessingException {
    byte[] unedited = JSON.writeValueAsBytes(REFERENCE);
    assertThat(document(new ReplayedData(new int[0]))).isEqualTo(unedited);
    // One edit: slot 0 (reportId), operation 1 (null), compact, no BOM.
    String edited =
        new String(document(new ReplayedData(new int[] {0, 1, 0, 1})), StandardCharsets.UTF_8);
    assertThat(edited).startsWith("{\"reportId\":null,");
  }

  static byte[] document(FuzzedDataProvider data) {
    ObjectNode root = (data.consumeBoolean() ? UGLY : REFERENCE).deepCopy();
    int edits = data.consumeInt(0, 8);
    for (int e = 0; e < edits; e++) {
      List<Slot> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        break;
      }
      edit(slots.get(data.consumeInt(0, slots.size() - 1)), slots, data);
    }
    try {
      byte[] json =
          data.consumeBoolean()
              ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)
              : JSON.writeValueAsBytes(root);
      if (data.consumeBoolean()) {
        byte[] withBom = new byte[json.length + BOM.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(json, 0, withBom, BOM.length, json.length);
        return withBom;
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A place in the tree: a field of an object or an element of an array. */
  private record Slot(ContainerNode<?> parent, String field, int index) {
    JsonNode value() {
      return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(field, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }

    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  /** Every slot, depth first in document order. */
  private static void collect(JsonNode node, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        out.add(new Slot(o, f.getKey(), -1));
        collect(f.getValue(), out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Slot(a, null, i));
        collect(a.get(i), out);
      }
    }
  }

  private static void edit(Slot slot, List<Slot> all, FuzzedDataProvider data) {
    switch (data.consumeInt(0, 9)) {
      case 0 -> slot.remove();
      case 1 -> slot.set(NODES.nullNode());
      case 2 -> slot.set(NODES.textNode(data.pickValue(VALUES)));
      case 3 -> slot.set(NODES.textNode(data.consumeString(80)));
      case 4 -> slot.set(number(data));
      case 5 -> slot.set(NODES.booleanNode(data.consumeBoolean()));
      case 6 -> slot.set(emptyish(data));
      case 7 -> {
        // Add: a known key to the object here (or the object holding this slot), or an element.
        JsonNode here = slot.value();
        ContainerNode<?> target = here instanceof ContainerNode<?> c ? c : slot.parent();
        if (target instanceof ObjectNode o) {
          o.set(data.pickValue(KEYS), anyValue(data, all));
        } else {
          ((ArrayNode) target).add(anyValue(data, all));
        }
      }
      case 8 -> slot.set(data.pickValue(all).value().deepCopy());
      default -> {
        JsonNode v = slot.value().deepCopy();
        slot.set(
            data.consumeBoolean()
                ? NODES.arrayNode().add(v)
                : NODES.objectNode().set(data.pickValue(KEYS), v));
      }
    }
  }

  private static JsonNode anyValue(FuzzedDataProvider data, List<Slot> all) {
    return switch (data.consumeInt(0, 5)) {
      case 0 -> NODES.textNode(data.pickValue(VALUES));
      case 1 -> number(data);
      case 2 -> NODES.booleanNode(data.consumeBoolean());
      case 3 -> emptyish(data);
      case 4 -> data.pickValue(all).value().deepCopy();
      default -> NODES.textNode(data.consumeString(40));
    };
  }

  private static JsonNode number(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 7)) {
      case 0 -> NODES.numberNode(-1);
      case 1 -> NODES.numberNode(65536);
      case 2 -> NODES.numberNode(Long.MAX_VALUE);
      case 3 -> NODES.numberNode(BigInteger.TWO.pow(70));
      case 4 -> NODES.numberNode(new BigDecimal("1.5"));
      case 5 -> NODES.numberNode(new BigDecimal("1E+400"));
      case 6 -> NODES.numberNode(new BigDecimal("-0.0"));
      default -> NODES.numberNode(data.consumeLong());
    };
  }

  private static JsonNode emptyish(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 4)) {
      case 0 -> NODES.arrayNode();
      case 1 -> NODES.objectNode();
      case 2 -> NODES.arrayNode().add("N/A");
      case 3 -> NODES.arrayNode().addNull();
      default -> NODES.objectNode().putNull("value");
    };
  }

  private static ObjectNode load(String resource) {
    try (InputStream in = LeJsonStructureFuzzTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
