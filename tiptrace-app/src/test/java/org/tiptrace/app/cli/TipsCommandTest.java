package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.tips.TipDocument;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

class TipsCommandTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");
  private static final AgencyId OTHER = new AgencyId("ICAC-OTHER");

  @TempDir Path dir;
  @AutoClose CliRun cli;
  private Tip first;
  private Tip second;
  private Tip foreign;

  /**
   * Commands on {@code database}, which holds two tips of LOCAL (one with a file) and one other.
   */
  private void seed(TestBackend database) {
    cli = CliRun.on(database, dir);
    first = ingest(LOCAL, "7100", "alice", "2026-01-01T00:00:00Z");
    second = ingest(LOCAL, "7101", "bob", "2026-01-02T00:00:00Z");
    foreign = ingest(OTHER, "7900", "mallory", "2026-01-03T00:00:00Z");
    first =
        TestIntake.ingest(
            cli.database(),
            LOCAL,
            "7100-a.xml",
            TestDocuments.fileDetails("7100", "a.jpg"),
            Instant.parse("2026-01-04T00:00:00Z"));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void listShowsTheAgencysTipsNewestFirst(TestBackend database) {
    seed(database);
    CliRun.Result r = cli.run("tips", "list");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("ID").contains("CYBERTIP").contains("INCIDENT TYPE");
    assertThat(lines[1]).startsWith(second.id().toString()).contains("7101");
    assertThat(lines[2]).startsWith(first.id().toString()).contains("7100");
    assertThat(lines[2]).contains("2025-03-14T21:07:31 (zone unknown)");
    assertThat(r.out()).contains("1-2 of 2 tips").doesNotContain("7900");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void listPagesAndWritesJson(TestBackend database) throws IOException {
    seed(database);
    CliRun.Result r = cli.run("tips", "list", "--limit", "1", "--offset", "1", "--json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode page = TipJson.mapper().readTree(r.out());
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("offset").asInt()).isEqualTo(1);
    assertThat(page.get("limit").asInt()).isEqualTo(1);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.at("/items/0/id").asLong()).isEqualTo(first.id().value());
    assertThat(page.at("/items/0/cybertipReportId").asText()).isEqualTo("7100");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void badPagingIsAUsageError(TestBackend database) {
    seed(database);
    CliRun.Result r = cli.run("tips", "list", "--limit", "0");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("limit must be 1..1000");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void showJsonIsTheCanonicalTipBesideItsIpAssessments(TestBackend database) throws IOException {
    seed(database);
    CliRun.Result r = cli.run("tips", "show", first.id().toString(), "--json");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    // seeded without the CLI's ingest: never assessed
    assertThat(r.out().strip())
        .isEqualTo(TipDocument.json(first, Optional.empty(), Optional.empty()));
    JsonNode doc = TipJson.mapper().readTree(r.out());
    assertThat(doc.get("tip")).isEqualTo(TipJson.mapper().readTree(TipJson.writePretty(first)));
    assertThat(doc.get("ipAssessments").isNull()).isTrue();
    assertThat(doc.get("hashMatches").isNull()).isTrue();
    assertThat(r.out()).contains("\"fileName\" : \"a.jpg\"").contains("198.51.100.23");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void showTextGivesTheMainFacts(TestBackend database) {
    seed(database);
    CliRun.Result r = cli.run("tips", "show", first.id().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .startsWith("Tip " + first.id() + " (CyberTip 7100)")
        .contains("Incident type:")
        .contains("Child Pornography (possession, manufacture, and distribution)")
        .contains("Reporter:")
        .contains("Example Photos Inc.")
        .contains("User: REPORTED alice")
        .contains("198.51.100.23:61022 Login 2025-03-14T21:07:31Z")
        .contains("File 1: a.jpg")
        .contains("Viewed by ESP:")
        .contains("EXIF viewed by ESP: unknown");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void unknownIdIsExitOne(TestBackend database) {
    seed(database);
    CliRun.Result r = cli.run("tips", "show", "424242");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err()).contains("no tip '424242' for agency LOCAL");
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anotherAgencysTipIsNotFound(TestBackend database) {
    seed(database);
    CliRun.Result r = cli.run("tips", "show", foreign.id().toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).doesNotContain("7900");

    CliRun.Result asOther =
        cli.run("--agency", "ICAC-OTHER", "tips", "show", foreign.id().toString());
    assertThat(asOther.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(asOther.out()).contains("7900");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void nonNumericIdIsNotFound(TestBackend database) {
    seed(database);
    assertThat(cli.run("tips", "show", "abc").exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
  }

  @Test
  void tipsAloneShowsUsage() {
    CliRun.Result r = CliRun.on(TestBackend.H2, dir).run("tips");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("list").contains("show");
  }

  private Tip ingest(AgencyId agency, String reportId, String user, String receivedAt) {
    return TestIntake.ingest(
        cli.database(),
        agency,
        reportId + ".json",
        TestDocuments.leJson(reportId, user),
        Instant.parse(receivedAt));
  }
}
