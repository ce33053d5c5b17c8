package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.app.testing.TestDocuments.MALFORMED_LINE;
import static org.tiptrace.app.testing.TestDocuments.MALFORMED_PATH;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;

/** {@code tiptrace ingest} with the real readers on real-shaped documents, into the real store. */
class IngestCommandTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private CliRun cli(TestBackend database) {
    cli = CliRun.on(database, dir);
    return cli;
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void ingestsFilesAndPrintsSummary(TestBackend database) throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1001", "alice"));
    Path b = write("b.xml", TestDocuments.referenceEspReport());
    CliRun cli = cli(database);

    CliRun.Result r = cli.run("ingest", a.toString(), b.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("Ingested 2 documents: 2 accepted, 0 attached, 0 duplicate, 0 rejected");
    assertThat(cli.tips().count(LOCAL)).isEqualTo(2);
    assertThat(cli.tips().findByCybertipReportId(LOCAL, "1001")).isPresent();
    assertThat(cli.archived(LOCAL)).isEqualTo(2);
    assertThat(cli.opened).containsExactly(cli.defaultSettings());
    assertThat(cli.closeCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void walksFoldersRecursivelyAndPutsReportsBeforeFileDetails(TestBackend database)
      throws IOException {
    // Name order would put the fileDetails first; intake must still attach it.
    write("tips/0-file.xml", TestDocuments.referenceFileDetails());
    write("tips/sub/9-report.json", TestDocuments.referenceLeJson());
    write("tips/notes.txt", "not a document");
    write("tips/.hidden/x.json", TestDocuments.leJson("1002", "hidden"));
    CliRun cli = cli(database);

    CliRun.Result r = cli.run("ingest", "--json", dir.resolve("tips").toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = TipJson.mapper().readTree(r.out());
    assertThat(json.at("/summary/total").asInt()).isEqualTo(2);
    assertThat(json.at("/documents/0/name").asText()).endsWith("9-report.json");
    assertThat(json.at("/documents/0/outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(json.at("/documents/1/outcome").asText()).isEqualTo("ATTACHED");
    assertThat(json.at("/documents/1/tipId").asLong())
        .isEqualTo(json.at("/documents/0/tipId").asLong());
    Tip tip =
        cli.tips().findByCybertipReportId(LOCAL, TestDocuments.REFERENCE_REPORT_ID).orElseThrow();
    assertThat(tip.report().files())
        .extracting(f -> f.fileName().orElseThrow())
        .contains("upload_5531_0007.jpg");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void zipEntriesAreDocumentsNamedAfterTheZip(TestBackend database) throws IOException {
    Path zip =
        zip(
            "batch.zip",
            Map.of(
                "files/f1.xml", TestDocuments.fileDetails("1003", "one.jpg"),
                "report.json", TestDocuments.leJson("1003", "carol"),
                "le.json", TestDocuments.leJson("1004", "dave")));
    CliRun cli = cli(database);

    CliRun.Result r = cli.run("ingest", "--json", zip.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    JsonNode docs = TipJson.mapper().readTree(r.out()).get("documents");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(2).get("name").asText()).isEqualTo(zip + "!/files/f1.xml");
    assertThat(docs.get(2).get("outcome").asText()).isEqualTo("ATTACHED");
    assertThat(cli.tips().count(LOCAL)).isEqualTo(2);
    assertThat(cli.tips().findByCybertipReportId(LOCAL, "1003").orElseThrow().report().files())
        .extracting(f -> f.fileName().orElseThrow())
        .containsExactly("one.jpg");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void rejectionsAreListedWithTheirPathAndLineAndExitOne(TestBackend database) throws IOException {
    Path bad = write("bad.xml", TestDocuments.malformedEspReport());
    String json = TestDocuments.leJsonWithUnknownIncidentType("1023");
    Path badJson = write("bad.json", json);
    Path good = write("good.json", TestDocuments.leJson("1005", "erin"));
    CliRun cli = cli(database);

    CliRun.Result r = cli.run("ingest", bad.toString(), badJson.toString(), good.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("1 accepted").contains("2 rejected");
    assertThat(r.out()).contains("REJECTED " + bad).contains("REJECTED " + badJson);
    assertListed(r.out(), bad, MALFORMED_LINE, MALFORMED_PATH);
    assertListed(
        r.out(),
        badJson,
        TestDocuments.lineOf(json, "\"incidentType\""),
        TestDocuments.INCIDENT_TYPE_POINTER);
    assertThat(cli.tips().count(LOCAL)).isEqualTo(1);
    assertThat(cli.archived(LOCAL)).as("rejected documents are archived too").isEqualTo(3);
  }

  /** The text output lists a problem of {@code file} as {@code file:line:column: path: reason}. */
  private static void assertListed(String out, Path file, int line, String path) {
    assertThat(out)
        .containsPattern("\n  \\Q" + file + ":" + line + ":\\E\\d+: \\Q" + path + ": \\E.+");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void jsonListsProblemsWithSeverityLineColumnAndPath(TestBackend database) throws IOException {
    Path bad = write("bad.xml", TestDocuments.malformedEspReport());
    Path warn = write("warn.json", TestDocuments.leJsonWithUnknownKey("1006"));
    CliRun cli = cli(database);

    CliRun.Result r = cli.run("ingest", "--json", bad.toString(), warn.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    JsonNode json = TipJson.mapper().readTree(r.out());
    assertThat(json.at("/summary/rejected").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/accepted").asInt()).isEqualTo(1);
    // Both are reports (bad.xml's root is <report>), so the order given on the command line holds.
    JsonNode rejected = json.at("/documents/0");
    assertThat(rejected.get("name").asText()).isEqualTo(bad.toString());
    assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("tipId").isNull()).isTrue();
    assertThat(rejected.get("sha256").asText()).hasSize(64);
    JsonNode problem = rejected.at("/problems/0");
    assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
    assertThat(problem.get("line").asInt()).isEqualTo(MALFORMED_LINE);
    assertThat(problem.get("column").asInt()).isPositive();
    assertThat(problem.get("path").asText()).isEqualTo(MALFORMED_PATH);
    assertThat(problem.get("reason").asText()).startsWith("malformed XML: ").contains("platfrom");
    JsonNode accepted = json.at("/documents/1");
    assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
    JsonNode warning = accepted.at("/problems/0");
    assertThat(warning.get("severity").asText()).isEqualTo("WARNING");
    assertThat(warning.get("line").asInt()).isEqualTo(2);
    assertThat(warning.get("path").asText()).isEqualTo("/reviewQueue");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void secondIngestIsDuplicate(TestBackend database) throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1007", "frank"));
    CliRun cli = cli(database);
    assertThat(cli.run("ingest", a.toString()).exitCode()).isEqualTo(ExitCodes.OK);

    CliRun.Result again = cli.run("ingest", a.toString());

    assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("0 accepted, 0 attached, 1 duplicate, 0 rejected");
    assertThat(cli.tips().count(LOCAL)).isEqualTo(1);
  }

  @Test
  void theDefaultDatabaseIsTheStoresDefaultForTheDataFolder() throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1022", "nia"));
    CliRun cli = cli(TestBackend.H2);
    assertThat(cli.run("ingest", a.toString()).exitCode()).isEqualTo(ExitCodes.OK);

    // What the store's own tools open for that folder (DatabaseConfig.h2File).
    try (TestDatabase store = TestBackend.H2.openDurable(cli.dataDir())) {
      assertThat(store.tips().findByCybertipReportId(LOCAL, "1022")).isPresent();
    }
  }

  @Test
  void missingPathIsAnInputErrorAndNothingIsIngested() throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1008", "gina"));
    CliRun cli = cli(TestBackend.H2);

    CliRun.Result r = cli.run("ingest", a.toString(), dir.resolve("nope.xml").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("nope.xml: no such file or folder");
    assertThat(cli.opened).isEmpty();
    assertThat(cli.tips().count(LOCAL)).isZero();
  }

  @Test
  void noPathIsAUsageError() {
    CliRun.Result r = cli(TestBackend.H2).run("ingest");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("PATH");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void oversizedZipEntryIsRejectedUnreadAndTheRestIngested(TestBackend database)
      throws IOException {
    Path zip =
        zip(
            "bomb.zip",
            Map.of(
                "big.json", TestDocuments.leJson("1009", 10_000),
                "ok.json", TestDocuments.leJson("1010", "hank")));
    CliRun cli = cli(database).zipLimits(new ZipLimits(10, 4_096, 1_000_000));

    CliRun.Result r = cli.run("ingest", "--json", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    JsonNode docs = TipJson.mapper().readTree(r.out()).get("documents");
    JsonNode big =
        docs.get(0).get("name").asText().endsWith("big.json") ? docs.get(0) : docs.get(1);
    assertThat(big.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(big.get("sha256").isNull()).isTrue();
    assertThat(big.at("/problems/0/reason").asText()).contains("more than 4096 bytes");
    assertThat(cli.tips().count(LOCAL)).isEqualTo(1);
    assertThat(cli.archived(LOCAL)).isEqualTo(1);
  }

  @Test
  void zipWithTooManyEntriesIsRejectedWhole() throws IOException {
    Path zip =
        zip(
            "many.zip",
            Map.of(
                "1.json", TestDocuments.leJson("1011", "a"),
                "2.json", TestDocuments.leJson("1012", "b"),
                "3.json", TestDocuments.leJson("1013", "c")));
    CliRun cli = cli(TestBackend.H2).zipLimits(new ZipLimits(2, 4_096, 1_000_000));

    CliRun.Result r = cli.run("ingest", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("zip has 3 entries; the limit is 2");
    assertThat(cli.tips().count(LOCAL)).isZero();
  }

  @Test
  void zipTotalInflatedSizeIsBounded() throws IOException {
    Path zip =
        zip(
            "total.zip",
            Map.of(
                "1.json", TestDocuments.leJson("1014", 3_000),
                "2.json", TestDocuments.leJson("1015", 3_000),
                "3.json", TestDocuments.leJson("1016", 3_000)));
    CliRun cli = cli(TestBackend.H2).zipLimits(new ZipLimits(10, 4_096, 7_000));

    CliRun.Result r = cli.run("ingest", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("2 accepted").contains("1 rejected").contains("in total");
    assertThat(cli.tips().count(LOCAL)).isEqualTo(2);
  }

  @Test
  void corruptZipIsRejected() throws IOException {
    Path zip = write("broken.zip", "PK this is not a zip");
    CliRun.Result r = cli(TestBackend.H2).run("ingest", zip.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("REJECTED " + zip).contains("not a readable zip file");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void agencyOptionAndEnvironmentScopeTheIngest(TestBackend database) throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1017", "ida"));
    Path b = write("b.json", TestDocuments.leJson("1018", "jo"));
    CliRun cli = cli(database).env(Map.of("TIPTRACE_AGENCY", "ICAC-ENV"));

    assertThat(cli.run("ingest", a.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.run("--agency", "ICAC-OPT", "ingest", b.toString()).exitCode())
        .isEqualTo(ExitCodes.OK);

    assertThat(cli.tips().findByCybertipReportId(new AgencyId("ICAC-ENV"), "1017")).isPresent();
    assertThat(cli.tips().findByCybertipReportId(new AgencyId("ICAC-OPT"), "1018")).isPresent();
    assertThat(cli.tips().count(new AgencyId("ICAC-ENV"))).isEqualTo(1);
    assertThat(cli.tips().count(new AgencyId("ICAC-OPT"))).isEqualTo(1);
    assertThat(cli.tips().count(LOCAL)).isZero();
  }

  @Test
  void globalOptionsWorkAfterTheSubcommandAndPasswordComesFromEnvironment() throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1019", "kim"));
    String url = TiptraceBackend.defaultUrl(dir.resolve("other"));
    CliRun cli = cli(TestBackend.H2).env(Map.of("TIPTRACE_DB_PASSWORD", "s3cret"));

    CliRun.Result r = cli.run("ingest", "--db-url", url, "--db-user", "tt", a.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.opened)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.url()).isEqualTo(url);
              assertThat(s.user()).contains("tt");
              assertThat(s.password()).contains("s3cret");
              assertThat(s.toString()).doesNotContain("s3cret");
            });
    assertThat(r.out() + r.err()).doesNotContain("s3cret");
    assertThat(cli.tips().count(LOCAL)).as("not the default database").isZero();
  }

  @Test
  void invalidAgencyIsAUsageError() throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1020", "lee"));
    CliRun.Result r = cli(TestBackend.H2).run("--agency", "no spaces", "ingest", a.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--agency");
  }

  @Test
  void databaseFailureExitsFour() throws IOException {
    Path a = write("a.json", TestDocuments.leJson("1021", "max"));
    CliRun cli = cli(TestBackend.H2).env(Map.of("TIPTRACE_DB_PASSWORD", "hunter2"));
    // A database under a regular file cannot be created: the store fails to open it.
    String url = "jdbc:h2:file:" + a.toAbsolutePath() + "/db";

    CliRun.Result r = cli.run("--db-url", url, "ingest", a.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.DATABASE);
    assertThat(r.err()).contains("tiptrace: database: cannot open").contains(url);
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream os = Files.newOutputStream(p);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return p;
  }
}
