package org.tiptrace.intake.lejson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.Report;

/** Fixture loading and reading shortcuts shared by the LE JSON tests. */
final class LeJsonFixtures {
  static final String REFERENCE = "reference-example.json";
  static final String UGLY = "ugly.json";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private LeJsonFixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = LeJsonFixtures.class.getResourceAsStream("/lejson/" + name)) {
      assertThat(in).as("fixture /lejson/%s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParseResult read(byte[] bytes, ParseMode mode) {
    return read(bytes, mode, IntakeLimits.DEFAULT);
  }

  static ParseResult read(byte[] bytes, ParseMode mode, IntakeLimits limits) {
    return new LeJsonReader().read("test.json", bytes, mode, limits);
  }

  static ParseResult read(String json, ParseMode mode) {
    return read(json.getBytes(StandardCharsets.UTF_8), mode);
  }

  /** The report, failing the test with every problem when the document was rejected. */
  static Report parsed(ParseResult result) {
    assertThat(result)
        .as("problems: %s", messages(result.problems()))
        .isInstanceOf(ParseResult.ReportParsed.class);
    return ((ParseResult.ReportParsed) result).report();
  }

  static List<Problem> errors(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    return result.problems().stream().filter(Problem::isError).toList();
  }

  static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }

  /** 1-based line and column of the first occurrence of {@code needle} in {@code text}. */
  static int[] lineAndColumn(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("'%s' in the document", needle).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, at - lineStart + 1};
  }
}
