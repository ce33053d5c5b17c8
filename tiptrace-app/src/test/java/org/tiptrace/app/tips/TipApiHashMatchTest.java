package org.tiptrace.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;

/**
 * {@code POST /api/v1/intake} matches the new tip's files against the stored sets; the tip's GET
 * returns the matches to its agency only. The reference document's first file has the MD5 of
 * "example".
 */
class TipApiHashMatchTest extends WebTest {

  @Test
  void intakeMatchesAndShowReturnsTheMatches() throws IOException {
    String set = "web-test-" + ThreadLocalRandom.current().nextInt(1_000_000);
    backend
        .hashSets()
        .importSet(
            new HashSetInfo(
                set,
                "1",
                Optional.empty(),
                Optional.empty(),
                "VICS 2.0 US",
                HashSetKind.KNOWN_ABUSE,
                true),
            HashSetFormat.CSV,
            "0".repeat(64),
            Instant.parse("2026-01-01T00:00:00Z"),
            sink -> {
              sink.accept(
                  new HashEntry(
                      Digest.parseHex(DigestAlgorithm.MD5, "1a79a4d60de6718e8e5b326e338ae533"),
                      Optional.of("1"),
                      Optional.empty(),
                      TriState.UNKNOWN));
              return new ReadSummary(1, 1, Optional.empty(), Optional.empty(), List.of());
            });
    try {
      String reportId = Integer.toString(7_100_000 + ThreadLocalRandom.current().nextInt(99_999));
      HttpResponse<String> posted =
          send(
              alice("/api/v1/intake")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          TestDocuments.referenceLeJson()
                              .replace(TestDocuments.REFERENCE_REPORT_ID, reportId))));
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      long id = TipJson.mapper().readTree(posted.body()).at("/documents/0/tipId").asLong();

      HttpResponse<String> shown = send(alice("/api/v1/tips/" + id).GET());
      assertThat(shown.statusCode()).isEqualTo(200);
      JsonNode m = TipJson.mapper().readTree(shown.body()).get("hashMatches");
      assertThat(m.get("hashSets").asText()).contains(set + " 1");
      assertThat(m.at("/files/0/verdict").asText()).isEqualTo("MATCHED_KNOWN");
      assertThat(m.at("/files/0/matches/0/setName").asText()).isEqualTo(set);
      assertThat(m.at("/files/0/matches/0/method").asText()).isEqualTo("EXACT_MD5");
      assertThat(m.at("/files/1/verdict").asText()).isEqualTo("UNMATCHED_POSSIBLE_NEW");

      HttpResponse<String> foreign = send(bob("/api/v1/tips/" + id).GET());
      assertThat(foreign.statusCode()).isEqualTo(404);
      assertThat(foreign.body()).doesNotContain(set);
    } finally {
      backend.hashSets().remove(set);
    }
  }
}
