package org.tiptrace.app.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.account.Account;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.Agency;
import org.tiptrace.account.NewAccount;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.PasswordHashes;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.tip.AgencyId;

/**
 * The rules of account and agency administration, shared by the API and the pages.
 *
 * <p>Scope: every user operation first looks the user up in the caller's agency; a user of another
 * agency (or none) is 404 before anything else is read. Guard rails: an administrator cannot take
 * away their own ADMINISTRATOR role and cannot disable themselves (409), and cannot grant the
 * cross-agency SYSTEM_ADMINISTRATOR role (403; a user who holds it keeps it): since only an enabled
 * administrator of the agency can make these changes, the agency always keeps one. Roles are {@link
 * Role} names. Every change is one audit entry with its before and after; passwords and TOTP
 * secrets never appear in one.
 */
@Component
public final class AccountAdmin {
  /** Password length rule for set passwords. */
  static final int MIN_PASSWORD = 12;

  static final int MAX_PASSWORD = 128;

  /** Generated passwords: 4 groups of 5 from 31 unambiguous characters, about 99 bits. */
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountRepository accounts;
  private final CurrentAgency agency;
  private final AuditTrail audit;
  private final Clock clock;

  AccountAdmin(TiptraceBackend backend, CurrentAgency agency, AuditTrail audit, Clock clock) {
    this.accounts = backend.accounts();
    this.agency = agency;
    this.audit = audit;
    this.clock = clock;
  }

  /** One account as administrators see it: never a password hash or a secret. */
  public record UserView(
      String username,
      String agency,
      List<String> roles,
      boolean enabled,
      boolean totpEnrolled,
      int failedLogins,
      Optional<Instant> lastFailedLogin,
      Instant createdAt) {
    static UserView of(Account a) {
      return new UserView(
          a.username(),
          a.agency().code(),
          List.copyOf(new TreeSet<>(a.roles())),
          a.enabled(),
          a.totpEnrolled(),
          a.failedLogins(),
          a.lastFailedLogin(),
          a.createdAt());
    }

    /** True when the account holds {@code role}. */
    public boolean has(String role) {
      return roles.contains(role);
    }
  }

  /**
   * A created account or a reset password.
   *
   * @param generatedPassword the password Tiptrace made up, shown this once; empty when the
   *     administrator set one
   */
  public record Outcome(UserView user, Optional<String> generatedPassword) {}

  /** An agency with its number of accounts. */
  public record AgencyView(String code, String name, int users, Instant createdAt) {}

  // ---- users of the caller's agency ----

  public List<UserView> users() {
    AgencyId own = agency.require();
    List<UserView> out =
        accounts.list().stream()
            .filter(a -> a.agency().equals(own))
            .map(UserView::of)
            .sorted(java.util.Comparator.comparing(u -> u.username().toLowerCase(Locale.ROOT)))
            .toList();
    audit.record(
        AuditAction.USERS_LISTED, AuditSubjectType.USER, "all", out.size() + " users of " + own);
    return out;
  }

  /** The account {@code username} of the caller's agency. */
  public UserView user(String username) {
    UserView u = UserView.of(own(username));
    audit.record(AuditAction.USERS_LISTED, AuditSubjectType.USER, u.username(), "one user");
    return u;
  }

  /**
   * The account {@code username} of the caller's agency, or 404: the same answer whether the name
   * is free or taken in another agency, so existence never leaks.
   */
  Account own(String username) {
    AgencyId own = agency.require();
    return accounts
        .find(username)
        .filter(a -> a.agency().equals(own))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
  }

  /**
   * Creates an account in the caller's agency.
   *
   * @param agencyCode the agency the request names, if any: it must be the caller's own
   * @param password the initial password, or empty to generate one (returned once)
   */
  public Outcome create(
      String username,
      List<String> roleNames,
      Optional<String> password,
      Optional<String> agencyCode) {
    AgencyId own = agency.require();
    if (agencyCode.isPresent()
        && !agencyCode.get().isBlank()
        && !agencyCode.get().strip().equals(own.code())) {
      throw bad(
          "agency: an administrator creates users of their own agency ("
              + own.code()
              + ") only, was '"
              + agencyCode.get()
              + "'");
    }
    try {
      Account.checkUsername(username);
    } catch (IllegalArgumentException e) {
      throw bad("username: " + e.getMessage());
    }
    Set<Role> roles = roles(roleNames);
    if (roles.contains(Role.SYSTEM_ADMINISTRATOR)) {
      throw notGrantable();
    }
    Optional<String> generated = password.isEmpty() ? Optional.of(generate()) : Optional.empty();
    String chosen = password.orElseGet(generated::orElseThrow);
    checkPassword(chosen);
    boolean created =
        accounts.create(
            new NewAccount(username, PasswordHashes.argon2(chosen), own, names(roles)),
            clock.instant());
    if (!created) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "username: the name '" + username + "' is taken");
    }
    audit.record(
        AuditAction.USER_ADDED,
        AuditSubjectType.USER,
        username,
        "agency "
            + own.code()
            + ", roles "
            + names(roles)
            + ", password "
            + (generated.isPresent() ? "generated" : "set"));
    return new Outcome(UserView.of(accounts.find(username).orElseThrow()), generated);
  }

  /** Replaces the roles of {@code username}. */
  public UserView setRoles(String username, List<String> roleNames) {
    Account before = own(username);
    Set<Role> roles = roles(roleNames);
    boolean wasSystemAdministrator = before.roles().contains(Role.SYSTEM_ADMINISTRATOR.name());
    if (roles.contains(Role.SYSTEM_ADMINISTRATOR) && !wasSystemAdministrator) {
      throw notGrantable();
    }
    if (wasSystemAdministrator) {
      roles.add(Role.SYSTEM_ADMINISTRATOR); // not the agency administrator's to take away either
    }
    Set<String> after = names(roles);
    boolean losesAdmin =
        before.roles().contains(Role.ADMINISTRATOR.name())
            && !after.contains(Role.ADMINISTRATOR.name());
    if (losesAdmin && isCaller(before)) {
      throw conflict("roles: you cannot remove your own ADMINISTRATOR role");
    }
    accounts.setRoles(before.username(), after);
    audit.record(
        AuditAction.USER_ROLES_CHANGED,
        AuditSubjectType.USER,
        before.username(),
        "roles " + new TreeSet<>(before.roles()) + " -> " + after);
    return UserView.of(own(username));
  }

  /** Enables or disables {@code username}. */
  public UserView setEnabled(String username, boolean enabled) {
    Account before = own(username);
    if (!enabled && isCaller(before)) {
      throw conflict("enabled: you cannot disable yourself");
    }
    accounts.setEnabled(before.username(), enabled);
    audit.record(
        enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
        AuditSubjectType.USER,
        before.username(),
        "enabled " + before.enabled() + " -> " + enabled);
    return UserView.of(own(username));
  }

  /** Sets a new password, or generates one (returned once). */
  public Outcome resetPassword(String username, Optional<String> password) {
    Account before = own(username);
    Optional<String> generated = password.isEmpty() ? Optional.of(generate()) : Optional.empty();
    String chosen = password.orElseGet(generated::orElseThrow);
    checkPassword(chosen);
    accounts.setPasswordHash(before.username(), PasswordHashes.argon2(chosen));
    audit.record(
        AuditAction.USER_PASSWORD_RESET,
        AuditSubjectType.USER,
        before.username(),
        "password " + (generated.isPresent() ? "generated" : "set") + " by an administrator");
    return new Outcome(UserView.of(own(username)), generated);
  }

  /** Removes the TOTP enrolment: the user enrols a new secret at the next sign-in. */
  public UserView resetTotp(String username) {
    Account before = own(username);
    accounts.setTotpSecret(before.username(), Optional.empty());
    audit.record(
        AuditAction.TOTP_RESET,
        AuditSubjectType.USER,
        before.username(),
        "enrolled " + before.totpEnrolled() + " -> false, by an administrator");
    return UserView.of(own(username));
  }

  // ---- agencies (MANAGE_AGENCIES) ----

  public List<AgencyView> agencies() {
    List<Account> all = accounts.list();
    List<AgencyView> out = new ArrayList<>();
    for (Agency a : accounts.agencyList()) {
      int users = (int) all.stream().filter(u -> u.agency().equals(a.code())).count();
      out.add(new AgencyView(a.code().code(), a.name(), users, a.createdAt()));
    }
    audit.record(
        AuditAction.AGENCIES_LISTED, AuditSubjectType.AGENCY, "all", out.size() + " agencies");
    return out;
  }

  public AgencyView createAgency(String code, String name) {
    AgencyId id = agencyId(code);
    String checked = agencyName(name);
    if (!accounts.addAgency(id, checked, clock.instant())) {
      throw conflict("code: the agency " + id.code() + " exists");
    }
    audit.record(
        AuditAction.AGENCY_CREATED, AuditSubjectType.AGENCY, id.code(), "name '" + checked + "'");
    return find(id).orElseThrow();
  }

  /** The agency {@code code}, or 404. */
  public Agency agency(String code) {
    AgencyId id;
    try {
      id = new AgencyId(code);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no agency " + code);
    }
    return accounts.agencyList().stream()
        .filter(a -> a.code().equals(id))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no agency " + code));
  }

  public AgencyView renameAgency(Agency before, String name) {
    String checked = agencyName(name);
    accounts.renameAgency(before.code(), checked);
    audit.record(
        AuditAction.AGENCY_RENAMED,
        AuditSubjectType.AGENCY,
        before.code().code(),
        "name '" + before.name() + "' -> '" + checked + "'");
    return find(before.code()).orElseThrow();
  }

  private Optional<AgencyView> find(AgencyId id) {
    int users = (int) accounts.list().stream().filter(u -> u.agency().equals(id)).count();
    return accounts.agencyList().stream()
        .filter(a -> a.code().equals(id))
        .findFirst()
        .map(a -> new AgencyView(a.code().code(), a.name(), users, a.createdAt()));
  }

  // ---- checks ----

  /** The roles named, each a {@link Role}; at least one. */
  static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      try {
        roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw bad("roles: unknown role '" + name + "'; known roles are " + List.of(Role.values()));
      }
    }
    if (roles.isEmpty()) {
      throw bad("roles: give at least one of " + List.of(Role.values()));
    }
    return roles;
  }

  private static Set<String> names(Set<Role> roles) {
    return roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
  }

  static void checkPassword(String password) {
    if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw bad(
          "password: must be "
              + MIN_PASSWORD
              + "-"
              + MAX_PASSWORD
              + " characters, was "
              + password.length());
    }
    if (password.isBlank()) {
      throw bad("password: must not be only spaces");
    }
  }

  private static AgencyId agencyId(String code) {
    try {
      return new AgencyId(code.strip());
    } catch (IllegalArgumentException e) {
      throw bad("code: " + e.getMessage());
    }
  }

  private static String agencyName(String name) {
    try {
      return Agency.checkName(name.strip());
    } catch (IllegalArgumentException e) {
      throw bad("name: " + e.getMessage());
    }
  }

  static String generate() {
    StringBuilder b = new StringBuilder(23);
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private boolean isCaller(Account account) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getName().equalsIgnoreCase(account.username());
  }

  /** The roles an agency administrator may grant: every role but SYSTEM_ADMINISTRATOR. */
  public static List<Role> grantable() {
    return java.util.Arrays.stream(Role.values())
        .filter(r -> r != Role.SYSTEM_ADMINISTRATOR)
        .toList();
  }

  /**
   * SYSTEM_ADMINISTRATOR acts across agencies, so an agency's administrator may not hand it out:
   * the server's operator grants it ({@code tiptrace users add --role SYSTEM_ADMINISTRATOR}).
   */
  private static ResponseStatusException notGrantable() {
    return new ResponseStatusException(
        HttpStatus.FORBIDDEN,
        "roles: SYSTEM_ADMINISTRATOR acts across agencies and is granted by the server's operator"
            + " (tiptrace users add --role SYSTEM_ADMINISTRATOR), not by an agency administrator");
  }

  static ResponseStatusException bad(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  private static ResponseStatusException conflict(String message) {
    return new ResponseStatusException(HttpStatus.CONFLICT, message);
  }
}
