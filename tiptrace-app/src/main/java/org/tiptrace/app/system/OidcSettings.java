package org.tiptrace.app.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tiptrace.oidc.*}: optional single sign-on through an OpenID Connect identity provider. Off
 * while {@code issuer-uri} is empty. The identity provider authenticates; the Tiptrace account an
 * identity is linked to decides agency and roles (decision 0015).
 *
 * @param issuerUri the provider's issuer; its discovery document is read at start-up
 * @param clientId this app's client id at the provider
 * @param clientSecretFile a file holding the client secret (trailing white space ignored); wins
 *     over {@code clientSecretEnv}
 * @param clientSecretEnv the environment variable holding the client secret
 * @param displayName the provider's name on the login page ("Sign in with …")
 * @param subjectClaim the ID token claim that identifies the user at the issuer (stored with the
 *     issuer in the link): {@code sub} unless the provider recommends another stable claim
 * @param mfaAmr {@code amr} values that prove the provider did multi-factor authentication; any one
 *     suffices
 * @param mfaAcr {@code acr} values that prove it
 * @param linkByVerifiedEmail an administrator's choice: a first sign-in whose ID token carries
 *     {@code email_verified=true} and an {@code email} equal to an account's user name (ignoring
 *     case) links that account; off by default, then only {@code tiptrace users link-oidc} links
 * @param scopes requested scopes; {@code openid} is always included
 */
@ConfigurationProperties("tiptrace.oidc")
public record OidcSettings(
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecretFile,
    @DefaultValue("TIPTRACE_OIDC_CLIENT_SECRET") String clientSecretEnv,
    @DefaultValue("single sign-on") String displayName,
    @DefaultValue("sub") String subjectClaim,
    @DefaultValue List<String> mfaAmr,
    @DefaultValue List<String> mfaAcr,
    @DefaultValue("false") boolean linkByVerifiedEmail,
    @DefaultValue({"openid", "email"}) List<String> scopes) {

  /** The registration id, and so the paths {@code /oauth2/authorization/oidc} and its callback. */
  public static final String REGISTRATION_ID = "oidc";

  public OidcSettings {
    mfaAmr = List.copyOf(mfaAmr);
    mfaAcr = List.copyOf(mfaAcr);
    scopes = List.copyOf(scopes);
    if (!issuerUri.isBlank()) {
      if (clientId.isBlank()) {
        throw new IllegalStateException(
            "tiptrace.oidc.client-id is missing (tiptrace.oidc.issuer-uri is set)");
      }
      if (displayName.isBlank() || displayName.length() > 60) {
        throw new IllegalStateException(
            "tiptrace.oidc.display-name must be 1-60 characters, was '" + displayName + "'");
      }
      if (subjectClaim.isBlank()) {
        throw new IllegalStateException("tiptrace.oidc.subject-claim must not be blank");
      }
    }
  }

  /** True when single sign-on is configured. */
  public boolean enabled() {
    return !issuerUri.isBlank();
  }

  /** The display name for the login page, when single sign-on is configured. */
  public Optional<String> loginName() {
    return enabled() ? Optional.of(displayName) : Optional.empty();
  }

  /** The scopes to request, {@code openid} first. */
  Set<String> requestedScopes() {
    java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
    s.add("openid");
    scopes.stream().map(String::trim).filter(x -> !x.isEmpty()).forEach(s::add);
    return s;
  }

  /**
   * The client secret: from {@code clientSecretFile} when set, else from the environment variable
   * {@code clientSecretEnv}. The message names the property, never the secret.
   */
  String clientSecret(Map<String, String> environment) {
    if (!clientSecretFile.isBlank()) {
      try {
        String secret = Files.readString(Path.of(clientSecretFile), StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
          throw new IllegalStateException(
              "tiptrace.oidc.client-secret-file: " + clientSecretFile + " is empty");
        }
        return secret;
      } catch (IOException e) {
        throw new IllegalStateException(
            "tiptrace.oidc.client-secret-file: cannot read "
                + clientSecretFile
                + ": "
                + e.getMessage(),
            e);
      }
    }
    @Nullable String secret = environment.get(clientSecretEnv);
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "the OIDC client secret is missing: set the environment variable "
              + clientSecretEnv
              + " (tiptrace.oidc.client-secret-env) or tiptrace.oidc.client-secret-file");
    }
    return secret.strip();
  }

  @Override
  public String toString() {
    return "OidcSettings[issuer="
        + issuerUri
        + ", client="
        + clientId
        + ", subject-claim="
        + subjectClaim
        + ", mfa-amr="
        + mfaAmr
        + ", mfa-acr="
        + mfaAcr
        + ", link-by-verified-email="
        + linkByVerifiedEmail
        + "]";
  }
}
