package org.tiptrace.app.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tiptrace.account.Account;
import org.tiptrace.tip.AgencyId;

/**
 * The authenticated principal: a user name, roles and the one agency whose tips the user sees.
 * Serializable for the HTTP session, so the agency is kept as its code. Never holds the TOTP
 * secret, only whether one is enrolled.
 */
public final class TiptraceUser implements UserDetails, CredentialsContainer {
  private static final long serialVersionUID = 3L;

  private final String username;
  private @Nullable String passwordHash;
  private final String agencyCode;
  private final List<String> authorities;
  private final boolean enabled;
  private final boolean totpEnrolled;
  private final String credentialStamp;

  TiptraceUser(Account account) {
    this.username = account.username();
    this.passwordHash = account.passwordHash();
    this.agencyCode = account.agency().code();
    this.authorities = roles(account.roles()).stream().map(Role::authority).sorted().toList();
    this.enabled = account.enabled();
    this.totpEnrolled = account.totpEnrolled();
    this.credentialStamp = credentialStamp(account);
  }

  /**
   * A digest of the account's credentials (password hash and TOTP secret, or its absence): it
   * changes when either is reset, so a session signed in with the old ones can be told apart
   * ({@link SessionRecheck}). It is not erased with the password hash and reveals neither.
   */
  static String credentialStamp(Account account) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(account.passwordHash().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(account.totpSecret().orElse("").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Why this session principal no longer matches the stored account {@code current} (the reason for
   * the audit log), or empty when it still does: the account is disabled, its agency or roles
   * differ, or its credentials changed after this sign-in.
   */
  Optional<String> staleAgainst(Account current) {
    if (!current.enabled()) {
      return Optional.of("account disabled");
    }
    if (!current.agency().code().equals(agencyCode)) {
      return Optional.of("agency changed from " + agencyCode + " to " + current.agency().code());
    }
    List<String> now = roles(current.roles()).stream().map(Role::authority).sorted().toList();
    if (!now.equals(authorities)) {
      return Optional.of("roles changed from " + authorities + " to " + now);
    }
    if (!credentialStamp(current).equals(credentialStamp)) {
      return Optional.of("password or second factor reset");
    }
    return Optional.empty();
  }

  /** The stored role names this build knows; an unknown name grants nothing (fail closed). */
  static Set<Role> roles(Set<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      for (Role r : Role.values()) {
        if (r.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
          roles.add(r);
        }
      }
    }
    return roles;
  }

  public AgencyId agency() {
    return new AgencyId(agencyCode);
  }

  /** The agency code, as a bean property for templates. */
  public String getAgencyCode() {
    return agencyCode;
  }

  public boolean totpEnrolled() {
    return totpEnrolled;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return authorities.stream().map(SimpleGrantedAuthority::new).toList();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return "TiptraceUser[" + username + ", agency=" + agencyCode + ", " + authorities + "]";
  }
}
