package org.tiptrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tiptrace.hash.pdq.PdqDecodeException;
import org.tiptrace.hash.pdq.PdqHasher;
import org.tiptrace.hash.pdq.PdqLineMatch;
import org.tiptrace.hash.pdq.PdqMatcher;
import org.tiptrace.hash.pdq.PdqResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tiptrace pdq hash|match}: PDQ perceptual hashes of image files, and range matching. */
@Command(
    name = "pdq",
    mixinStandardHelpOptions = true,
    description = "PDQ perceptual hashing and matching.",
    subcommands = {PdqCommand.Hash.class, PdqCommand.Match.class})
final class PdqCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = {
        "Print 'hash,quality,path' for each image (decoded with Java ImageIO at full resolution).",
        "With --dihedral, the eight dihedral hashes instead of one, comma-separated, as"
            + " 'pdq match --dihedral' reads them."
      })
  static final class Hash implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files.")
    List<Path> files;

    @Option(names = "--dihedral", description = "Print the eight dihedral hashes of each image.")
    boolean dihedral;

    Hash(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      PdqHasher hasher = new PdqHasher();
      PrintWriter out = env.out();
      int failed = 0;
      for (Path file : files) {
        try {
          if (dihedral) {
            var result = hasher.hashDihedral(file);
            out.println(
                PdqMatcher.dihedralLine(result) + "," + result.original().quality() + "," + file);
          } else {
            PdqResult result = hasher.hash(file);
            out.println(result.hash().toHex() + "," + result.quality() + "," + file);
          }
        } catch (PdqDecodeException e) {
          failed++;
          env.err().println("tiptrace: " + file + ": cannot decode the image: " + e.getMessage());
        } catch (IOException e) {
          failed++;
          env.err().println("tiptrace: " + file + ": cannot read: " + e.getMessage());
        }
      }
      out.flush();
      env.err().flush();
      return failed == 0 ? ExitCodes.OK : ExitCodes.NOT_ACCEPTED;
    }
  }

  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {
        "Print 'needle_line,haystack_line,distance' for every pair within the distance.",
        "Files hold hex PDQ hashes, one per line (1-based line numbers in the output)."
      })
  static final class Match implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--haystack", required = true, description = "The hashes to search in.")
    Path haystack;

    @Option(names = "--needles", required = true, description = "The hashes to search for.")
    Path needles;

    @Option(
        names = "--distance",
        defaultValue = "31",
        description = "Largest Hamming distance, inclusive (0-256; default ${DEFAULT-VALUE}).")
    int distance;

    @Option(
        names = "--dihedral",
        description =
            "Match all eight dihedral variants of each needle; needle lines must carry eight"
                + " hashes, as 'pdq hash --dihedral' prints them.")
    boolean dihedral;

    Match(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (distance < 0 || distance > 256) {
        env.err().println("tiptrace: --distance must be 0..256, was " + distance);
        env.err().flush();
        return ExitCodes.USAGE;
      }
      for (Path p : List.of(haystack, needles)) {
        if (!Files.isReadable(p)) {
          env.err().println("tiptrace: " + p + ": no such readable file");
          env.err().flush();
          return ExitCodes.INPUT;
        }
      }
      try {
        List<PdqLineMatch> matches =
            PdqMatcher.matchFiles(
                haystack,
                needles,
                distance,
                dihedral ? PdqMatcher.Variants.DIHEDRAL : PdqMatcher.Variants.ORIGINAL);
        PrintWriter out = env.out();
        for (PdqLineMatch m : matches) {
          out.println(m.toCsv());
        }
        out.flush();
        return ExitCodes.OK;
      } catch (IOException e) {
        env.err().println("tiptrace: " + e.getMessage());
        env.err().flush();
        return ExitCodes.INPUT;
      }
    }
  }
}
