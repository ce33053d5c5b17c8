package org.tiptrace.store.hashsets;

import static org.tiptrace.hash.sets.SetFixtures.md5;
import static org.tiptrace.hash.sets.SetFixtures.sha1;
import static org.tiptrace.hash.sets.SetFixtures.sha256;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetReaders;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.SetFixtures;

/** Small synthetic sets (digests of benign words) and an import helper. */
final class HashSetTestData {
  static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

  /** A PDQ hash in the abuse set; {@link #pdqNear} is 5 bits away from it. */
  static final String PDQ = sha256("pdq-base");

  private HashSetTestData() {}

  static String pdqNear() {
    char[] c = PDQ.toCharArray();
    // flip 5 bits: digit 0 xor 0x1, digit 10 xor 0x3, digit 63 xor 0x3 -> 1 + 2 + 2 bits
    c[0] = flip(c[0], 0x1);
    c[10] = flip(c[10], 0x3);
    c[63] = flip(c[63], 0x3);
    return new String(c);
  }

  private static char flip(char hex, int mask) {
    return Character.forDigit(Character.digit(hex, 16) ^ mask, 16);
  }

  /** VICS 2.0 #Media: md5(one) category 1 in a series, sha1(two), a PDQ. No SHA-256. */
  static String abuseVics() {
    return String.format(
        Locale.ROOT,
        """
        {
          "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media",
          "value": [
            { "MediaID": 1, "Category": 1, "MD5": "%s", "Series": "Example Series A",
              "VictimIdentified": true },
            { "MediaID": 2, "Category": 2, "SHA1": "%s", "VictimIdentified": false },
            { "MediaID": 3, "Category": 1, "AlternativeHashes": [
                { "HashName": "PDQ", "HashValue": "%s" } ] }
          ]
        }
        """,
        md5("one"),
        sha1("two"),
        PDQ);
  }

  /** hashdeep known-good: sha256(three) and md5(four). */
  static String goodHashdeep() {
    return "%%%% HASHDEEP-1.0\n%%%% size,md5,sha256,filename\n## known good\n"
        + "5,"
        + md5("four")
        + ","
        + sha256("three")
        + ",/software/example/readme.txt\n";
  }

  static HashSetInfo info(String name, String version, HashSetKind kind) {
    return new HashSetInfo(
        name,
        version,
        Optional.of("synthetic test data"),
        Optional.of("CC0 test data"),
        "unspecified",
        kind,
        true);
  }

  static HashSetRepository.Imported importText(
      HashSetRepository repo,
      Path dir,
      HashSetFormat format,
      HashSetInfo info,
      String fileName,
      String content)
      throws IOException {
    Path file = SetFixtures.write(dir, fileName, content);
    return repo.importSet(
        info,
        format,
        sha256(content),
        T0,
        sink ->
            HashSetReaders.standard()
                .reader(format)
                .orElseThrow()
                .read(file, sink, ReadProgress.NONE));
  }
}
