package org.tiptrace.app.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrace.account.TotpSecretCipher;

/**
 * Reads (and, for the data directory's default, creates) the key file of {@link SecretKeyLocation}.
 * A created file is written with owner-only permissions ({@code rw-------}) before the key goes
 * into it; an existing file that others may read is reported in the log. Every error names the file
 * and the line.
 */
final class SecretKeyFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFiles.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretKeyFiles() {}

  static TotpSecretCipher load(SecretKeyLocation location) {
    Path file = location.file().toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      if (!location.createIfMissing()) {
        throw new BackendException(
            "the secret key file "
                + file
                + " ("
                + SecretKeyLocation.ENV
                + " or tiptrace.security.secret-key-file) does not exist");
      }
      create(file);
    }
    warnIfShared(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BackendException("cannot read the secret key file " + file + ": " + e, e);
    }
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(line);
      } catch (IllegalArgumentException e) {
        throw new BackendException(file + ", line " + (i + 1) + ": not Base64", e);
      }
      if (key.length != TotpSecretCipher.KEY_BYTES) {
        throw new BackendException(
            file
                + ", line "
                + (i + 1)
                + ": a key must be "
                + TotpSecretCipher.KEY_BYTES
                + " bytes (AES-256), was "
                + key.length);
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw new BackendException(file + " holds no key (one Base64 line of 32 bytes)");
    }
    return new TotpSecretCipher(keys.get(0), keys.subList(1, keys.size()), file.toString());
  }

  /** A key that lives as long as this process: for in-memory databases, which do too. */
  static TotpSecretCipher ephemeral() {
    return new TotpSecretCipher(TotpSecretCipher.newKey(), List.of(), "this process's key");
  }

  private static void create(Path file) {
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      String text =
          "# Tiptrace: the key that seals TOTP secrets in the database (AES-256, Base64)."
              + " Keep it secret\n# and back it up apart from the database. To rotate, put a new"
              + " key on the first line and\n# keep the old one below it until the app has"
              + " started once.\n"
              + Base64.getEncoder().encodeToString(TotpSecretCipher.newKey())
              + "\n";
      boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.info("generated the secret key {} (owner-only); back it up", file);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: read theirs.
    } catch (IOException e) {
      throw new BackendException("cannot create the secret key file " + file + ": " + e, e);
    }
  }

  private static void warnIfShared(Path file) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(p)) {
          LOG.warn(
              "the secret key {} may be read by others ({}): chmod 600 it",
              file,
              PosixFilePermissions.toString(p));
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot read the permissions of the secret key {}", file, e);
    }
  }
}
