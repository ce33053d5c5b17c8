package org.tiptrace.app.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.tiptrace.account.Account;
import org.tiptrace.account.AccountRepository;
import org.tiptrace.account.NewAccount;
import org.tiptrace.tip.AgencyId;

/**
 * The users who may log in: the accounts in the database ({@link AccountRepository}). {@code
 * tiptrace.users[]} and {@link AdditionalUsers} are seeds: checked at start-up (a bad entry stops
 * the app with the property it came from) and created in the database when no account of that name
 * exists; an existing account is left as it is, so the CLI's changes (disable, TOTP) stick.
 *
 * <p>Deliberately not a {@link UserDetailsService} bean: a bean of that type would become the
 * global authentication source of every filter chain, including the hotline API's, which
 * authenticates its own clients. The app's own chains take {@link #userDetailsService()}.
 */
@Component
public final class UserAccounts {
  private final AccountRepository repository;

  @Autowired
  UserAccounts(
      TiptraceProperties properties,
      ObjectProvider<AdditionalUsers> additional,
      TiptraceBackend backend,
      Clock clock) {
    this(
        fromProperties(properties.usersOrEmpty()),
        additional.getIfAvailable(() -> new AdditionalUsers(List.of())).accounts(),
        backend.accounts(),
        clock);
  }

  public UserAccounts(
      List<UserAccount> configured,
      List<UserAccount> additional,
      AccountRepository repository,
      Clock clock) {
    this.repository = repository;
    Map<String, UserAccount> map = new LinkedHashMap<>();
    List<UserAccount> all = new ArrayList<>(configured);
    all.addAll(additional);
    for (UserAccount account : all) {
      String key = account.username().toLowerCase(Locale.ROOT);
      if (map.putIfAbsent(key, account) != null) {
        throw new IllegalStateException(
            "user '" + account.username() + "' is defined twice (tiptrace.users)");
      }
    }
    for (UserAccount seed : map.values()) {
      repository.create(
          new NewAccount(
              seed.username(),
              seed.passwordHash(),
              seed.agency(),
              seed.roles().stream().map(Role::name).collect(Collectors.toSet())),
          clock.instant());
    }
    if (repository.list().isEmpty()) {
      throw new IllegalStateException(
          "no users are configured (tiptrace.users[0].username, .password-hash, .agency, .roles)"
              + " and none are in the database ('tiptrace users add'): nobody could log in."
              + " Add a user, or run 'tiptrace demo'.");
    }
  }

  /** A fresh principal for {@code username} (case-insensitive), or empty. */
  public Optional<TiptraceUser> load(String username) {
    return repository.find(username).map(TiptraceUser::new);
  }

  /** The stored account, with its TOTP secret: for the login steps only. */
  Optional<Account> account(String username) {
    return repository.find(username);
  }

  AccountRepository repository() {
    return repository;
  }

  public int size() {
    return repository.list().size();
  }

  /** Every account, by user name (for the read-only administration page). */
  public List<Account> all() {
    return repository.list().stream()
        .sorted(java.util.Comparator.comparing(Account::username))
        .toList();
  }

  /** The lookup for this app's own filter chains (not registered as a bean, see above). */
  public UserDetailsService userDetailsService() {
    return username ->
        load(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  static List<UserAccount> fromProperties(List<TiptraceProperties.User> users) {
    List<UserAccount> accounts = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      accounts.add(toAccount("tiptrace.users[" + i + "]", users.get(i)));
    }
    return accounts;
  }

  private static UserAccount toAccount(String prefix, TiptraceProperties.User user) {
    String username = required(prefix + ".username", user.username());
    String hash = required(prefix + ".password-hash", user.passwordHash());
    String agencyCode = required(prefix + ".agency", user.agency());
    List<String> roleNames = user.roles() == null ? List.of() : user.roles();
    if (roleNames.isEmpty()) {
      throw new IllegalStateException(prefix + ".roles is missing: give one or more of " + roles());
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : roleNames) {
      try {
        roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            prefix + ".roles: unknown role '" + name + "'; known roles are " + roles(), e);
      }
    }
    AgencyId agency;
    try {
      agency = new AgencyId(agencyCode.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + ".agency: " + e.getMessage(), e);
    }
    try {
      return new UserAccount(username.trim(), hash.trim(), agency, roles);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
    }
  }

  private static String required(String property, @org.jspecify.annotations.Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(property + " is missing");
    }
    return value;
  }

  private static String roles() {
    return java.util.Arrays.toString(Role.values());
  }
}
