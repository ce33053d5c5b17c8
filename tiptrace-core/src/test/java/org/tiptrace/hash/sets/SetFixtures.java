package org.tiptrace.hash.sets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Digests of benign strings and a sink that keeps what it is given. */
public final class SetFixtures {
  private SetFixtures() {}

  public static String md5(String text) {
    return hex("MD5", text);
  }

  public static String sha1(String text) {
    return hex("SHA-1", text);
  }

  public static String sha256(String text) {
    return hex("SHA-256", text);
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** Keeps every entry. */
  public static final class ListSink implements HashEntrySink {
    public final List<HashEntry> entries = new ArrayList<>();

    @Override
    public void accept(HashEntry entry) {
      entries.add(entry);
    }
  }
}
