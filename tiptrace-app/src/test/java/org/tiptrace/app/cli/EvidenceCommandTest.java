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
import org.tiptrace.app.testing.CliRun;
import org.tiptrace.app.testing.TestReports;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.hash.pdq.PdqTestData;
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

/** {@code tiptrace evidence attach} on H2 and PostgreSQL, with a benign photo of testdata/pdq. */
class EvidenceCommandTest {
  private static final AgencyId LOCAL = new AgencyId("LOCAL");

  @TempDir Path dir;
  @AutoClose CliRun cli;

  private static Path photo() {
    return PdqTestData.root().resolve("misc-images/wee.jpg");
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tip whose file {@code f1} reports the photo's NCMEC MD5 and the ESP's SHA-1/SHA-256. */
  private Tip seed(TestBackend database) throws IOException {
    cli = CliRun.on(database, dir);
    byte[] p = Files.readAllBytes(photo());
    ReportedFile file =
        new ReportedFile(
            Optional.of("f1"),
            Optional.of("upload_1.jpg"),
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
                    HashAlgorithm.MD5,
                    "verificationHash",
                    hex("MD5", p),
                    HashOrigin.NCMEC_RECEIVED),
                new FileHash(HashAlgorithm.SHA1, "SHA1", hex("SHA-1", p), HashOrigin.ESP_ORIGINAL),
                new FileHash(
                    HashAlgorithm.SHA256, "SHA256", hex("SHA-256", p), HashOrigin.ESP_ORIGINAL)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return cli.tips()
        .insertIfAbsent(
            LOCAL,
            Sha256.of("evidence-cli".getBytes(StandardCharsets.UTF_8)),
            Instant.parse("2026-01-01T00:00:00Z"),
            TestReports.report(SourceFormat.LE_JSON, Optional.of("7200001"), "cli-user")
                .withFiles(List.of(file)))
        .tip();
  }

  private List<AuditEntry> entries(AuditAction action) {
    return cli.database().auditLog().read(0, 1000).stream()
        .filter(e -> e.action() == action)
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void matchingBytesAreArchivedAsTheFilesContentAndAudited(TestBackend database)
      throws IOException {
    Tip tip = seed(database);

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
            photo().toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("attached", "to file f1 of tip " + tip.id(), "verificationHash (NCMEC_RECEIVED)");
    byte[] p = Files.readAllBytes(photo());
    var content =
        cli.database().evidence().contents().find(LOCAL, tip.id(), new FileRef("f1")).orElseThrow();
    assertThat(content.sha256()).isEqualTo(Sha256.of(p));
    assertThat(content.attachedBy()).contains("ana");
    assertThat(cli.database().archive().bytes(LOCAL, Sha256.of(p)))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(p));
    assertThat(entries(AuditAction.FILE_CONTENT_ATTACHED))
        .singleElement()
        .satisfies(e -> assertThat(e.subjectId()).isEqualTo(tip.id() + "/f1"))
        .satisfies(e -> assertThat(e.actor()).isEqualTo("ana"));

    CliRun.Result again =
        cli.run(
            "evidence", "attach", "--tip", tip.id().toString(), "--file", "f1", photo().toString());
    assertThat(again.exitCode()).as("the same bytes again change nothing").isEqualTo(ExitCodes.OK);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void bytesThatDoNotMatchAreRefusedNamingEachHash(TestBackend database) throws IOException {
    Tip tip = seed(database);
    Path other = PdqTestData.root().resolve("misc-images/small.jpg");

    CliRun.Result r =
        cli.run(
            "evidence", "attach", "--tip", tip.id().toString(), "--file", "f1", other.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(r.err())
        .contains(other + ": the bytes are not file f1: verificationHash (NCMEC_RECEIVED) reported")
        .contains("SHA1 (ESP_ORIGINAL) reported")
        .contains("not attached");
    assertThat(cli.database().evidence().contents().find(LOCAL, tip.id(), new FileRef("f1")))
        .isEmpty();
    assertThat(entries(AuditAction.FILE_CONTENT_ATTACHED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anUnknownTipFileOrPathIsNamed(TestBackend database) throws IOException {
    Tip tip = seed(database);
    String id = tip.id().toString();

    CliRun.Result noTip =
        cli.run("evidence", "attach", "--tip", "999999", "--file", "f1", photo().toString());
    assertThat(noTip.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(noTip.err()).contains("no tip 999999 for agency LOCAL");

    CliRun.Result noFile =
        cli.run("evidence", "attach", "--tip", id, "--file", "f2", photo().toString());
    assertThat(noFile.exitCode()).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(noFile.err()).contains("has no file 'f2'; files: [f1]");

    CliRun.Result noPath =
        cli.run(
            "evidence",
            "attach",
            "--tip",
            id,
            "--file",
            "f1",
            dir.resolve("missing.jpg").toString());
    assertThat(noPath.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(noPath.err()).contains("missing.jpg: cannot read");

    CliRun.Result badId =
        cli.run("evidence", "attach", "--tip", id, "--file", "../f1", photo().toString());
    assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
