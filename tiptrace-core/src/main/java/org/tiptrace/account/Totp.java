package org.tiptrace.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them.
 *
 * <p>Approach: RFC 6238 with its defaults that every app supports: HMAC-SHA-1, 30-second steps from
 * the Unix epoch, 6 digits, and the dynamic truncation of RFC 4226 §5.3. A code is accepted for the
 * current step and one step either side (clock drift of the phone). The step that matched is
 * returned so the caller can refuse it a second time (RFC 6238 §5.2: a verifier must not accept the
 * same code twice); the caller keeps the last used step per account.
 *
 * <p>References: [1] RFC 6238, TOTP; [2] RFC 4226, HOTP; [3] Google Authenticator's Key Uri Format
 * (otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…).
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final int STEP_SECONDS = 30;

  /** Steps accepted on either side of the current one. */
  public static final int WINDOW = 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public Totp(Clock clock) {
    this.clock = clock;
  }

  /** A new 160-bit secret (the RFC 4226 recommended length), Base32. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return Base32.encode(key);
  }

  /** The step of the clock's current instant. */
  public long currentStep() {
    return Math.floorDiv(clock.instant().getEpochSecond(), STEP_SECONDS);
  }

  /** The code for now. */
  public String code(String base32Secret) {
    return code(Base32.decode(base32Secret), currentStep());
  }

  /**
   * The step whose code equals {@code code}, searched within {@link #WINDOW} of now, or empty. The
   * comparison is constant-time per step.
   */
  public OptionalLong match(String base32Secret, String code) {
    String typed = code.replace(" ", "");
    if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    byte[] key = Base32.decode(base32Secret);
    long now = currentStep();
    for (long step = now - WINDOW; step <= now + WINDOW; step++) {
      if (MessageDigest.isEqual(
          code(key, step).getBytes(StandardCharsets.US_ASCII),
          typed.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  static String code(byte[] key, long step) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int otp = binary % 1_000_000;
    return String.format(Locale.ROOT, "%06d", otp);
  }

  /** The otpauth URI an authenticator app reads (from a QR code or typed in). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
