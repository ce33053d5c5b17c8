package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestReports;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.hash.content.PdqStatus;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.FileVerdict;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.HashSource;
import org.tiptrace.hash.sets.MatchMethod;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;
import org.tiptrace.triage.HashVerdict;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TriageRules;

/**
 * Issue 3 §5, "PDQ when … the file bytes are available": {@code evidence attach} of a photo to a
 * tip whose report carries no PDQ hash computes the PDQ hash, matches it (all eight variants)
 * against a set holding the rotated photo's hash, changes the file's verdict and re-triages the
 * tip; computing is audited and shown as computed by Tiptrace in {@code tips show --json}.
 */
class EvidenceAttachMatchingTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  /** pdq.md §7.2: the rotated photo's hash, 2 bits from bridge-1's ROTATE_90 variant (§7.3). */
  private static final String ROTATED_90 =
      "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private static String md5(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored tip whose file f1 reports only NCMEC's MD5 of {@code bytes}; linked and scored. */
  private Tip seed(TestBackend database, byte[] bytes, String name) throws IOException {
    cli = CliRun.on(database, dir);
    ReportedFile file =
        new ReportedFile(
            Optional.of("f1"),
            Optional.of(name),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            TriState.UNKNOWN,
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            List.of(
                new FileHash(
                    HashAlgorithm.MD5, "verificationHash", md5(bytes), HashOrigin.NCMEC_RECEIVED)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Tip tip =
        cli.tips()
            .insertIfAbsent(
                LOCAL,
                Sha256.of(name.getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-01-01T00:00:00Z"),
                TestReports.report(SourceFormat.LE_JSON, Optional.of("7300001"), "cli-user")
                    .withFiles(List.of(file)))
            .tip();
    Path set = dir.resolve("rotated.json");
    Files.writeString(
        set,
        """
        { "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media",
          "value": [ { "MediaID": 1, "Category": 1, "AlternativeHashes": [
                { "HashName": "PDQ", "HashValue": "%s" } ] } ] }
        """
            .replace("%s", ROTATED_90),
        StandardCharsets.UTF_8);
    CliRun.Result imported =
        cli.run(
            "hashsets",
            "import",
            "--format",
            "vics",
            "--name",
            "Rotated photos",
            "--version",
            "1",
            set.toString());
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ExitCodes.OK);
    LinkTriageService.of(cli.database(), TriageRules.defaults(), java.time.Clock.systemUTC())
        .catchUp(LOCAL);
    return tip;
  }

  private StoredTriage triage(Tip tip) {
    return cli.database().triageStore().find(LOCAL, tip.id()).orElseThrow();
  }

  private List<AuditEntry> entries(AuditAction action) {
    return cli.database().auditLog().read(0, 1000).stream()
        .filter(e -> e.action() == action)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void attachedPhotoMatchesByComputedPdqAndTheTipIsReTriaged(TestBackend database)
      throws IOException {
    Path photo = PdqTestData.root().resolve("reg-test-input/dih/bridge-1-original.jpg");
    Tip tip = seed(database, Files.readAllBytes(photo), "upload_1.jpg");
    StoredTriage before = triage(tip);
    assertThat(before.signals().files()).containsExactly(HashVerdict.NOT_CHECKED);

    CliRun.Result r =
        cli.run(
            "evidence",
            "attach",
            "--tip",
            tip.id().toString(),
            "--file",
            "f1",
            "--by",
            "ana",
            photo.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("computed by Tiptrace for file f1: SHA1 ")
        .contains(
            "PDQ hashed f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,"
                + " quality 100")
        .contains("file f1 verdict: MATCHED_KNOWN")
        .contains("PDQ distance 2, hash computed by Tiptrace, variant ROTATE_90")
        .contains("matches changed: tip re-triaged");
    FileMatches f =
        cli.database()
            .hashSets()
            .findMatches(LOCAL, tip.id())
            .orElseThrow()
            .matches()
            .files()
            .get(0);
    assertThat(f.verdict()).isEqualTo(FileVerdict.MATCHED_KNOWN);
    HashMatch m = f.matches().get(0);
    assertThat(m.method()).isEqualTo(MatchMethod.PDQ);
    assertThat(m.distance()).hasValue(2);
    assertThat(m.variant()).contains(PdqDihedral.ROTATE_90);
    assertThat(m.source()).isEqualTo(HashSource.COMPUTED);

    StoredTriage after = triage(tip);
    assertThat(after.signals().files()).containsExactly(HashVerdict.MATCHED_KNOWN);
    assertThat(after.result().lines())
        .anySatisfy(l -> assertThat(l.rule()).isEqualTo("hash.knownMatch"));
    // hash.knownMatch and hash.notChecked weigh the same today, so the explanation shows the change
    assertThat(before.result().lines())
        .anySatisfy(l -> assertThat(l.rule()).isEqualTo("hash.notChecked"));
    assertThat(after.result().lines())
        .noneSatisfy(l -> assertThat(l.rule()).isEqualTo("hash.notChecked"));
    assertThat(cli.database().hashSets().retriageMarks(LOCAL)).isEmpty();

    assertThat(entries(AuditAction.FILE_HASHES_COMPUTED))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("ana"))
        .satisfies(e -> assertThat(e.subjectId()).isEqualTo(tip.id() + "/f1"))
        .satisfies(e -> assertThat(e.detail()).contains("pdq=HASHED quality=100"));

    CliRun.Result shown = cli.run("tips", "show", tip.id().toString(), "--json");
    assertThat(shown.out())
        .contains("\"source\" : \"COMPUTED\"")
        .contains("\"variant\" : \"ROTATE_90\"")
        .contains("\"computed\" : {")
        .contains("\"status\" : \"HASHED\"");
    CliRun.Result text = cli.run("tips", "show", tip.id().toString());
    assertThat(text.out()).contains("computed by Tiptrace from bytes sha256 ");
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void nonImageBytesAreNotAnImageWithoutError(TestBackend database) throws IOException {
    byte[] text = "a chat transcript, no image here\n".getBytes(StandardCharsets.UTF_8);
    Tip tip = seed(database, text, "chat.txt");
    Path file = dir.resolve("chat.txt");
    Files.write(file, text);

    CliRun.Result r =
        cli.run(
            "evidence", "attach", "--tip", tip.id().toString(), "--file", "f1", file.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("PDQ not an image").contains("file f1 verdict: NOT_CHECKED");
    assertThat(cli.database().hashSets().findComputed(LOCAL, tip.id()).get(0).pdq().status())
        .isEqualTo(PdqStatus.NOT_AN_IMAGE);
    assertThat(entries(AuditAction.FILE_HASHES_COMPUTED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("pdq=NOT_AN_IMAGE"));
  }
}
