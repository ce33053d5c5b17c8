package org.tiptrace.app.system;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tiptrace.tip.AgencyId;

/**
 * The authenticated principal: a user name, roles and the one agency whose tips the user sees.
 * Serializable for the HTTP session, so the agency is kept as its code.
 */
public final class TiptraceUser implements UserDetails, CredentialsContainer {
  private static final long serialVersionUID = 1L;

  private final String username;
  private @Nullable String passwordHash;
  private final String agencyCode;
  private final List<String> authorities;

  TiptraceUser(UserAccount account) {
    this.username = account.username();
    this.passwordHash = account.passwordHash();
    this.agencyCode = account.agency().code();
    this.authorities = account.roles().stream().map(Role::authority).sorted().toList();
  }

  public AgencyId agency() {
    return new AgencyId(agencyCode);
  }

  /** The agency code, as a bean property for templates. */
  public String getAgencyCode() {
    return agencyCode;
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
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return "TiptraceUser[" + username + ", agency=" + agencyCode + ", " + authorities + "]";
  }
}
