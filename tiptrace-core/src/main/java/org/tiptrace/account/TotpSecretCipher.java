package org.tiptrace.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP secrets for storage, so a copy of the database alone gives no second factor.
 *
 * <p>Approach: AES-256-GCM [1] with a fresh random 96-bit nonce per value (the size GCM is
 * specified for, NIST SP 800-38D §8.2.2) and the account's key (its lower-case user name) as
 * associated data, so a sealed value copied onto another account does not open. A stored value is
 * {@code tt1:<key id>:<base64url(nonce ‖ ciphertext ‖ 128-bit tag)>}; the key id (the first 8 hex
 * digits of the key's SHA-256) says which key sealed it, so a key can be rotated: the cipher holds
 * the current key, which seals, and earlier keys, which only open. A value sealed with a key this
 * cipher does not hold, or one that fails its tag, is an error naming the user and the key ids,
 * never a silent mismatch.
 *
 * <p>References: [1] NIST SP 800-38D, Galois/Counter Mode; [2] RFC 5116 §3 (nonce uniqueness).
 */
public final class TotpSecretCipher {
  /** The prefix of a sealed value; a stored value without it is a plaintext secret from before. */
  public static final String PREFIX = "tt1:";

  /** The length of a key in bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKeySpec> keys;
  private final String keySource;

  /**
   * @param current the key that seals (32 bytes)
   * @param earlier keys that only open (rotation)
   * @param keySource where the keys came from, for error messages (a file name; never the key)
   */
  public TotpSecretCipher(byte[] current, List<byte[]> earlier, String keySource) {
    this.keySource = Objects.requireNonNull(keySource, "keySource");
    Map<String, SecretKeySpec> all = new LinkedHashMap<>();
    this.currentId = add(all, current);
    for (byte[] k : earlier) {
      add(all, k);
    }
    this.keys = Map.copyOf(all);
  }

  private String add(Map<String, SecretKeySpec> all, byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          keySource + ": a key must be " + KEY_BYTES + " bytes, was " + key.length);
    }
    String id = keyId(key);
    all.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
    return id;
  }

  /** A new random key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** The id of {@code key}: the first 8 hex digits of its SHA-256 (reveals nothing of the key). */
  public static String keyId(byte[] key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  public String currentKeyId() {
    return currentId;
  }

  /** True when {@code stored} is a sealed value (of any key). */
  public static boolean isSealed(String stored) {
    return stored.startsWith(PREFIX);
  }

  /** The key id of a sealed value. */
  public static String keyIdOf(String stored) {
    int end = stored.indexOf(':', PREFIX.length());
    return end < 0 ? "" : stored.substring(PREFIX.length(), end);
  }

  /** True when {@code stored} is sealed with the current key (nothing to re-seal). */
  public boolean sealedWithCurrentKey(String stored) {
    return isSealed(stored) && keyIdOf(stored).equals(currentId);
  }

  /** Seals {@code secret} for {@code username} with the current key and a fresh nonce. */
  public String seal(String username, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(username));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JDK", e);
    }
  }

  /**
   * Opens a value stored for {@code username}.
   *
   * @throws SecretKeyException naming the user and the key ids when the value was sealed with a key
   *     this cipher does not hold, is malformed, or fails its authentication tag
   */
  public String open(String username, String stored) {
    if (!isSealed(stored)) {
      throw new SecretKeyException(
          "the TOTP secret of user '" + username + "' is not sealed (expected " + PREFIX + "…)");
    }
    String id = keyIdOf(stored);
    SecretKeySpec key = keys.get(id);
    if (key == null) {
      throw new SecretKeyException(
          "the TOTP secret of user '"
              + username
              + "' was sealed with key "
              + id
              + ", but "
              + keySource
              + " holds "
              + String.join(", ", keys.keySet())
              + ": restore the key file that was in use (or add the old key as a further line)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length() + id.length() + 1));
    } catch (IllegalArgumentException e) {
      throw new SecretKeyException(
          "the sealed TOTP secret of user '" + username + "' is not base64url: corrupt value", e);
    }
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretKeyException(
          "the sealed TOTP secret of user '" + username + "' is too short: corrupt value");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      c.updateAAD(aad(username));
      byte[] plain = c.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretKeyException(
          "the sealed TOTP secret of user '"
              + username
              + "' fails its authentication tag under key "
              + id
              + " ("
              + keySource
              + "): the value was changed or belongs to another account",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is missing from this JDK", e);
    }
  }

  private static byte[] aad(String username) {
    return username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "TotpSecretCipher[current=" + currentId + ", keys=" + keys.keySet() + "]";
  }

  /** A sealed secret that cannot be opened with the keys at hand. */
  public static final class SecretKeyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SecretKeyException(String message) {
      super(message);
    }

    public SecretKeyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
