package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestReaders;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TipQuery;

class IngestCommandTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  @TempDir Path dir;

  @Test
  void ingestsFilesAndPrintsSummary() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-1", "alice"));
    Path b = write("b.json", TestReaders.json("R-2"));
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", a.toString(), b.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("Ingested 2 documents: 2 accepted, 0 attached, 0 duplicate, 0 rejected");
    assertThat(cli.backend.tips().count(LOCAL)).isEqualTo(2);
    assertThat(cli.backend.archive().size()).isEqualTo(2);
    assertThat(cli.opened)
        .singleElement()
        .satisfies(s -> assertThat(s.url()).startsWith("jdbc:h2:file:"));
  }

  @Test
  void walksFoldersRecursivelyAndPutsReportsBeforeFileDetails() throws IOException {
    // Name order would put the fileDetails first; intake must still attach it.
    write("tips/0-file.xml", TestReaders.fileDetails("R-7", "photo.jpg"));
    write("tips/sub/9-report.xml", TestReaders.report("R-7", "bob"));
    write("tips/notes.txt", "not a document");
    write("tips/.hidden/x.xml", TestReaders.report("R-8", "hidden"));
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", "--json", dir.resolve("tips").toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = TipJson.mapper().readTree(r.out());
    assertThat(json.at("/summary/total").asInt()).isEqualTo(2);
    assertThat(json.at("/documents/0/name").asText()).endsWith("9-report.xml");
    assertThat(json.at("/documents/0/outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(json.at("/documents/1/outcome").asText()).isEqualTo("ATTACHED");
    assertThat(json.at("/documents/1/tipId").asLong())
        .isEqualTo(json.at("/documents/0/tipId").asLong());
    Tip tip = cli.backend.tips().findByCybertipReportId(LOCAL, "R-7").orElseThrow();
    assertThat(tip.report().files()).hasSize(1);
  }

  @Test
  void zipEntriesAreDocumentsNamedAfterTheZip() throws IOException {
    Path zip =
        zip(
            "batch.zip",
            Map.of(
                "files/f1.xml", TestReaders.fileDetails("R-3", "one.jpg"),
                "report.xml", TestReaders.report("R-3", "carol"),
                "le.json", TestReaders.json("R-4")));
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", "--json", zip.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    JsonNode docs = TipJson.mapper().readTree(r.out()).get("documents");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(2).get("name").asText()).isEqualTo(zip + "!/files/f1.xml");
    assertThat(docs.get(2).get("outcome").asText()).isEqualTo("ATTACHED");
    assertThat(cli.backend.tips().count(LOCAL)).isEqualTo(2);
  }

  @Test
  void rejectionsAreListedWithEveryProblemAndExitOne() throws IOException {
    Path bad = write("bad.xml", "<?xml version=\"1.0\"?>\n<notATip/>\n");
    Path good = write("good.xml", TestReaders.report("R-5", "dave"));
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", bad.toString(), good.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("1 accepted").contains("1 rejected");
    assertThat(r.out()).contains("REJECTED " + bad);
    assertThat(r.out()).contains("  " + bad + ":2:2: /notATip: unexpected root element <notATip>");
  }

  @Test
  void jsonListsProblemsWithSeverityLineColumnAndPath() throws IOException {
    Path bad = write("bad.xml", "<?xml version=\"1.0\"?>\n<notATip/>\n");
    Path warn = write("warn.xml", "<report>\n<reportId>R-6</reportId>\n<warn/>\n</report>\n");
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", "--json", bad.toString(), warn.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    JsonNode json = TipJson.mapper().readTree(r.out());
    assertThat(json.at("/summary/rejected").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/accepted").asInt()).isEqualTo(1);
    // Reports go first: warn.xml (a report) before bad.xml (unknown root).
    assertThat(json.at("/documents/0/name").asText()).isEqualTo(warn.toString());
    JsonNode rejected = json.at("/documents/1");
    assertThat(rejected.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("tipId").isNull()).isTrue();
    assertThat(rejected.get("sha256").asText()).hasSize(64);
    JsonNode problem = rejected.at("/problems/0");
    assertThat(problem.get("severity").asText()).isEqualTo("ERROR");
    assertThat(problem.get("line").asInt()).isEqualTo(2);
    assertThat(problem.get("column").asInt()).isEqualTo(2);
    assertThat(problem.get("path").asText()).isEqualTo("/notATip");
    assertThat(problem.get("reason").asText()).isEqualTo("unexpected root element <notATip>");
    JsonNode warning = json.at("/documents/0/problems/0");
    assertThat(warning.get("severity").asText()).isEqualTo("WARNING");
    assertThat(warning.get("line").asInt()).isEqualTo(3);
  }

  @Test
  void secondIngestIsDuplicate() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-9", "erin"));
    CliRun cli = new CliRun();
    assertThat(cli.run("ingest", a.toString()).exitCode()).isEqualTo(ExitCodes.OK);

    CliRun.Result again = cli.run("ingest", a.toString());

    assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(again.out()).contains("0 accepted, 0 attached, 1 duplicate, 0 rejected");
    assertThat(cli.backend.tips().count(LOCAL)).isEqualTo(1);
  }

  @Test
  void missingPathIsAnInputErrorAndNothingIsIngested() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-10", "frank"));
    CliRun cli = new CliRun();

    CliRun.Result r = cli.run("ingest", a.toString(), dir.resolve("nope.xml").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err()).contains("nope.xml: no such file or folder");
    assertThat(cli.backend.tips().count(LOCAL)).isZero();
    assertThat(cli.opened).isEmpty();
  }

  @Test
  void noPathIsAUsageError() {
    CliRun.Result r = new CliRun().run("ingest");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("PATH");
  }

  @Test
  void oversizedZipEntryIsRejectedUnreadAndTheRestIngested() throws IOException {
    Path zip =
        zip(
            "bomb.zip",
            Map.of(
                "big.xml",
                "<report>" + " ".repeat(10_000) + "</report>",
                "ok.xml",
                TestReaders.report("R-11", "gina")));
    CliRun cli = new CliRun().zipLimits(new ZipLimits(10, 4_096, 1_000_000));

    CliRun.Result r = cli.run("ingest", "--json", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    JsonNode docs = TipJson.mapper().readTree(r.out()).get("documents");
    JsonNode big = docs.get(0).get("name").asText().endsWith("big.xml") ? docs.get(0) : docs.get(1);
    assertThat(big.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(big.get("sha256").isNull()).isTrue();
    assertThat(big.at("/problems/0/reason").asText()).contains("more than 4096 bytes");
    assertThat(cli.backend.tips().count(LOCAL)).isEqualTo(1);
    assertThat(cli.backend.archive().size()).isEqualTo(1);
  }

  @Test
  void zipWithTooManyEntriesIsRejectedWhole() throws IOException {
    Path zip =
        zip(
            "many.zip",
            Map.of(
                "1.xml", TestReaders.report("R-12", "a"),
                "2.xml", TestReaders.report("R-13", "b"),
                "3.xml", TestReaders.report("R-14", "c")));
    CliRun cli = new CliRun().zipLimits(new ZipLimits(2, 4_096, 1_000_000));

    CliRun.Result r = cli.run("ingest", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("zip has 3 entries; the limit is 2");
    assertThat(cli.backend.tips().count(LOCAL)).isZero();
  }

  @Test
  void zipTotalInflatedSizeIsBounded() throws IOException {
    String filler = " ".repeat(3_000);
    Path zip =
        zip(
            "total.zip",
            Map.of(
                "1.xml", "<report><reportId>T-1</reportId>" + filler + "</report>",
                "2.xml", "<report><reportId>T-2</reportId>" + filler + "</report>",
                "3.xml", "<report><reportId>T-3</reportId>" + filler + "</report>"));
    CliRun cli = new CliRun().zipLimits(new ZipLimits(10, 4_096, 7_000));

    CliRun.Result r = cli.run("ingest", zip.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("2 accepted").contains("1 rejected").contains("in total");
  }

  @Test
  void corruptZipIsRejected() throws IOException {
    Path zip = write("broken.zip", "PK this is not a zip");
    CliRun.Result r = new CliRun().run("ingest", zip.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.out()).contains("REJECTED " + zip).contains("not a readable zip file");
  }

  @Test
  void agencyOptionAndEnvironmentScopeTheIngest() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-15", "hank"));
    Path b = write("b.xml", TestReaders.report("R-16", "ida"));
    CliRun cli = new CliRun().env(Map.of("TIPTRACE_AGENCY", "ICAC-ENV"));

    assertThat(cli.run("ingest", a.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(cli.run("--agency", "ICAC-OPT", "ingest", b.toString()).exitCode())
        .isEqualTo(ExitCodes.OK);

    assertThat(cli.backend.tips().list(new AgencyId("ICAC-ENV"), TipQuery.firstPage(10)).total())
        .isEqualTo(1);
    assertThat(cli.backend.tips().list(new AgencyId("ICAC-OPT"), TipQuery.firstPage(10)).total())
        .isEqualTo(1);
    assertThat(cli.backend.tips().count(LOCAL)).isZero();
  }

  @Test
  void globalOptionsWorkAfterTheSubcommandAndPasswordComesFromEnvironment() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-17", "jo"));
    CliRun cli = new CliRun().env(Map.of("TIPTRACE_DB_PASSWORD", "s3cret"));

    CliRun.Result r =
        cli.run(
            "ingest",
            "--db-url",
            "jdbc:postgresql://db.example.com/tiptrace",
            "--db-user",
            "tt",
            a.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.opened)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com/tiptrace");
              assertThat(s.user()).contains("tt");
              assertThat(s.password()).contains("s3cret");
              assertThat(s.toString()).doesNotContain("s3cret");
            });
    assertThat(r.out() + r.err()).doesNotContain("s3cret");
  }

  @Test
  void invalidAgencyIsAUsageError() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-18", "kim"));
    CliRun.Result r = new CliRun().run("--agency", "no spaces", "ingest", a.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--agency");
  }

  @Test
  void databaseFailureExitsFour() throws IOException {
    Path a = write("a.xml", TestReaders.report("R-19", "lee"));
    java.io.StringWriter err = new java.io.StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            org.tiptrace.app.system.TiptraceBackend::open,
            TestReaders.readers(),
            org.tiptrace.intake.IntakeLimits.DEFAULT,
            ZipLimits.DEFAULT,
            java.time.Clock.systemUTC(),
            Map.of("TIPTRACE_DB_PASSWORD", "hunter2"),
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(err),
            false,
            (b, u, p, c) -> {});
    // A database under a regular file cannot be created: the store fails to open it.
    String url = "jdbc:h2:file:" + a.toAbsolutePath() + "/db";
    int code = Cli.commandLine(env).execute("--db-url", url, "ingest", a.toString());
    assertThat(code).isEqualTo(ExitCodes.DATABASE);
    assertThat(err.toString()).contains("tiptrace: database: cannot open").contains(url);
    assertThat(err.toString()).doesNotContain("hunter2");
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
      for (String entry : new java.util.TreeMap<>(entries).keySet()) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return p;
  }
}
