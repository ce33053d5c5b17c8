package org.tiptrace.hash.sets.vics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashEntrySink;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.ProgressInputStream;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.TriState;

/**
 * Reads VICS JSON (reference §1) without holding more than one Media object.
 *
 * <p>Approach: the token stream is walked by hand down to {@code value}; each element of {@code
 * value} is walked field by field. A {@code Media} array inside it (a Case) is streamed element by
 * element, each Media read as a small tree; any other field is kept in a small holder, which is
 * taken as the Media itself when no {@code Media} array appeared ({@code #Media} files). So the
 * order of the context key and {@code value} does not matter, and a Case with millions of Media
 * never sits in memory. Unknown fields are ignored, never an error (reference §1.5).
 */
public final class VicsReader implements HashSetReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
  private static final Pattern V1 = Pattern.compile("DataModels/(1\\.\\d+)\\.xml#(Cases|Media)");
  private static final Pattern V2 =
      Pattern.compile("DataModels/(2\\.\\d+)\\.xml/([A-Za-z]+)/\\$metadata#(Cases|Media)");

  @Override
  public HashSetFormat format() {
    return HashSetFormat.VICS;
  }

  @Override
  public ReadSummary read(Path file, HashEntrySink sink, ReadProgress progress) throws IOException {
    String name = file.toString();
    try (ProgressInputStream in =
            new ProgressInputStream(Files.newInputStream(file), Files.size(file), progress);
        JsonParser p = JSON.createParser((InputStream) in)) {
      Run run = new Run(name, p, sink);
      run.document();
      in.finish();
      return run.summary();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new HashSetFormatException(
          Problem.error(
              name,
              at == null ? 0 : at.getLineNr(),
              at == null ? 0 : at.getColumnNr(),
              "",
              "not valid JSON: " + e.getOriginalMessage()),
          e);
    }
  }

  /** One read of one file. */
  private static final class Run {
    private final String file;
    private final JsonParser p;
    private final HashEntrySink sink;
    private final List<Problem> warnings = new ArrayList<>();
    private @Nullable String version;
    private @Nullable String flavour;
    private long records;
    private long entries;
    private boolean sawValue;

    Run(String file, JsonParser p, HashEntrySink sink) {
      this.file = file;
      this.p = p;
      this.sink = sink;
    }

    void document() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error("", "a VICS document is a JSON object with a 'value' array");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "odata.metadata", "@odata.context" -> context(field, t);
          case "value" -> value(t);
          default -> p.skipChildren();
        }
      }
      if (!sawValue) {
        throw error("/value", "no 'value' array: not a VICS document");
      }
      if (version == null) {
        throw error(
            "",
            "no 'odata.metadata' (VICS 1.x) or '@odata.context' (VICS 2.0): cannot tell the"
                + " version");
      }
    }

    private void context(String field, JsonToken t) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw error("/" + field, "must be text");
      }
      String text = p.getText();
      Matcher m1 = V1.matcher(text);
      Matcher m2 = V2.matcher(text);
      if (field.equals("odata.metadata") && m1.find()) {
        version = m1.group(1);
      } else if (field.equals("@odata.context") && m2.find()) {
        version = m2.group(1);
        flavour = m2.group(2);
      } else {
        throw error("/" + field, "not a VICS data model context: '" + text + "'");
      }
    }

    private void value(JsonToken t) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        throw error("/value", "must be an array");
      }
      sawValue = true;
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        item("/value/" + i);
        i++;
      }
    }

    /** A Case (with a Media array) or a Media. */
    private void item(String pointer) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error(pointer, "must be an object (a Case or a Media)");
      }
      int line = p.currentTokenLocation().getLineNr();
      ObjectNode holder = MAPPER.createObjectNode();
      boolean isCase = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("Media") && t == JsonToken.START_ARRAY) {
          isCase = true;
          int j = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            String mp = pointer + "/Media/" + j;
            if (p.currentToken() != JsonToken.START_OBJECT) {
              throw error(mp, "must be a Media object");
            }
            int mediaLine = p.currentTokenLocation().getLineNr();
            media(mp, mediaLine, MAPPER.readTree(p));
            j++;
          }
        } else {
          holder.set(field, MAPPER.readTree(p));
        }
      }
      if (!isCase) {
        media(pointer, line, holder);
      }
    }

    private void media(String pointer, int line, JsonNode m) throws HashSetFormatException {
      records++;
      Optional<String> category = category(pointer, line, m.get("Category"));
      Optional<String> series = text(m.get("Series"));
      TriState victim = flag(pointer, line, m, "VictimIdentified");
      List<Digest> digests = new ArrayList<>();
      digest(pointer + "/MD5", line, DigestAlgorithm.MD5, m.get("MD5")).ifPresent(digests::add);
      digest(pointer + "/SHA1", line, DigestAlgorithm.SHA1, m.get("SHA1")).ifPresent(digests::add);
      digest(pointer + "/SHA256", line, DigestAlgorithm.SHA256, m.get("SHA256"))
          .ifPresent(digests::add);
      JsonNode alt = m.get("AlternativeHashes");
      if (alt != null && alt.isArray()) {
        for (int k = 0; k < alt.size(); k++) {
          String ap = pointer + "/AlternativeHashes/" + k;
          Optional<String> hashName = text(alt.get(k).get("HashName"));
          Optional<DigestAlgorithm> algorithm = hashName.flatMap(VicsReader::algorithm);
          if (algorithm.isEmpty()) {
            warnings.add(
                Problem.warning(
                    file,
                    line,
                    0,
                    ap + "/HashName",
                    "hash '" + hashName.orElse("") + "' is not matched; skipped"));
            continue;
          }
          digest(ap + "/HashValue", line, algorithm.get(), alt.get(k).get("HashValue"))
              .filter(d -> !digests.contains(d))
              .ifPresent(digests::add);
        }
      }
      if (digests.isEmpty()) {
        warnings.add(
            Problem.warning(file, line, 0, pointer, "Media without a usable hash; skipped"));
        return;
      }
      for (Digest d : digests) {
        sink.accept(new HashEntry(d, category, series, victim));
        entries++;
      }
    }

    private Optional<String> category(String pointer, int line, @Nullable JsonNode c)
        throws HashSetFormatException {
      if (c == null || c.isNull()) {
        return Optional.empty();
      }
      if (c.isIntegralNumber() || c.isTextual()) {
        return Optional.of(c.asText().strip()).filter(s -> !s.isEmpty());
      }
      throw error(pointer + "/Category", line, "must be a number, text or null, was " + c);
    }

    private TriState flag(String pointer, int line, JsonNode m, String field)
        throws HashSetFormatException {
      JsonNode v = m.get(field);
      if (v == null || v.isNull()) {
        return TriState.UNKNOWN;
      }
      if (v.isBoolean()) {
        return TriState.of(v.booleanValue());
      }
      throw error(pointer + "/" + field, line, "must be true, false or null, was " + v);
    }

    private Optional<Digest> digest(
        String pointer, int line, DigestAlgorithm algorithm, @Nullable JsonNode v)
        throws HashSetFormatException {
      if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
        return Optional.empty();
      }
      if (!v.isTextual()) {
        throw error(pointer, line, "must be hex text, was " + v);
      }
      try {
        return Optional.of(Digest.parseHex(algorithm, v.asText()));
      } catch (IllegalArgumentException e) {
        throw error(pointer, line, e.getMessage());
      }
    }

    ReadSummary summary() {
      String scheme =
          "VICS " + version + (flavour == null ? "" : " " + flavour.toUpperCase(Locale.ROOT));
      return new ReadSummary(
          records, entries, Optional.of(scheme), Optional.ofNullable(version), warnings);
    }

    private HashSetFormatException error(String pointer, String reason) {
      JsonLocation at = p.currentTokenLocation();
      return new HashSetFormatException(
          Problem.error(file, at.getLineNr(), at.getColumnNr(), pointer, reason));
    }

    private HashSetFormatException error(String pointer, int line, String reason) {
      return new HashSetFormatException(Problem.error(file, line, 0, pointer, reason));
    }
  }

  private static Optional<DigestAlgorithm> algorithm(String hashName) {
    String n = hashName.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (n) {
      case "MD5" -> Optional.of(DigestAlgorithm.MD5);
      case "SHA1" -> Optional.of(DigestAlgorithm.SHA1);
      case "SHA256" -> Optional.of(DigestAlgorithm.SHA256);
      case "PDQ" -> Optional.of(DigestAlgorithm.PDQ);
      default -> Optional.empty();
    };
  }

  private static Optional<String> text(@Nullable JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(v.asText().strip()).filter(s -> !s.isEmpty());
  }
}
