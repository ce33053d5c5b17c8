package org.tiptrace.app.cli;

import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.TiptraceBackend;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The active stored rules for the commands: the same versions the web app applies ({@code tiptrace
 * rules}), the jar's files seeded into an empty database.
 */
final class CliRules {
  private CliRules() {}

  static ActiveRules of(TiptraceBackend backend, CliEnvironment env) {
    return ActiveRules.seeded(backend.ruleSets(), env.clock());
  }

  /** The active triage rules of the command's database (opened for the read only). */
  static org.tiptrace.triage.TriageRules triage(CliEnvironment env, CommandSpec spec) {
    RootCommand root = RootCommand.of(spec);
    try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
      return of(backend, env).triage();
    }
  }
}
