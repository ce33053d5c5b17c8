package org.tiptrace.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditVerifier;
import org.tiptrace.audit.VerificationResult;
import org.tiptrace.audit.VerificationResult.Break;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tiptrace audit verify}: checks the audit log's hash chain. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the audit log.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute the audit log's hash chain and name the first entry that was edited, deleted,"
            + " reordered or inserted.",
        "The head hash it prints covers every entry: keep it outside the database (a ticket, a"
            + " signed mail) and compare it with later runs, since a log cut off at the end and"
            + " rewritten consistently can only be detected against such an anchor."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the chain verifies",
        "1:an entry does not verify (the first one is named)",
        "4:the database could not be opened or used"
      })
  static final class Verify implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    Verify(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      VerificationResult result;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        result = new AuditVerifier(backend.auditLog()).verify();
      }
      if (json) {
        env.out().println(json(result));
      } else {
        print(result);
      }
      env.out().flush();
      env.err().flush();
      return result.intact() ? ExitCodes.OK : ExitCodes.NOT_ACCEPTED;
    }

    private void print(VerificationResult r) {
      if (r.intact()) {
        env.out()
            .println(
                "audit log intact: "
                    + r.entriesChecked()
                    + " entries; head "
                    + r.head().sequence()
                    + " "
                    + r.headHash());
        return;
      }
      Break b = r.firstBreak().orElseThrow();
      env.err()
          .println(
              "audit log broken at entry "
                  + b.sequence()
                  + b.action().map(a -> " (" + a + ")").orElse("")
                  + ": "
                  + b.reason()
                  + ": "
                  + b.message());
      env.err().println("last good entry: " + r.head().sequence() + " " + r.headHash());
    }

    private static String json(VerificationResult r) {
      ObjectNode o = TipJson.mapper().createObjectNode();
      o.put("intact", r.intact());
      o.put("entriesChecked", r.entriesChecked());
      o.put("headSequence", r.head().sequence());
      o.put("headHash", r.headHash().hex());
      r.firstBreak()
          .ifPresent(
              b -> {
                ObjectNode f = o.putObject("firstBreak");
                f.put("sequence", b.sequence());
                if (b.action().isPresent()) {
                  f.put("action", b.action().get().name());
                } else {
                  f.putNull("action");
                }
                f.put("reason", b.reason().name());
                f.put("message", b.message());
              });
      return o.toPrettyString();
    }
  }
}
