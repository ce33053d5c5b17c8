package org.tiptrace.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.rules.RuleSets;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.rules.RuleCheck;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleProblem;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace rules}: the stored versions of the triage and viewing-gate rules, the same
 * workflow as {@code /admin/rules} ({@link RuleSets}): list, show (with the diff against the active
 * version), submit a file (checked by the real parser; nothing stored on error), activate or roll
 * back. Every submission and activation is audited with the actor {@code cli:<OS user>}.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Versioned triage and viewing-gate rules, stored in the database and applied by ingest,"
          + " re-triage, the queue and the viewing gate.",
      "Tiptrace applies the configured rules; it does not give legal advice. A viewing-gate"
          + " version activates only if it records a counsel review (reviewed_by, reviewed_on)."
    },
    subcommands = {
      RulesCommand.ListVersions.class,
      RulesCommand.Show.class,
      RulesCommand.Submit.class,
      RulesCommand.Activate.class
    })
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The {@code --kind} option of every subcommand. */
  abstract static class KindCommand implements Callable<Integer> {
    final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(
        names = "--kind",
        paramLabel = "triage|viewing-gate",
        description = "Which rules (default: ${DEFAULT-VALUE}).",
        defaultValue = "triage")
    String kind = "triage";

    KindCommand(CliEnvironment env) {
      this.env = env;
    }

    RuleKind kind() {
      return RuleKind.fromSlug(kind)
          .orElseThrow(
              () ->
                  new ParameterException(
                      spec.commandLine(),
                      "--kind must be triage or viewing-gate, was '" + kind + "'"));
    }

    TiptraceBackend open() {
      return env.backends().open(RootCommand.of(spec).database(env, spec));
    }

    RuleSets rules(TiptraceBackend backend) {
      return new RuleSets(backend, CliRules.of(backend, env), env.clock());
    }

    String actor() {
      return "cli:" + Optional.ofNullable(env.env().get("USER")).orElse("unknown");
    }

    int fail(int code, String message) {
      env.err().println("tiptrace rules " + spec.name() + ": " + message);
      env.err().flush();
      return code;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the stored versions of one kind of rules, the active one marked.")
  static final class ListVersions extends KindCommand {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ListVersions(CliEnvironment env) {
      super(env);
    }

    @Override
    public Integer call() {
      RuleKind k = kind();
      try (TiptraceBackend backend = open()) {
        List<StoredRuleSet> versions = rules(backend).list(k);
        if (json) {
          List<Map<String, Object>> out =
              versions.stream()
                  .map(
                      v -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("kind", k.slug());
                        m.put("version", v.version());
                        m.put("fileVersion", v.fileVersion());
                        m.put("active", v.active());
                        m.put("sha256", v.sha256().hex());
                        m.put("submittedBy", v.submittedBy());
                        m.put("submittedAt", v.submittedAt().toString());
                        m.put("note", v.note());
                        return m;
                      })
                  .toList();
          env.out().println(TipJson.writePretty(out));
        } else {
          for (StoredRuleSet v : versions) {
            env.out()
                .println(
                    (v.active() ? "* " : "  ")
                        + "v"
                        + v.version()
                        + "  "
                        + v.fileVersion()
                        + "  "
                        + v.submittedAt()
                        + "  "
                        + v.submittedBy()
                        + "  "
                        + v.note());
          }
        }
        env.out().flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a stored version as submitted, or its diff against the active one.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:printed", "1:no such version", "2:usage error"})
  static final class Show extends KindCommand {
    @Parameters(paramLabel = "VERSION", description = "The stored version (2 or v2).")
    String version = "";

    @Option(names = "--diff", description = "Print the unified diff from the active version.")
    boolean diff;

    Show(CliEnvironment env) {
      super(env);
    }

    @Override
    public Integer call() {
      RuleKind k = kind();
      int v = Activate.number(spec, version);
      try (TiptraceBackend backend = open()) {
        RuleSets rules = rules(backend);
        StoredRuleSet s;
        try {
          s = rules.find(k, v);
        } catch (RuleSets.Refusal e) {
          return fail(ExitCodes.NOT_ACCEPTED, e.getMessage());
        }
        env.out().print(diff ? rules.diffAgainstActive(s) : s.text());
        env.out().flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description = {
        "Store a rule file as a new, inactive version, after checking it with the real parser.",
        "A refused file is not stored; each problem is printed with its line and reason."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:stored",
        "1:refused (problems printed); nothing stored",
        "2:usage error",
        "3:the file does not exist or cannot be read"
      })
  static final class Submit extends KindCommand {
    @Parameters(paramLabel = "FILE", description = "The rule file (YAML).")
    Path file = Path.of("");

    @Option(
        names = "--note",
        required = true,
        paramLabel = "TEXT",
        description = "Why the rules change (required, recorded with the version).")
    String note = "";

    Submit(CliEnvironment env) {
      super(env);
    }

    @Override
    public Integer call() {
      RuleKind k = kind();
      byte[] bytes;
      try {
        if (Files.size(file) > RuleCheck.MAX_BYTES) {
          return fail(
              ExitCodes.INPUT,
              file + ": " + Files.size(file) + " bytes, at most " + RuleCheck.MAX_BYTES);
        }
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        return fail(ExitCodes.INPUT, file + ": no such file");
      } catch (IOException e) {
        return fail(ExitCodes.INPUT, file + ": cannot read: " + e.getMessage());
      }
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      try (TiptraceBackend backend = open()) {
        RuleSets.Submission s =
            rules(backend).submit(k, bytes, name, note, actor(), Optional.empty());
        if (s instanceof RuleSets.Refused r) {
          for (RuleProblem p : r.problems()) {
            env.err().println(file + ": " + p.display());
          }
          return fail(ExitCodes.NOT_ACCEPTED, "refused; nothing was stored");
        }
        RuleSets.Stored stored = (RuleSets.Stored) s;
        env.out()
            .println(
                "Stored "
                    + stored.version().label()
                    + " (inactive): "
                    + stored.summary()
                    + "; activate with 'tiptrace rules activate --kind "
                    + k.slug()
                    + " "
                    + stored.version().version()
                    + "'");
        env.out().flush();
        return ExitCodes.OK;
      }
    }
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = {
        "Make a stored version the active one (also an earlier one: a roll-back).",
        "Activating triage rules re-scores every stored tip. A viewing-gate version activates"
            + " only if it records a counsel review."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:activated",
        "1:no such version, already active, or a gate version without counsel review",
        "2:usage error"
      })
  static final class Activate extends KindCommand {
    @Parameters(paramLabel = "VERSION", description = "The stored version (2 or v2).")
    String version = "";

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (recorded in the audit).")
    String note = "";

    Activate(CliEnvironment env) {
      super(env);
    }

    static int number(CommandSpec spec, String text) {
      String t = text.startsWith("v") ? text.substring(1) : text;
      try {
        int v = Integer.parseInt(t);
        if (v >= 1) {
          return v;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw new ParameterException(
          spec.commandLine(),
          "VERSION must be a stored version such as 2 or v2, was '" + text + "'");
    }

    @Override
    public Integer call() {
      RuleKind k = kind();
      int v = number(spec, version);
      try (TiptraceBackend backend = open()) {
        ActiveRules active = CliRules.of(backend, env);
        RuleSets rules = new RuleSets(backend, active, env.clock());
        RuleSets.Activation done;
        try {
          done = rules.activate(k, v, note, actor(), Optional.empty());
        } catch (RuleSets.Refusal e) {
          return fail(ExitCodes.NOT_ACCEPTED, e.getMessage());
        }
        env.out()
            .println("Active: " + done.now().label() + " (was " + done.previous().label() + ")");
        if (k == RuleKind.TRIAGE) {
          ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
          int n =
              rules.rescoreAll(
                  LinkTriageService.of(backend, active::triage, env.clock()),
                  (d, total) -> {
                    if (bar != null) {
                      bar.step((long) d, (long) total, "tips re-scored");
                    }
                  });
          if (bar != null) {
            bar.finish();
          }
          env.out().println("Re-scored " + n + " tips with " + done.now().label());
        }
        env.out().flush();
        return ExitCodes.OK;
      }
    }
  }
}
