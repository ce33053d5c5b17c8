package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.tip.AgencyId;

class UserAccountsTest {
  @org.junit.jupiter.api.AutoClose InMemoryBackend backend = new InMemoryBackend();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
  private static final String BCRYPT =
      "{bcrypt}$2a$04$m.s8FX42S8epehvTQ49l1.LzYk2wmcteueGJGwfdbc5iiApKzrb0C"; // alice-secret
  private static final String ARGON2 =
      "{argon2}$argon2id$v=19$m=16384,t=2,p=1$oogjg+ZVPjKbUMjDPRNClQ$19/Mt2Hf/ccNkatvrV8Ns49c+dkNzngdLXzrgk1jr4k"; // argon-secret

  private static TiptraceProperties.User user(
      String name, String hash, String agency, List<String> roles) {
    return new TiptraceProperties.User(name, hash, agency, roles);
  }

  @Test
  void bindsUsersWithAgencyAndRoles() {
    UserAccounts accounts =
        new UserAccounts(
            UserAccounts.fromProperties(
                List.of(user("Alice", BCRYPT, "ICAC-A", List.of("analyst", " INTAKE ")))),
            List.of(),
            backend.accounts(),
            CLOCK);

    TiptraceUser alice = accounts.load("alice").orElseThrow();
    assertThat(alice.getUsername()).isEqualTo("Alice");
    assertThat(alice.agency()).isEqualTo(new AgencyId("ICAC-A"));
    assertThat(alice.getAuthorities())
        .extracting(a -> a.getAuthority())
        .containsExactly("ROLE_ANALYST", "ROLE_INTAKE");
    assertThat(accounts.load("nobody")).isEmpty();
  }

  @Test
  void eachLoadIsAFreshPrincipalSoErasingCredentialsIsSafe() {
    UserAccounts accounts =
        new UserAccounts(
            List.of(new UserAccount("a", BCRYPT, new AgencyId("X"), Set.of(Role.ANALYST))),
            List.of(),
            backend.accounts(),
            CLOCK);
    TiptraceUser first = accounts.load("a").orElseThrow();
    first.eraseCredentials();
    assertThat(first.getPassword()).isNull();
    assertThat(accounts.load("a").orElseThrow().getPassword()).isEqualTo(BCRYPT);
  }

  @Test
  void bcryptAndArgon2HashesBothVerify() {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    assertThat(encoder.matches("alice-secret", BCRYPT)).isTrue();
    assertThat(encoder.matches("argon-secret", ARGON2)).isTrue();
    assertThat(encoder.matches("wrong", ARGON2)).isFalse();
  }

  @Test
  void badEntriesNameTheProperty() {
    assertThatThrownBy(
            () ->
                UserAccounts.fromProperties(
                    List.of(
                        user("a", BCRYPT, "A", List.of("ANALYST")),
                        user("b", BCRYPT, "bad agency", List.of("ANALYST")))))
        .hasMessageStartingWith("tiptrace.users[1].agency:");
    assertThatThrownBy(
            () -> UserAccounts.fromProperties(List.of(user("a", BCRYPT, "A", List.of("ROOT")))))
        .hasMessageContaining("tiptrace.users[0].roles: unknown role 'ROOT'");
    assertThatThrownBy(
            () -> UserAccounts.fromProperties(List.of(user("a", null, "A", List.of("ANALYST")))))
        .hasMessage("tiptrace.users[0].password-hash is missing");
    assertThatThrownBy(
            () -> UserAccounts.fromProperties(List.of(user("a", BCRYPT, "A", List.of()))))
        .hasMessageContaining("tiptrace.users[0].roles is missing");
  }

  @Test
  void plainPasswordsAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                UserAccounts.fromProperties(List.of(user("a", "hunter2", "A", List.of("ANALYST")))))
        .hasMessageContaining("tiptrace.users[0]")
        .hasMessageContaining("{bcrypt} or {argon2}")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void duplicateAndMissingUsersStopStartUp() {
    UserAccount a = new UserAccount("a", BCRYPT, new AgencyId("X"), Set.of(Role.ANALYST));
    UserAccount upperA = new UserAccount("A", BCRYPT, new AgencyId("Y"), Set.of(Role.ANALYST));
    assertThatThrownBy(
            () -> new UserAccounts(List.of(a), List.of(upperA), backend.accounts(), CLOCK))
        .hasMessageContaining("defined twice");
    assertThatThrownBy(() -> new UserAccounts(List.of(), List.of(), backend.accounts(), CLOCK))
        .hasMessageContaining("no users are configured");
  }

  @Test
  void toStringNeverShowsTheHash() {
    UserAccount a = new UserAccount("a", BCRYPT, new AgencyId("X"), Set.of(Role.ANALYST));
    assertThat(a.toString()).doesNotContain("$2a$");
    assertThat(
            new DatabaseSettings(
                    "jdbc:h2:mem:x", java.util.Optional.of("u"), java.util.Optional.of("pw-123"))
                .toString())
        .doesNotContain("pw-123");
  }
}
