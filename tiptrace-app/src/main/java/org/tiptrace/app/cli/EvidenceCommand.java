package org.tiptrace.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.intake.HashMatchingStep;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.Retriage;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.tips.TipDocument;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.evidence.EvidenceException;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileContent;
import org.tiptrace.evidence.FileHashing;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.evidence.TipFile;
import org.tiptrace.evidence.TipFiles;
import org.tiptrace.hash.content.ComputedDigest;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.content.ComputedPdq;
import org.tiptrace.hash.sets.FileMatches;
import org.tiptrace.hash.sets.HashMatch;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.triage.TriageRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace evidence attach}: archives the bytes of a reported file (LE JSON downloads carry
 * none) after checking them against the file's reported MD5, SHA-1 and SHA-256. Attaching opens
 * nothing: the viewing gate still decides who may see the bytes. The bytes are then hashed (the
 * exact digests the report lacks, PDQ with its dihedral variants), the tip matched again and, when
 * its matches changed, re-triaged; computing the hashes is audited, and is not a view.
 */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "Evidence files of tips.",
    subcommands = {EvidenceCommand.Attach.class})
final class EvidenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description = {
        "Archive PATH as the bytes of file FILE-ID of tip ID, after checking them against every"
            + " MD5, SHA-1 and SHA-256 reported for that file; a mismatch attaches nothing.",
        "File ids are those of GET /api/v1/tips/{id}/files: the reported id, or pos-N for a file"
            + " without a usable one. Recorded in the audit log."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:attached (or the same bytes were already attached)",
        "1:not attached: no such tip or file, hashes do not match, other bytes already attached",
        "3:PATH cannot be read",
        "4:the database could not be opened or used"
      })
  static final class Attach implements Callable<Integer> {
    /** Files larger than this are refused (the archive keeps bytes in the database). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final java.util.Set<HashAlgorithm> CHECKED =
        java.util.EnumSet.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);

    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--tip", required = true, paramLabel = "ID", description = "The tip id.")
    long tip;

    @Option(
        names = "--file",
        required = true,
        paramLabel = "FILE-ID",
        description = "The file's id within the tip.")
    String file = "";

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who attaches the file, for the audit log (env TIPTRACE_USER, else USER).")
    @Nullable String by;

    @Parameters(index = "0", paramLabel = "PATH", description = "The file's bytes.")
    Path path = Path.of("");

    Attach(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      AgencyId agency = root.agency(env, spec);
      if (tip <= 0) {
        throw new ParameterException(spec.commandLine(), "--tip must be positive, was " + tip);
      }
      if (!FileRef.isValid(file)) {
        throw new ParameterException(spec.commandLine(), "--file: '" + file + "' is not a file id");
      }
      String actor =
          Optional.ofNullable(by)
              .or(() -> Optional.ofNullable(env.env().get("TIPTRACE_USER")))
              .or(() -> Optional.ofNullable(env.env().get("USER")))
              .filter(s -> !s.isBlank())
              .orElse("cli");
      byte[] bytes;
      try {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
          return fail(ExitCodes.INPUT, path + ": " + size + " bytes, more than " + MAX_BYTES);
        }
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        return fail(ExitCodes.INPUT, path + ": cannot read: " + e.getMessage());
      }
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Tip> found = backend.tips().find(agency, new TipId(tip));
        if (found.isEmpty()) {
          return fail(ExitCodes.NOT_ACCEPTED, "no tip " + tip + " for agency " + agency);
        }
        EvidenceFiles evidence =
            new EvidenceFiles(
                backend.archive(),
                backend.evidence().contents(),
                backend.evidence().warrants(),
                CliRules.of(backend, env)::gate,
                env.clock());
        FileContent content;
        try {
          content = evidence.attach(found.get(), new FileRef(file), bytes, path.toString(), actor);
        } catch (EvidenceException e) {
          return fail(ExitCodes.NOT_ACCEPTED, e.getMessage());
        }
        backend
            .auditLog()
            .append(
                new AuditEvent(
                    actor,
                    Optional.of(agency),
                    AuditAction.FILE_CONTENT_ATTACHED,
                    AuditSubjectType.FILE,
                    tip + "/" + file,
                    "cli: sha256=" + content.sha256() + " size=" + content.size()));
        TipFile tipFile = TipFiles.find(found.get(), new FileRef(file)).orElseThrow();
        env.out()
            .println(
                "attached "
                    + path
                    + " to file "
                    + file
                    + " of tip "
                    + tip
                    + ": "
                    + content.size()
                    + " bytes, sha256 "
                    + content.sha256()
                    + "; matched "
                    + tipFile.file().hashes().stream()
                        .filter(h -> CHECKED.contains(h.algorithm()))
                        .map(h -> h.label() + " (" + h.origin() + ")")
                        .toList());
        matchAgain(backend, agency, actor, content);
        env.out().flush();
        return ExitCodes.OK;
      }
    }

    /**
     * Hashes the attached bytes (exact digests the report lacks, PDQ), matches the tip again with
     * them and, when its verdicts changed, re-scores it through the re-triage marks. Prints what
     * was computed and the file's verdict; no content.
     */
    private void matchAgain(
        TiptraceBackend backend, AgencyId agency, String actor, FileContent content) {
      TipId id = new TipId(tip);
      HashMatchingStep step = HashMatchingStep.of(backend, env.clock());
      List<FileHashing.Computed> computed = step.computeMissing(agency, id, actor);
      for (FileHashing.Computed c : computed) {
        env.out()
            .println(
                "computed by Tiptrace for file " + c.file().ref() + ": " + describe(c.hashes()));
      }
      Optional<TipMatching.Change> change =
          step.matching()
              .rematch(
                  agency,
                  id,
                  "hashes computed from the bytes attached to file "
                      + file
                      + " (sha256 "
                      + content.sha256()
                      + ")");
      if (change.isEmpty()) {
        return;
      }
      Tip stored = backend.tips().find(agency, id).orElseThrow();
      int index = TipFiles.find(stored, new FileRef(file)).orElseThrow().index();
      for (FileMatches f : change.get().now().files()) {
        if (f.fileIndex() == index) {
          env.out().println("file " + file + " verdict: " + f.verdict());
          for (HashMatch m : f.matches()) {
            env.out().println("  " + TipDocument.matchLine(m));
          }
        }
      }
      if (change.get().changed()) {
        int rescored =
            new Retriage(
                    backend.hashSets(),
                    LinkTriageService.of(backend, TriageRules.defaults(), env.clock()))
                .consume(agency);
        env.out()
            .println("matches changed: tip re-triaged (" + rescored + " marked tips re-scored)");
      }
    }

    private static String describe(ComputedHashes h) {
      StringBuilder b = new StringBuilder();
      for (ComputedDigest d : h.digests()) {
        b.append(d.algorithm()).append(' ').append(d.value()).append("; ");
      }
      ComputedPdq p = h.pdq();
      b.append("PDQ ")
          .append(p.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      p.hash().ifPresent(x -> b.append(' ').append(x));
      p.quality().ifPresent(q -> b.append(", quality ").append(q));
      p.reason().ifPresent(r -> b.append(" (").append(r).append(')'));
      return b.toString();
    }

    private int fail(int code, String message) {
      env.err().println("tiptrace evidence attach: " + message);
      env.err().flush();
      return code;
    }
  }
}
