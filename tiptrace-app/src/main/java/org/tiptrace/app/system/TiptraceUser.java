package org.tiptrace.app.system;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
  private static final long serialVersionUID = 2L;

  private final String username;
  private @Nullable String passwordHash;
  private final String agencyCode;
  private final List<String> authorities;
  private final boolean enabled;
  private final boolean totpEnrolled;

  TiptraceUser(Account account) {
    this.username = account.username();
    this.passwordHash = account.passwordHash();
    this.agencyCode = account.agency().code();
    this.authorities = roles(account.roles()).stream().map(Role::authority).sorted().toList();
    this.enabled = account.enabled();
    this.totpEnrolled = account.totpEnrolled();
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
