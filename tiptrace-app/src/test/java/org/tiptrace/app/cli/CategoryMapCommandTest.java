package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;

/**
 * {@code hashsets category-map}: a set imported under another VICS category map version is found
 * (also by {@code hashsets list}), its tips re-matched with the current map, the changed ones
 * re-triaged, the map recorded on the set, the change audited. The old map is simulated by what it
 * left behind: the recorded label and a stored match that read category 0 (non-pertinent) as abuse.
 */
class CategoryMapCommandTest {
  private static final String EXAMPLE_MD5 = "1a79a4d60de6718e8e5b326e338ae533";
  private static final AgencyId LOCAL = new AgencyId(RootCommand.DEFAULT_AGENCY);
  private static final String OLD = "vics-categories 2020.01-1";

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private Path file(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void aChangedMapIsAppliedToStoredMatchesAndAudited(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    Path set =
        file(
            "set.json",
            "{ \"@odata.context\":"
                + " \"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\",\n"
                + "  \"value\": [ { \"MediaID\": 1, \"Category\": 0, \"MD5\": \""
                + EXAMPLE_MD5
                + "\" } ] }\n");
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
            set.toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    CliRun.Result ingested =
        cli.run("ingest", "--json", file("tip.json", TestDocuments.referenceLeJson()).toString());
    long id = TipJson.mapper().readTree(ingested.out()).at("/documents/0/tipId").asLong();
    assertThat(hashMatches(id).at("/files/0/verdict").asText()).isEqualTo("MATCHED_KNOWN_GOOD");
    assertThat(cli.run("hashsets", "category-map", "--check").exitCode()).isEqualTo(ExitCodes.OK);

    // What an older map left behind: its label on the set, and category 0 read as abuse.
    HashSetRepository sets = cli.database().hashSets();
    sets.recordCategoryMap(sets.find("Example VICS").orElseThrow().id(), OLD);
    TipHashMatches now = sets.findMatches(LOCAL, new TipId(id)).orElseThrow().matches();
    List<FileMatches> files = new ArrayList<>();
    for (FileMatches f : now.files()) {
      List<HashMatch> ms = new ArrayList<>();
      for (HashMatch m : f.matches()) {
        ms.add(
            new HashMatch(
                m.setName(),
                m.setVersion(),
                HashSetKind.KNOWN_ABUSE,
                m.category(),
                m.series(),
                m.victimIdentified(),
                m.method(),
                m.digest(),
                m.distance(),
                m.source(),
                m.variant()));
      }
      files.add(
          new FileMatches(
              f.fileIndex(), ms.isEmpty() ? f.verdict() : FileVerdict.MATCHED_KNOWN, ms));
    }
    sets.replaceMatches(
        LOCAL,
        new TipId(id),
        new TipHashMatches(files, now.sets()),
        Instant.parse("2026-01-01T00:00:00Z"));

    CliRun.Result list = cli.run("hashsets", "list");
    assertThat(list.out())
        .contains("category map: " + OLD + "  (category map stale: current ")
        .contains(VicsCategoryMap.bundled().label());
    assertThat(list.err()).contains("run 'tiptrace hashsets category-map'");
    JsonNode json = TipJson.mapper().readTree(cli.run("hashsets", "list", "--json").out());
    assertThat(json.at("/0/categoryMapStale").asBoolean()).isTrue();
    CliRun.Result check = cli.run("hashsets", "category-map", "--check");
    assertThat(check.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(check.out()).contains("Example VICS 1: imported under " + OLD);

    CliRun.Result applied = cli.run("hashsets", "category-map");
    assertThat(applied.exitCode()).as(applied.err()).isEqualTo(ExitCodes.OK);
    assertThat(applied.out())
        .contains("1 of 1 tips held a match in those sets and were re-matched, 1 changed")
        .contains("Re-triaged 1 marked tips");
    assertThat(hashMatches(id).at("/files/0/verdict").asText()).isEqualTo("MATCHED_KNOWN_GOOD");
    assertThat(sets.find("Example VICS").orElseThrow().categoryMap())
        .hasValue(VicsCategoryMap.bundled().label());
    assertThat(sets.retriageMarks(LOCAL)).isEmpty();
    assertThat(cli.database().auditLog().read(0, 10_000))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.HASH_SET_CATEGORY_MAP_APPLIED);
              assertThat(e.detail()).contains("Example VICS (was " + OLD + ")");
            });
    assertThat(cli.run("hashsets", "category-map").out())
        .contains("Every VICS set reads its categories with");
  }

  private JsonNode hashMatches(long id) throws IOException {
    CliRun.Result shown = cli.run("tips", "show", Long.toString(id), "--json");
    assertThat(shown.exitCode()).as(shown.err()).isEqualTo(ExitCodes.OK);
    return TipJson.mapper().readTree(shown.out()).get("hashMatches");
  }
}
