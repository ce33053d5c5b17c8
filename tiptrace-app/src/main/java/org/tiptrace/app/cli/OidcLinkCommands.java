package org.tiptrace.app.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.tiptrace.account.Account;
import org.tiptrace.account.OidcLink;
import org.tiptrace.account.OidcLinkRepository.LinkOutcome;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace users link-oidc} and {@code unlink-oidc}: which single sign-on identity (the ID
 * token's issuer and subject) opens which account. The account keeps its agency and roles; the
 * identity provider only authenticates. Every change is audited with actor {@code cli:<OS user>}.
 */
final class OidcLinkCommands {
  private OidcLinkCommands() {}

  private static String actor(CliEnvironment env) {
    return "cli:" + Optional.ofNullable(env.env().get("USER")).orElse("unknown");
  }

  @Command(
      name = "link-oidc",
      mixinStandardHelpOptions = true,
      description = {
        "Let an OIDC identity sign in as this account (single sign-on).",
        "--issuer is the ID token's iss exactly; --subject the configured subject claim"
            + " (tiptrace.oidc.subject-claim, default sub)."
      })
  static final class Link implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username = "";

    @Option(names = "--issuer", required = true, paramLabel = "ISSUER-URI")
    String issuer = "";

    @Option(names = "--subject", required = true, paramLabel = "SUBJECT")
    String subject = "";

    Link(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try {
        OidcLink.check(issuer, subject);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--issuer/--subject: " + e.getMessage());
      }
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Account> account = backend.accounts().find(username);
        if (account.isEmpty()) {
          return refuse("no user '" + username + "'");
        }
        String name = account.get().username();
        LinkOutcome outcome =
            backend
                .oidcLinks()
                .link(new OidcLink(issuer, subject, name, env.clock().instant(), actor(env)));
        switch (outcome) {
          case LINKED ->
              backend
                  .auditLog()
                  .append(
                      new AuditEvent(
                          actor(env),
                          Optional.of(account.get().agency()),
                          AuditAction.OIDC_LINKED,
                          AuditSubjectType.USER,
                          name,
                          "issuer=" + issuer + ", subject=" + subject));
          case ALREADY_LINKED -> {}
          case IDENTITY_TAKEN -> {
            return refuse(
                "issuer "
                    + issuer
                    + " subject "
                    + subject
                    + " already opens another account; unlink it there first");
          }
          case ACCOUNT_HAS_OTHER_SUBJECT -> {
            return refuse(
                name
                    + " is linked to another subject of "
                    + issuer
                    + "; run 'tiptrace users unlink-oidc "
                    + name
                    + " --issuer "
                    + issuer
                    + "' first");
          }
          case NO_SUCH_ACCOUNT -> {
            return refuse("no user '" + username + "'");
          }
        }
        env.out()
            .println(
                name
                    + ": "
                    + (outcome == LinkOutcome.LINKED ? "linked to " : "already linked to ")
                    + issuer
                    + " subject "
                    + subject);
        env.out().flush();
        return ExitCodes.OK;
      }
    }

    private Integer refuse(String message) {
      env.err().println("tiptrace users link-oidc: " + message);
      env.err().flush();
      return ExitCodes.NOT_ACCEPTED;
    }
  }

  @Command(
      name = "unlink-oidc",
      mixinStandardHelpOptions = true,
      description = "Remove the account's OIDC identity of one issuer.")
  static final class Unlink implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username = "";

    @Option(names = "--issuer", required = true, paramLabel = "ISSUER-URI")
    String issuer = "";

    Unlink(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Account> account = backend.accounts().find(username);
        if (account.isEmpty() || !backend.oidcLinks().unlink(username, issuer)) {
          env.err()
              .println(
                  "tiptrace users unlink-oidc: user '"
                      + username
                      + "' has no identity of issuer "
                      + issuer);
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        backend
            .auditLog()
            .append(
                new AuditEvent(
                    actor(env),
                    Optional.of(account.get().agency()),
                    AuditAction.OIDC_UNLINKED,
                    AuditSubjectType.USER,
                    account.get().username(),
                    "issuer=" + issuer));
      }
      env.out().println(username + ": unlinked from " + issuer);
      env.out().flush();
      return ExitCodes.OK;
    }
  }
}
