package org.tiptrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.intake.DocumentReaders;
import org.tiptrace.intake.IntakeLimits;

/** {@code tiptrace pdq} on the benign reference images and hash lists of shared/testdata/pdq. */
class PdqCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CliEnvironment env =
        new CliEnvironment(
            TiptraceBackend::open,
            DocumentReaders.standard(),
            IntakeLimits.DEFAULT,
            ZipLimits.DEFAULT,
            Clock.systemUTC(),
            Map.of(),
            new PrintWriter(out),
            new PrintWriter(err),
            false,
            (b, u, p, c) -> {});
    return Cli.commandLine(env).execute(args);
  }

  @Test
  void hashPrintsHashQualityAndPath() {
    Path image = PdqTestData.root().resolve("reg-test-input/dih/bridge-1-original.jpg");
    assertThat(run("pdq", "hash", image.toString())).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,100," + image);
  }

  @Test
  void anUndecodableFileIsNamedAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
    Path bogus = Files.writeString(dir.resolve("not-an-image.jpg"), "plain text");
    assertThat(run("pdq", "hash", bogus.toString())).isEqualTo(ExitCodes.NOT_ACCEPTED);
    assertThat(err.toString()).contains(bogus.toString());
  }

  @Test
  void matchReproducesTheReferenceOracleAtDistance31() {
    Path base = PdqTestData.root().resolve("reg-test-input");
    int code =
        run(
            "pdq",
            "match",
            "--haystack",
            base.resolve("haystack.txt").toString(),
            "--needles",
            base.resolve("needles.txt").toString());
    assertThat(code).isZero();
    // shared/reference/pdq.md §7.4: 250 pairs within 31, every one of the 100 needles matched.
    var lines = out.toString().strip().lines().toList();
    assertThat(lines).hasSize(250).allMatch(l -> l.matches("\\d+,\\d+,\\d+"));
    assertThat(lines.stream().map(l -> l.split(",")[0]).distinct()).hasSize(100);
  }

  @Test
  void dihedralMatchingFindsTheRotatedImage(@TempDir Path dir) throws Exception {
    Path dih = PdqTestData.root().resolve("reg-test-input/dih");
    assertThat(run("pdq", "hash", "--dihedral", dih.resolve("bridge-1-original.jpg").toString()))
        .isZero();
    String line = out.toString().strip();
    String eight = line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1));
    Path needles = Files.writeString(dir.resolve("needles.txt"), eight + "\n");
    out.getBuffer().setLength(0);
    assertThat(run("pdq", "hash", dih.resolve("bridge-3-rotate-180.jpg").toString())).isZero();
    Path haystack =
        Files.writeString(dir.resolve("haystack.txt"), out.toString().split(",")[0] + "\n");
    out.getBuffer().setLength(0);

    assertThat(
            run("pdq", "match", "--haystack", haystack.toString(), "--needles", needles.toString()))
        .isZero();
    assertThat(out.toString()).as("the plain needle does not match a 180° rotation").isEmpty();
    assertThat(
            run(
                "pdq",
                "match",
                "--dihedral",
                "--haystack",
                haystack.toString(),
                "--needles",
                needles.toString()))
        .isZero();
    assertThat(out.toString().strip()).startsWith("1,1,");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(run("pdq", "match", "--haystack", "x", "--needles", "y", "--distance", "300"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("pdq", "match", "--haystack", "/no/such", "--needles", "/no/such"))
        .isEqualTo(ExitCodes.INPUT);
  }
}
