package org.tiptrace.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tiptrace.account.Account;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.ApiToken;
import org.tiptrace.account.NewAccount;
import org.tiptrace.account.Totp;
import org.tiptrace.app.system.ApiTokens;
import org.tiptrace.app.system.PasswordHashes;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.AgencyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace users …}, {@code tiptrace tokens …} and {@code tiptrace totp code}: accounts in
 * the database. Every change is an audit entry whose actor is {@code cli:<OS user>}. Secrets (a
 * generated password, a new token) are printed once and never stored in clear; TOTP secrets are
 * never printed by {@code list}.
 */
final class AccountCommands {
  private AccountCommands() {}

  private static String actor(CliEnvironment env) {
    return "cli:" + Optional.ofNullable(env.env().get("USER")).orElse("unknown");
  }

  private static void audit(
      TiptraceBackend backend,
      CliEnvironment env,
      Optional<AgencyId> agency,
      AuditAction action,
      AuditSubjectType type,
      String id,
      String detail) {
    backend.auditLog().append(new AuditEvent(actor(env), agency, action, type, id, detail));
  }

  private static Set<String> roles(CommandSpec spec, List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      for (String part : name.split(",")) {
        try {
          roles.add(Role.valueOf(part.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(
              spec.commandLine(),
              "--role: unknown role '" + part + "'; known roles are " + List.of(Role.values()));
        }
      }
    }
    return roles.stream().map(Role::name).collect(Collectors.toSet());
  }

  @Command(
      name = "users",
      mixinStandardHelpOptions = true,
      description = "Manage accounts in the database.",
      subcommands = {
        Add.class,
        ListUsers.class,
        Disable.class,
        Enable.class,
        TotpReset.class,
        OidcLinkCommands.Link.class,
        OidcLinkCommands.Unlink.class
      })
  static final class Users implements Callable<Integer> {
    @Spec CommandSpec spec = CommandSpec.create();

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return ExitCodes.USAGE;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create an account (Argon2id password hash) in the agency given by --agency.",
        "Without --password-env a random password is generated and printed once."
      })
  static final class Add implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username = "";

    @Option(
        names = "--role",
        required = true,
        split = ",",
        description =
            "Roles: ANALYST, INVESTIGATOR, SUPERVISOR, PROSECUTOR, ADMINISTRATOR, INTAKE.")
    List<String> roles = List.of();

    @Option(
        names = "--password-env",
        paramLabel = "VARIABLE",
        description = "Take the password from this environment variable.")
    @Nullable String passwordEnv;

    Add(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      AgencyId agency = root.agency(env, spec);
      try {
        Account.checkUsername(username);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      Set<String> roleNames = roles(spec, roles);
      String password;
      boolean generated = passwordEnv == null;
      if (passwordEnv != null) {
        password = env.env().get(passwordEnv);
        if (password == null || password.length() < 12) {
          throw new ParameterException(
              spec.commandLine(),
              "--password-env: environment variable "
                  + passwordEnv
                  + " is unset or shorter than 12 characters");
        }
      } else {
        password = DemoCommand.newPassword();
      }
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        boolean created =
            backend
                .accounts()
                .create(
                    new NewAccount(username, PasswordHashes.argon2(password), agency, roleNames),
                    env.clock().instant());
        if (!created) {
          env.err().println("tiptrace users add: user '" + username + "' exists");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        audit(
            backend,
            env,
            Optional.of(agency),
            AuditAction.USER_ADDED,
            AuditSubjectType.USER,
            username,
            "roles=" + String.join(",", new java.util.TreeSet<>(roleNames)));
      }
      env.out().println("created user " + username + " (agency " + agency + ")");
      if (generated) {
        env.out().println("Password: " + password + "  (shown once)");
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
  static final class ListUsers implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    ListUsers(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        env.out().println("USERNAME\tAGENCY\tROLES\tENABLED\tTOTP\tFAILED-LOGINS");
        for (Account a : backend.accounts().list()) {
          env.out()
              .println(
                  a.username()
                      + "\t"
                      + a.agency()
                      + "\t"
                      + String.join(",", new java.util.TreeSet<>(a.roles()))
                      + "\t"
                      + (a.enabled() ? "yes" : "no")
                      + "\t"
                      + (a.totpEnrolled() ? "enrolled" : "none")
                      + "\t"
                      + a.failedLogins());
        }
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  /** Shared body of disable, enable and totp-reset: one user, one change, one audit entry. */
  abstract static class OneUser implements Callable<Integer> {
    final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username = "";

    OneUser(CliEnvironment env) {
      this.env = env;
    }

    abstract boolean change(AccountRepository accounts);

    abstract AuditAction action();

    abstract String done();

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Account> account = backend.accounts().find(username);
        if (account.isEmpty() || !change(backend.accounts())) {
          env.err().println("tiptrace users: no user '" + username + "'");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        audit(
            backend,
            env,
            Optional.of(account.get().agency()),
            action(),
            AuditSubjectType.USER,
            account.get().username(),
            "cli");
      }
      env.out().println(username + ": " + done());
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable an account: no login, its tokens stop working.")
  static final class Disable extends OneUser {
    Disable(CliEnvironment env) {
      super(env);
    }

    @Override
    boolean change(AccountRepository accounts) {
      return accounts.setEnabled(username, false);
    }

    @Override
    AuditAction action() {
      return AuditAction.USER_DISABLED;
    }

    @Override
    String done() {
      return "disabled";
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an account.")
  static final class Enable extends OneUser {
    Enable(CliEnvironment env) {
      super(env);
    }

    @Override
    boolean change(AccountRepository accounts) {
      return accounts.setEnabled(username, true);
    }

    @Override
    AuditAction action() {
      return AuditAction.USER_ENABLED;
    }

    @Override
    String done() {
      return "enabled";
    }
  }

  @Command(
      name = "totp-reset",
      mixinStandardHelpOptions = true,
      description =
          "Remove the account's TOTP secret; with require-totp it enrols anew at the next login.")
  static final class TotpReset extends OneUser {
    TotpReset(CliEnvironment env) {
      super(env);
    }

    @Override
    boolean change(AccountRepository accounts) {
      return accounts.setTotpSecret(username, Optional.empty());
    }

    @Override
    AuditAction action() {
      return AuditAction.TOTP_RESET;
    }

    @Override
    String done() {
      return "TOTP secret removed";
    }
  }

  @Command(
      name = "tokens",
      mixinStandardHelpOptions = true,
      description = "API tokens (Authorization: Bearer) of an account.",
      subcommands = {CreateToken.class, ListTokens.class, RevokeToken.class})
  static final class Tokens implements Callable<Integer> {
    @Spec CommandSpec spec = CommandSpec.create();

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return ExitCodes.USAGE;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token; it is printed once, only its SHA-256 is stored.")
  static final class CreateToken implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--user", required = true, description = "The owning account.")
    String user = "";

    @Option(names = "--label", defaultValue = "api", description = "What it is for.")
    String label = "api";

    @Option(
        names = "--days",
        defaultValue = "90",
        description = "Days until it expires (1..730, default 90).")
    int days;

    CreateToken(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (days < 1 || days > 730) {
        throw new ParameterException(spec.commandLine(), "--days must be 1..730, was " + days);
      }
      if (label.isBlank() || label.length() > 200) {
        throw new ParameterException(spec.commandLine(), "--label must be 1..200 characters");
      }
      RootCommand root = RootCommand.of(spec);
      String token = ApiTokens.newToken();
      Instant now = env.clock().instant();
      ApiToken stored;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Account> account = backend.accounts().find(user);
        if (account.isEmpty()) {
          env.err().println("tiptrace tokens create: no user '" + user + "'");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        stored =
            backend
                .accounts()
                .addToken(
                    account.get().username(),
                    label,
                    ApiTokens.digest(token),
                    now,
                    now.plus(Duration.ofDays(days)));
        audit(
            backend,
            env,
            Optional.of(account.get().agency()),
            AuditAction.TOKEN_CREATED,
            AuditSubjectType.API_TOKEN,
            Long.toString(stored.id()),
            "user=" + stored.username() + ", label=" + label + ", expires=" + stored.expiresAt());
      }
      env.out()
          .println(
              "token "
                  + stored.id()
                  + " of "
                  + stored.username()
                  + ", expires "
                  + stored.expiresAt());
      env.out().println("Token: " + token + "  (shown once; send as Authorization: Bearer)");
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List an account's tokens.")
  static final class ListTokens implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--user", required = true)
    String user = "";

    ListTokens(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      Instant now = env.clock().instant();
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        env.out().println("ID\tLABEL\tCREATED\tEXPIRES\tSTATE\tLAST-USED");
        for (ApiToken t : backend.accounts().tokens(user)) {
          String state =
              t.revokedAt().isPresent() ? "revoked" : t.activeAt(now) ? "active" : "expired";
          env.out()
              .println(
                  t.id()
                      + "\t"
                      + t.label()
                      + "\t"
                      + t.createdAt()
                      + "\t"
                      + t.expiresAt()
                      + "\t"
                      + state
                      + "\t"
                      + t.lastUsedAt().map(Instant::toString).orElse("-"));
        }
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class RevokeToken implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--user", required = true)
    String user = "";

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    RevokeToken(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<Account> account = backend.accounts().find(user);
        if (account.isEmpty() || !backend.accounts().revokeToken(user, id, env.clock().instant())) {
          env.err().println("tiptrace tokens revoke: no active token " + id + " of '" + user + "'");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        audit(
            backend,
            env,
            Optional.of(account.get().agency()),
            AuditAction.TOKEN_REVOKED,
            AuditSubjectType.API_TOKEN,
            Long.toString(id),
            "user=" + account.get().username());
      }
      env.out().println("token " + id + " revoked");
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "totp",
      mixinStandardHelpOptions = true,
      description = "TOTP helpers for testers without an authenticator app.",
      subcommands = {TotpCode.class})
  static final class TotpCommand implements Callable<Integer> {
    @Spec CommandSpec spec = CommandSpec.create();

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return ExitCodes.USAGE;
    }
  }

  @Command(
      name = "code",
      mixinStandardHelpOptions = true,
      description = "Print the current 6-digit code of a Base32 TOTP secret (RFC 6238).")
  static final class TotpCode implements Callable<Integer> {
    private final CliEnvironment env;
    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--secret", required = true, paramLabel = "BASE32")
    String secret = "";

    TotpCode(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      String code;
      try {
        code = new Totp(env.clock()).code(secret);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--secret: " + e.getMessage());
      }
      env.out().println(code);
      env.out().flush();
      return ExitCodes.OK;
    }
  }
}
