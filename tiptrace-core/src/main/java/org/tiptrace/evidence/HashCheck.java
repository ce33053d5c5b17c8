package org.tiptrace.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.ReportedFile;

/**
 * Checks bytes against a file's reported MD5, SHA-1 and SHA-256 values. Every reported value of
 * those kinds must match, whoever reported it; at least one must exist, since bytes that match
 * nothing reported cannot be tied to the file.
 */
final class HashCheck {
  private HashCheck() {}

  /** The reported hashes that were checked; throws naming each mismatch. */
  static List<FileHash> verify(ReportedFile file, FileRef ref, byte[] bytes, String source) {
    String md5 = hex("MD5", bytes);
    String sha1 = hex("SHA-1", bytes);
    String sha256 = hex("SHA-256", bytes);
    List<FileHash> checked = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (FileHash h : file.hashes()) {
      String actual =
          switch (h.algorithm()) {
            case MD5 -> md5;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            case PDQ, OTHER -> "";
          };
      if (actual.isEmpty()) {
        continue;
      }
      checked.add(h);
      if (!actual.equals(h.value())) {
        mismatches.add(
            h.label()
                + " ("
                + h.origin()
                + ") reported "
                + h.value()
                + ", the bytes have "
                + actual);
      }
    }
    if (checked.isEmpty()) {
      throw new EvidenceException(
          source
              + ": file "
              + ref
              + " has no reported MD5, SHA-1 or SHA-256 to check the bytes against; not attached");
    }
    if (!mismatches.isEmpty()) {
      throw new EvidenceException(
          source
              + ": the bytes are not file "
              + ref
              + ": "
              + String.join("; ", mismatches)
              + "; not attached");
    }
    return List.copyOf(checked);
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
