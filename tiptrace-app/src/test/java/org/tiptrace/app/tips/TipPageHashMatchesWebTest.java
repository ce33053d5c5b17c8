package org.tiptrace.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.TestDocuments;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.hash.content.ComputedDigest;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ComputedPdq;
import org.tiptrace.hash.content.PdqStatus;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSource;
import org.tiptrace.hash.sets.MatchMethod;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * The tip page's hash matches (issue 6 item 3): per file the stored verdict in words and the sets,
 * categories and series that matched, read from the real store ({@code
 * HashSetRepository.findMatches}); a file without a stored result is "not checked". The matches are
 * stored through the repository rather than by importing a set, because sets are shared by every
 * agency and would change the matching of the other tests in this context.
 */
class TipPageHashMatchesWebTest extends WebTest {
  private static final AgencyId AGENCY_H = new AgencyId("ICAC-H");
  private static final Instant T = Instant.parse("2026-11-21T09:30:00Z");
  private static final Pattern ROW =
      Pattern.compile(
          "<tr>\\s*<td>([^<]+)</td>\\s*<td>([^<]+)</td>\\s*<td>(.*?)</td>\\s*</tr>",
          Pattern.DOTALL);

  @BeforeEach
  void account() {
    TestAccounts.ensure(backend, "hana", AGENCY_H, Role.ANALYST);
  }

  /** A tip of agency H with the files {@code names}, each from an ESP fileDetails document. */
  private Tip tipWithFiles(String reportId, String... names) {
    Tip tip = insertTip(AGENCY_H, reportId, "hash-page-" + reportId);
    for (String name : names) {
      tip =
          TestIntake.ingest(
              backend,
              AGENCY_H,
              "fileDetails-" + reportId + "-" + name + ".xml",
              TestDocuments.fileDetails(reportId, name),
              T);
    }
    return tip;
  }

  private static HashMatch match(
      String set,
      HashSetKind kind,
      Optional<String> category,
      Optional<String> series,
      MatchMethod method,
      OptionalInt distance) {
    return new HashMatch(
        set, "2026.11", kind, category, series, TriState.UNKNOWN, method, "sha256:ab12", distance);
  }

  /** The rows of the hash-matches table: file, verdict, matches text. */
  private List<List<String>> rows(String body) {
    int start = body.indexOf("id=\"hash-matches-heading\"");
    assertThat(start).as("hash matches section").isPositive();
    String table = body.substring(start, body.indexOf("</table>", start));
    List<List<String>> out = new ArrayList<>();
    Matcher m = ROW.matcher(table.substring(table.indexOf("<tbody>")));
    while (m.find()) {
      out.add(List.of(m.group(1), m.group(2), m.group(3).replaceAll("<[^>]+>", " ").strip()));
    }
    return out;
  }

  @Test
  void eachFileShowsItsStoredVerdictAndTheSetsCategoriesAndSeriesThatMatched() {
    Tip tip = tipWithFiles("7400001", "a.jpg", "b.jpg", "c.jpg", "d.jpg");
    assertThat(tip.report().files()).hasSize(4);
    TipHashMatches stored =
        new TipHashMatches(
            List.of(
                new FileMatches(
                    0,
                    FileVerdict.MATCHED_KNOWN,
                    List.of(
                        match(
                            "national-abuse",
                            HashSetKind.KNOWN_ABUSE,
                            Optional.of("A1"),
                            Optional.of("series-example-7"),
                            MatchMethod.EXACT_SHA256,
                            OptionalInt.empty()),
                        match(
                            "partner-pdq",
                            HashSetKind.KNOWN_ABUSE,
                            Optional.of("B"),
                            Optional.empty(),
                            MatchMethod.PDQ,
                            OptionalInt.of(12)))),
                new FileMatches(
                    1,
                    FileVerdict.MATCHED_KNOWN_GOOD,
                    List.of(
                        match(
                            "benign-stock",
                            HashSetKind.KNOWN_GOOD,
                            Optional.empty(),
                            Optional.empty(),
                            MatchMethod.EXACT_MD5,
                            OptionalInt.empty()))),
                new FileMatches(2, FileVerdict.UNMATCHED_POSSIBLE_NEW, List.of())),
            "national-abuse 2026.11, partner-pdq 2026.11, benign-stock 2026.11");
    assertThat(backend.hashSets().replaceMatches(AGENCY_H, tip.id(), stored, T)).isTrue();

    HttpClient hana = formLogin("hana", TestAccounts.password("hana"));
    HttpResponse<String> r =
        send(hana, request("/tips/" + tip.id()).header("Accept", "text/html").GET().build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("Matched <span>2026-11-21 09:30 UTC</span>")
        .contains(
            "against <span>national-abuse 2026.11, partner-pdq 2026.11, benign-stock 2026.11");
    List<List<String>> rows = rows(r.body());
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).subList(0, 2)).containsExactly("1 (f-a.jpg)", "known");
    assertThat(rows.get(0).get(2))
        .contains(
            "set national-abuse 2026.11 (KNOWN_ABUSE), category A1, series series-example-7,"
                + " EXACT_SHA256")
        .contains("set partner-pdq 2026.11 (KNOWN_ABUSE), category B, PDQ distance 12");
    assertThat(rows.get(1).subList(0, 2)).containsExactly("2 (f-b.jpg)", "known-good only");
    assertThat(rows.get(1).get(2)).contains("set benign-stock 2026.11 (KNOWN_GOOD), EXACT_MD5");
    assertThat(rows.get(2)).containsExactly("3 (f-c.jpg)", "possible new material", "none");
    assertThat(rows.get(3))
        .as("a file without a stored result is unknown, not 'no match'")
        .containsExactly("4 (f-d.jpg)", "not checked", "none");

    HttpResponse<String> bob =
        send(formLogin("bob", "bob-secret"), request("/tips/" + tip.id()).GET().build());
    assertThat(bob.statusCode()).isEqualTo(404);
    assertThat(bob.body()).doesNotContain("national-abuse");
  }

  @Test
  void aTipNeverMatchedSaysSoAndEveryFileIsNotChecked() {
    Tip tip = tipWithFiles("7400002", "e.jpg", "f.jpg");
    HttpClient hana = formLogin("hana", TestAccounts.password("hana"));
    HttpResponse<String> r = send(hana, request("/tips/" + tip.id()).GET().build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Never matched against hash sets: every file is not checked.");
    assertThat(rows(r.body()))
        .containsExactly(
            List.of("1 (f-e.jpg)", "not checked", "none"),
            List.of("2 (f-f.jpg)", "not checked", "none"));
  }

  /**
   * Hashes Tiptrace computed from a file's bytes are labelled as such, apart from the reported
   * ones; the matched rotation is named; a PDQ hash under the quality gate is flagged.
   */
  @Test
  void computedHashesAreLabelledAndLowQualityIsFlagged() {
    Tip tip = tipWithFiles("7400003", "g.jpg", "h.jpg");
    String pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    ComputedHashes hashed =
        new ComputedHashes(
            new Sha256("ab".repeat(32)),
            1234,
            List.of(new ComputedDigest(HashAlgorithm.SHA1, "cd".repeat(20))),
            new ComputedPdq(
                PdqStatus.HASHED,
                Optional.of(pdq),
                OptionalInt.of(100),
                java.util.Collections.nCopies(8, pdq),
                Optional.empty()));
    ComputedHashes low =
        new ComputedHashes(
            new Sha256("ef".repeat(32)),
            99,
            List.of(),
            new ComputedPdq(
                PdqStatus.LOW_QUALITY,
                Optional.of(pdq),
                OptionalInt.of(30),
                java.util.Collections.nCopies(8, pdq),
                Optional.of("quality 30 is below 50: not matched")));
    HashMatch computedMatch =
        new HashMatch(
            "partner-pdq",
            "2026.11",
            HashSetKind.KNOWN_ABUSE,
            Optional.of("1"),
            Optional.empty(),
            TriState.UNKNOWN,
            MatchMethod.PDQ,
            "PDQ:" + pdq,
            OptionalInt.of(2),
            HashSource.COMPUTED,
            Optional.of(PdqDihedral.ROTATE_90));
    TipHashMatches stored =
        new TipHashMatches(
            List.of(
                new FileMatches(
                    0, FileVerdict.MATCHED_KNOWN, List.of(computedMatch), Optional.of(hashed)),
                new FileMatches(1, FileVerdict.NOT_CHECKED, List.of(), Optional.of(low))),
            "partner-pdq 2026.11");
    assertThat(backend.hashSets().replaceMatches(AGENCY_H, tip.id(), stored, T)).isTrue();

    HttpClient hana = formLogin("hana", TestAccounts.password("hana"));
    HttpResponse<String> r = send(hana, request("/tips/" + tip.id()).GET().build());

    assertThat(r.statusCode()).isEqualTo(200);
    List<List<String>> rows = rows(r.body());
    assertThat(rows.get(0).get(2))
        .contains("PDQ distance 2")
        .contains("hash computed by Tiptrace from the file bytes")
        .contains("matched as the image rotated 90°")
        .contains("Computed by Tiptrace from the file's bytes (not reported by the platform")
        .contains("PDQ " + pdq + ", quality 100")
        .contains("SHA1 " + "cd".repeat(20))
        .doesNotContain("Flagged");
    assertThat(rows.get(1).subList(0, 2)).containsExactly("2 (f-h.jpg)", "not checked");
    assertThat(rows.get(1).get(2))
        .contains("Flagged:")
        .contains("PDQ quality 30 is below 50: the computed PDQ hash was not matched")
        .contains("quality 30 (below 50: not matched)");
  }
}
