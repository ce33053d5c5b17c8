package org.tiptrace.hash.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrace.hash.pdq.PdqDihedral;
import org.tiptrace.hash.pdq.PdqHash;
import org.tiptrace.hash.pdq.PdqHasher;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.TriState;

/** Hashes computed from bytes: parity with the file path, statuses, and only missing digests. */
class ContentHasherTest {
  private final ContentHasher hasher = new ContentHasher();

  private static byte[] bytes(String relative) throws IOException {
    return Files.readAllBytes(PdqTestData.root().resolve(relative));
  }

  static ReportedFile file(FileHash... hashes) {
    return new ReportedFile(
        Optional.of("f1"),
        Optional.of("upload.jpg"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        List.of(hashes),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** pdq.md §7.2: the bytes give the reference hash, quality 100, as the file path does. */
  @ParameterizedTest
  @CsvSource({
    "reg-test-input/dih/bridge-1-original.jpg,"
        + "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
    "reg-test-input/dih/bridge-2-rotate-90.jpg,"
        + "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af",
    "reg-test-input/pen-and-coaster.png,"
        + "1f811b9d267fbc6693c0c7f30e041f9df49b836303e10f067fcdfc12c02d01f9"
  })
  void bytesHashLikeTheReference(String relative, String expected) throws IOException {
    ComputedPdq pdq = hasher.pdq(bytes(relative));

    assertThat(pdq.status()).isEqualTo(PdqStatus.HASHED);
    assertThat(pdq.hash()).contains(expected);
    assertThat(pdq.quality()).hasValue(100);
    assertThat(pdq.reason()).isEmpty();
    List<String> fromPath =
        new PdqHasher()
            .hashDihedral(PdqTestData.root().resolve(relative)).hashes().stream()
                .map(PdqHash::toHex)
                .toList();
    assertThat(pdq.dihedral()).isEqualTo(fromPath);
  }

  /** pdq.md §7.3: the rotate-90 variant of bridge-1 is 2 bits from the rotated file's hash. */
  @Test
  void dihedralVariantsFindTheRotatedFile() throws IOException {
    ComputedPdq original = hasher.pdq(bytes("reg-test-input/dih/bridge-1-original.jpg"));
    PdqHash rotatedFile =
        PdqHash.parseHex(
            hasher.pdq(bytes("reg-test-input/dih/bridge-2-rotate-90.jpg")).hash().get());

    assertThat(original.usable(PdqDihedral.ROTATE_90).get().distance(rotatedFile)).isEqualTo(2);
    assertThat(original.usable(PdqDihedral.ORIGINAL).get().distance(rotatedFile)).isEqualTo(120);
  }

  /** pdq.md §7.3: small.jpg has quality 0; it is hashed but flagged and never usable. */
  @Test
  void lowQualityIsFlaggedNotUsable() throws IOException {
    ComputedPdq pdq = hasher.pdq(bytes("misc-images/small.jpg"));

    assertThat(pdq.status()).isEqualTo(PdqStatus.LOW_QUALITY);
    assertThat(pdq.quality()).hasValue(0);
    assertThat(pdq.hash()).isPresent();
    assertThat(pdq.reason().get()).contains("quality 0 is below 50");
    assertThat(pdq.usable(PdqDihedral.ORIGINAL)).isEmpty();
  }

  @Test
  void textIsNotAnImage() {
    ComputedPdq pdq = hasher.pdq("a plain text file\n".getBytes(StandardCharsets.UTF_8));

    assertThat(pdq.status()).isEqualTo(PdqStatus.NOT_AN_IMAGE);
    assertThat(pdq.hash()).isEmpty();
    assertThat(pdq.dihedral()).isEmpty();
    assertThat(pdq.reason().get()).contains("not an image");
  }

  /**
   * pdq.md §1.9: the JDK has no WebP reader; a WebP header (RIFF, size, WEBP, VP8 chunk) is "not an
   * image" to it, not a crash.
   */
  @Test
  void webpIsNotAnImageToTheJdk() {
    byte[] webp = new byte[64];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 4);
    webp[4] = 56;
    System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 8, 8);

    assertThat(hasher.pdq(webp).status()).isEqualTo(PdqStatus.NOT_AN_IMAGE);
  }

  @Test
  void truncatedJpegCannotBeDecoded() throws IOException {
    byte[] whole = bytes("reg-test-input/dih/bridge-1-original.jpg");
    ComputedPdq pdq = hasher.pdq(Arrays.copyOf(whole, 200));

    assertThat(pdq.status()).isEqualTo(PdqStatus.CANNOT_DECODE);
    assertThat(pdq.hash()).isEmpty();
  }

  /** Only the exact digests the report lacks are computed; the reported ones stay reported. */
  @Test
  void computesOnlyTheDigestKindsNotReported() {
    byte[] b = "example".getBytes(StandardCharsets.UTF_8);
    ComputedHashes h =
        hasher.compute(
            b,
            file(
                new FileHash(
                    HashAlgorithm.MD5,
                    "MD5",
                    "1a79a4d60de6718e8e5b326e338ae533",
                    HashOrigin.ESP_ORIGINAL)));

    assertThat(h.sha256().hex())
        .isEqualTo("50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c");
    assertThat(h.size()).isEqualTo(7);
    assertThat(h.digests())
        .containsExactly(
            new ComputedDigest(HashAlgorithm.SHA1, "c3499c2729730a7f807efb8676a92dcb6f8a3f8f"),
            new ComputedDigest(
                HashAlgorithm.SHA256,
                "50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c"));
    assertThat(h.pdq().status()).isEqualTo(PdqStatus.NOT_AN_IMAGE);
  }
}
