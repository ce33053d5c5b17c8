package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.HashVerdict;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;

/**
 * {@code hashsets import|list|remove}, matching on ingest, and re-matching after a change. The
 * reference LE JSON's first file has the MD5 of the ASCII string "example"
 * (1a79a4d60de6718e8e5b326e338ae533), its second an all-zero MD5.
 */
class HashSetsCommandTest {
  private static final String EXAMPLE_MD5 = "1a79a4d60de6718e8e5b326e338ae533";
  private static final AgencyId LOCAL = new AgencyId(RootCommand.DEFAULT_AGENCY);

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private Path vics() throws IOException {
    return file(
        "set.json",
        "{ \"@odata.context\": \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\",\n"
            + "  \"value\": [ { \"MediaID\": 1, \"Category\": 1, \"MD5\": \""
            + EXAMPLE_MD5.toUpperCase(java.util.Locale.ROOT)
            + "\", \"Series\": \"Example Series A\", \"VictimIdentified\": true } ] }\n");
  }

  private long ingest() throws IOException {
    Path doc = file("tip.json", TestDocuments.referenceLeJson());
    CliRun.Result r = cli.run("ingest", "--json", doc.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(r.out()).at("/documents/0/tipId").asLong();
  }

  private JsonNode hashMatches(long id) throws IOException {
    CliRun.Result shown = cli.run("tips", "show", Long.toString(id), "--json");
    assertThat(shown.exitCode()).as(shown.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(shown.out()).get("hashMatches");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aSetImportedBeforeIngestIsMatchedOnIngest(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    CliRun.Result imported =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "vics",
            "--name",
            "Example VICS",
            "--version",
            "2026.01",
            "--source",
            "Project VIC (synthetic)",
            "--licence",
            "test data",
            vics().toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    assertThat(imported.out())
        .contains("Imported Example VICS 2026.01 (KNOWN_ABUSE, vics): 1 records, 1 hashes")
        .contains("Re-matched 0 tips: 0 changed");

    long id = ingest();
    JsonNode m = hashMatches(id);
    assertThat(m.get("hashSets").asText()).isEqualTo("Example VICS 2026.01");
    assertThat(m.get("computedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    JsonNode first = m.at("/files/0");
    assertThat(first.get("verdict").asText()).isEqualTo("MATCHED_KNOWN");
    assertThat(first.at("/matches/0/setName").asText()).isEqualTo("Example VICS");
    assertThat(first.at("/matches/0/category").asText()).isEqualTo("1");
    assertThat(first.at("/matches/0/series").asText()).isEqualTo("Example Series A");
    assertThat(first.at("/matches/0/victimIdentified").asText()).isEqualTo("TRUE");
    assertThat(first.at("/matches/0/method").asText()).isEqualTo("EXACT_MD5");
    assertThat(m.at("/files/1/verdict").asText()).isEqualTo("UNMATCHED_POSSIBLE_NEW");

    CliRun.Result text = cli.run("tips", "show", Long.toString(id));
    assertThat(text.out())
        .contains("Hash matches (matched 2026-01-02T03:04:05Z against Example VICS 2026.01):")
        .contains(
            "file 1: MATCHED_KNOWN; Example VICS 2026.01 (KNOWN_ABUSE, category 1, series"
                + " Example Series A, victim identified, EXACT_MD5)")
        .contains("file 2: UNMATCHED_POSSIBLE_NEW");

    CliRun.Result list = cli.run("hashsets", "list");
    assertThat(list.out())
        .contains("Example VICS 2026.01  KNOWN_ABUSE  1 hashes  vics 2.0")
        .contains("source: Project VIC (synthetic)");
    JsonNode json = TipJson.mapper().readTree(cli.run("hashsets", "list", "--json").out());
    assertThat(json).hasSize(1);
    assertThat(json.at("/0/categoryScheme").asText()).isEqualTo("VICS 2.0 US");
    assertThat(json.at("/0/entries").asLong()).isEqualTo(1);
    assertThat(json.at("/0/fileSha256").asText()).hasSize(64);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void importAndRemoveReMatchStoredTipsAndMarkChangedOnes(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    long id = ingest();
    assertThat(hashMatches(id).at("/files/0/verdict").asText()).isEqualTo("NOT_CHECKED");
    assertThat(hashMatches(id).get("hashSets").asText()).isEqualTo("no hash sets");

    Path csv = file("good.csv", "md5,note\n" + EXAMPLE_MD5 + ",camera sample\n");
    CliRun.Result imported =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "csv",
            "--kind",
            "KNOWN_GOOD",
            "--name",
            "Good",
            "--version",
            "1",
            csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    assertThat(imported.out()).contains("Re-matched 1 tips: 1 changed (marked for re-triage)");
    JsonNode m = hashMatches(id);
    assertThat(m.at("/files/0/verdict").asText()).isEqualTo("MATCHED_KNOWN_GOOD");
    // no abuse set: an unmatched file is not checked, not "possibly new"
    assertThat(m.at("/files/1/verdict").asText()).isEqualTo("NOT_CHECKED");
    // the mark was consumed: the tip re-scored, then the mark cleared
    assertThat(imported.out()).contains("Re-triaged 1 marked tips");
    assertThat(cli.database().hashSets().retriageMarks(LOCAL)).isEmpty();

    CliRun.Result again =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "csv",
            "--kind",
            "KNOWN_GOOD",
            "--name",
            "Good",
            "--version",
            "2",
            csv.toString());
    assertThat(again.out())
        .contains("Imported Good 2 (KNOWN_GOOD, csv): 1 records, 1 hashes; replaced version 1")
        .contains("Re-matched 1 tips: 0 changed");

    CliRun.Result removed = cli.run("hashsets", "remove", "Good");
    assertThat(removed.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(removed.out()).contains("Removed Good 2").contains("1 changed");
    assertThat(hashMatches(id).at("/files/0/verdict").asText()).isEqualTo("NOT_CHECKED");

    CliRun.Result gone = cli.run("hashsets", "remove", "Good");
    assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(gone.err()).contains("no hash set named 'Good'");
  }

  private StoredTriage triage(long id) {
    return cli.database().triageStore().find(LOCAL, new TipId(id)).orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void importingAKnownAbuseSetReTriagesTheTipAndClearsItsMark(TestBackend database)
      throws IOException {
    cli = CliRun.on(database, dir);
    long id = ingest();
    StoredTriage before = triage(id);
    assertThat(before.signals().files())
        .containsExactly(HashVerdict.NOT_CHECKED, HashVerdict.NOT_CHECKED);

    CliRun.Result imported =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "vics",
            "--name",
            "Example VICS",
            "--version",
            "2026.01",
            vics().toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    assertThat(imported.out())
        .contains("Re-matched 1 tips: 1 changed")
        .contains("Re-triaged 1 marked tips");

    // file 1 is now known abuse, file 2 (matched by nothing) possibly new material
    StoredTriage after = triage(id);
    assertThat(after.signals().files())
        .containsExactly(HashVerdict.MATCHED_KNOWN, HashVerdict.UNMATCHED_POSSIBLE_NEW);
    assertThat(after.result().score()).isNotEqualTo(before.result().score());
    assertThat(before.result().tier()).isEqualTo(Tier.TIER_4);
    // two files not checked: hash.notChecked 8 (rule set 2026.11-2; 5, like a known match, before)
    assertThat(before.result().score()).isEqualTo(28);
    // +12 possible new material, +5 known material: 37, tier 3
    assertThat(after.result().tier()).isEqualTo(Tier.TIER_3);
    assertThat(after.result().score()).isEqualTo(37);
    assertThat(after.result().lines())
        .extracting(ScoreLine::rule)
        .contains("hash.possibleNewMaterial", "hash.knownMatch");
    assertThat(cli.database().hashSets().retriageMarks(LOCAL)).isEmpty();

    // removing the set brings the tip back to where it was
    CliRun.Result removed = cli.run("hashsets", "remove", "Example VICS");
    assertThat(removed.exitCode()).as(removed.err()).isEqualTo(ExitCodes.OK);
    assertThat(removed.out()).contains("Re-triaged 1 marked tips");
    StoredTriage again = triage(id);
    assertThat(again.signals().files())
        .containsExactly(HashVerdict.NOT_CHECKED, HashVerdict.NOT_CHECKED);
    assertThat(again.result().score()).isEqualTo(before.result().score());
    assertThat(again.result().tier()).isEqualTo(before.result().tier());
    assertThat(cli.database().hashSets().retriageMarks(LOCAL)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void badInputIsExplainedAndNothingIsImported(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    Path bad =
        file(
            "bad.json",
            "{ \"odata.metadata\": \"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\n"
                + "  \"value\": [\n"
                + "    { \"MediaID\": 1, \"MD5\": \""
                + EXAMPLE_MD5
                + "\" },\n"
                + "    { \"MediaID\": 2, \"MD5\": \"12345\" } ] }\n");
    CliRun.Result r =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "vics",
            "--name",
            "X",
            "--version",
            "1",
            bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err())
        .contains("bad.json:4: /value/1/MD5: not a MD5 digest: expected 32 hex digits, found 5")
        .contains("nothing was imported");
    assertThat(cli.run("hashsets", "list").out()).contains("No hash sets");

    CliRun.Result missing =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "nsrl",
            "--name",
            "N",
            "--version",
            "1",
            dir.resolve("none.db").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).contains("none.db: no such file");

    CliRun.Result noKind =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "csv",
            "--name",
            "C",
            "--version",
            "1",
            bad.toString());
    assertThat(noKind.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noKind.err()).contains("--kind is required for csv");

    CliRun.Result badFormat =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "dfxml",
            "--name",
            "C",
            "--version",
            "1",
            bad.toString());
    assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  /**
   * Issue 3 §1 (progress bar): on a terminal the re-match bar was drawn with the 0-based overload
   * of {@code ProgressBar.step}, so the last step (done = total) overflowed the bar and the command
   * died with "count is negative" after the import had been committed. Found by running {@code
   * hashsets import} in a terminal with three stored tips.
   */
  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theReMatchProgressBarReachesItsEndOnATerminal(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir).terminal();
    ingest();
    CliRun.Result imported =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "vics",
            "--name",
            "Example VICS",
            "--version",
            "1",
            vics().toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    assertThat(imported.err()).contains("] 1/1 tips re-matched").doesNotContain("internal error");
    assertThat(imported.out()).contains("Re-matched 1 tips: 1 changed");
  }
}
