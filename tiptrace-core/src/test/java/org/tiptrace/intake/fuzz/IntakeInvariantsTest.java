package org.tiptrace.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrace.intake.DocumentReader;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;
import org.tiptrace.intake.ParseMode;
import org.tiptrace.intake.ParseResult;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.lejson.LeJsonReader;
import org.tiptrace.tip.TipJson;

/**
 * The fuzz targets are only as good as their oracle: each invariant of {@link IntakeInvariants} is
 * shown to fire on a reader that breaks it, and to stay quiet on the real readers.
 */
class IntakeInvariantsTest {
  private static final byte[] JSON =
      "{\"reportId\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static DocumentReaders jsonReader(DocumentReader reader) {
    return new DocumentReaders(DocumentReaders.standard()::read, reader);
  }

  @Test
  void realReadersPassOnTheReferenceAndOnGarbage() throws IOException {
    byte[] reference;
    try (InputStream in = getClass().getResourceAsStream("/lejson/reference-example.json")) {
      reference = in.readAllBytes();
    }
    for (byte[] input :
        List.of(
            reference, JSON, new byte[0], new byte[] {'<', 'x'}, new byte[] {'{', (byte) 0xff})) {
      assertThatCode(() -> IntakeInvariants.check(DocumentReaders.standard(), input))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void anEscapingExceptionIsAFinding() {
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) -> {
              throw new IllegalStateException("boom");
            });
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw instead of returning a Problem")
        .hasMessageContaining("eyJyZXBvcnRJZCI6IDF9") // the input, base64
        .hasRootCauseMessage("boom");
  }

  @Test
  void aProblemNamingAnotherSourceIsAFinding() {
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) ->
                new ParseResult.Rejected(List.of(Problem.error("other.json", "", "bad"))));
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .hasMessageContaining("problem names source 'other.json'")
        .hasMessageContaining("rejected without an error naming the source");
  }

  @Test
  void theInternalErrorSafetyNetIsAFinding() {
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) ->
                new ParseResult.Rejected(
                    List.of(
                        Problem.error(
                            name, "", "internal error while reading LE JSON: java.lang.NPE"))));
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .hasMessageContaining("a reader bug reached the safety net");
  }

  @Test
  void anAcceptWithAnErrorIsAFinding() {
    LeJsonReader real = new LeJsonReader();
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) -> {
              ParseResult.ReportParsed ok =
                  (ParseResult.ReportParsed) real.read(name, reference(), mode, limits);
              return new ParseResult.ReportParsed(
                  ok.report(), List.of(Problem.error(name, "/x", "should have rejected")));
            });
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .hasMessageContaining("accepted with a non-warning problem");
  }

  @Test
  void strictAcceptingWhatTolerantRejectsIsAFinding() {
    LeJsonReader real = new LeJsonReader();
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) ->
                mode == ParseMode.STRICT
                    ? real.read(name, reference(), mode, limits)
                    : new ParseResult.Rejected(List.of(Problem.error(name, "", "no"))));
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .hasMessageContaining("STRICT accepted but TOLERANT rejected");
  }

  @Test
  void strictAndTolerantDisagreeingOnTheModelIsAFinding() {
    LeJsonReader real = new LeJsonReader();
    DocumentReaders readers =
        jsonReader(
            (name, bytes, mode, limits) -> {
              ParseResult.ReportParsed ok =
                  (ParseResult.ReportParsed) real.read(name, reference(), mode, limits);
              return mode == ParseMode.STRICT
                  ? ok
                  : new ParseResult.ReportParsed(
                      ok.report().withCybertipReportId("999"), ok.problems());
            });
    assertThatThrownBy(() -> IntakeInvariants.check(readers, JSON))
        .hasMessageContaining("STRICT and TOLERANT accepted different models");
  }

  @Test
  void aReportThatDoesNotRoundTripIsAFinding() {
    LeJsonReader real = new LeJsonReader();
    ParseResult.ReportParsed ok =
        (ParseResult.ReportParsed)
            real.read("r.json", reference(), ParseMode.STRICT, IntakeLimits.DEFAULT);
    List<String> clean = new ArrayList<>();
    IntakeInvariants.roundTrip(ok.report(), ParseMode.STRICT, TipJson::readReport, clean);
    assertThat(clean).isEmpty();

    List<String> lossy = new ArrayList<>();
    IntakeInvariants.roundTrip(
        ok.report(),
        ParseMode.STRICT,
        json -> TipJson.readReport(json).withCybertipReportId("lost"),
        lossy);
    assertThat(lossy).singleElement().asString().contains("does not round-trip through TipJson");

    List<String> failing = new ArrayList<>();
    IntakeInvariants.roundTrip(
        ok.report(),
        ParseMode.STRICT,
        json -> {
          throw new IllegalArgumentException("cannot read");
        },
        failing);
    assertThat(failing).singleElement().asString().contains("failed on its own output");
  }

  private static byte[] reference() {
    try (InputStream in =
        IntakeInvariantsTest.class.getResourceAsStream("/lejson/reference-example.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
