package org.tiptrace.tip;

import java.util.Locale;

/**
 * One hash of one file.
 *
 * @param algorithm the kind the matcher uses
 * @param label the hash type as written ({@code SHA1}, {@code sha-256} …)
 * @param value lower-case hex
 * @param origin who computed it
 */
public record FileHash(HashAlgorithm algorithm, String label, String value, HashOrigin origin) {
  public FileHash {
    value = value.trim().toLowerCase(Locale.ROOT);
  }
}
