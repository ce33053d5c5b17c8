package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OidcSettingsTest {
  @TempDir Path dir;

  private static OidcSettings settings(String issuer, String clientId, String secretFile) {
    return new OidcSettings(
        issuer,
        clientId,
        secretFile,
        "TIPTRACE_OIDC_CLIENT_SECRET",
        "Example IdP",
        "sub",
        List.of("mfa"),
        List.of(),
        false,
        List.of("email", "openid"));
  }

  @Test
  void offWithoutAnIssuerAndNothingElseIsRequired() {
    OidcSettings off = settings("", "", "");
    assertThat(off.enabled()).isFalse();
    assertThat(off.loginName()).isEmpty();
  }

  @Test
  void anIssuerNeedsAClientIdAndTheMessageNamesTheProperty() {
    assertThatThrownBy(() -> settings("https://idp.example.org", " ", ""))
        .hasMessage("tiptrace.oidc.client-id is missing (tiptrace.oidc.issuer-uri is set)");
  }

  @Test
  void theSecretComesFromTheFileBeforeTheEnvironmentAndIsNeverInTheMessage() throws IOException {
    Path file = dir.resolve("client.secret");
    Files.writeString(file, "from-the-file\n", StandardCharsets.UTF_8);
    OidcSettings s = settings("https://idp.example.org", "tiptrace", file.toString());
    assertThat(s.clientSecret(Map.of("TIPTRACE_OIDC_CLIENT_SECRET", "from-env")))
        .isEqualTo("from-the-file");
    assertThat(s.requestedScopes()).containsExactly("openid", "email");
    assertThat(s.toString()).doesNotContain("from-the-file");

    OidcSettings env = settings("https://idp.example.org", "tiptrace", "");
    assertThat(env.clientSecret(Map.of("TIPTRACE_OIDC_CLIENT_SECRET", " from-env ")))
        .isEqualTo("from-env");
    assertThatThrownBy(() -> env.clientSecret(Map.of()))
        .hasMessageContaining("environment variable TIPTRACE_OIDC_CLIENT_SECRET");

    OidcSettings missing =
        settings("https://idp.example.org", "tiptrace", dir.resolve("none").toString());
    assertThatThrownBy(() -> missing.clientSecret(Map.of()))
        .hasMessageStartingWith("tiptrace.oidc.client-secret-file: cannot read ");
  }
}
