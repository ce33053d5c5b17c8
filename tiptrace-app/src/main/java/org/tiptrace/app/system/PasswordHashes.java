package org.tiptrace.app.system;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** New password hashes: Argon2id with Spring Security 5.8's parameters, {@code {argon2}…}. */
public final class PasswordHashes {
  private static final Argon2PasswordEncoder ARGON2 =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  private PasswordHashes() {}

  public static String argon2(String password) {
    return "{argon2}" + ARGON2.encode(password);
  }
}
