package org.tiptrace.hash.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PdqHasherTest {

  private final PdqHasher hasher = new PdqHasher();

  /** Reference §7.2: the nine expected hashes (Java reference + ImageIO, all quality 100). */
  @ParameterizedTest
  @CsvSource({
    "dih/bridge-1-original.jpg, f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
    "dih/bridge-2-rotate-90.jpg, 30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af",
    "dih/bridge-3-rotate-180.jpg, adad5a64b5a142e75b62a09857da895ae63b847fc23794b766b319361bc93188",
    "dih/bridge-4-rotate-270.jpg, a5f0a457a48995e8c9065c275aaa5498b61ba4bdf8fcf80387c32f8b1bfc4f05",
    "dih/bridge-5-flipx.jpg, f8f80f31e0f417b20e37f5cd028f980fb36ed02a9662c1e233e64c634e9c64dd",
    "dih/bridge-6-flipy.jpg, 0dad2599b1a1bd1a5362576742da32a5e63b7380c2374b4866b366c91bc9ce77",
    "dih/bridge-7-flip-plus-1.jpg, f0a5e102f1ccc0bd945308720fff038de34ef1e8ada9a956d2967ade5ea91a50",
    "dih/bridge-8-flip-minus-1.jpg, a5f05aa8a4896a17c906a2d85aaaab07b61b5b42f8fc07fc87c3d0741bfcb0fa",
    "pen-and-coaster.png, 1f811b9d267fbc6693c0c7f30e041f9df49b836303e10f067fcdfc12c02d01f9",
  })
  void matchesReferenceBitForBit(String file, String expected) throws Exception {
    PdqResult r = hasher.hash(PdqTestData.file("reg-test-input/" + file));
    assertThat(r.hash().toHex()).as(file).isEqualTo(expected);
    assertThat(r.quality()).isEqualTo(100);
    assertThat(r.hash().bitCount()).isEqualTo(128);
  }

  /** Reference §7.3: variant k of bridge-1 versus the hash of the transformed file. */
  @Test
  void dihedralVariantsAreCloseToTheTransformedFiles() throws Exception {
    List<Path> files = PdqTestData.list("reg-test-input/dih", "jpg");
    assertThat(files).hasSize(8);
    PdqDihedralResult variants = hasher.hashDihedral(files.get(0));
    List<Integer> distances = new ArrayList<>();
    for (PdqDihedral d : PdqDihedral.values()) {
      PdqHash actual = hasher.hash(files.get(d.ordinal())).hash();
      distances.add(variants.get(d).distance(actual));
    }
    assertThat(distances).containsExactly(0, 2, 8, 8, 8, 2, 0, 8);
    assertThat(variants.quality()).isEqualTo(100);
    assertThat(variants.original()).isEqualTo(hasher.hash(files.get(0)));
  }

  /** Transforming the DCT twice in the same way gets back where it started. */
  @Test
  void dihedralVariantsOfTheRotatedFileComeBackToTheOriginal() throws Exception {
    PdqHash original =
        hasher.hash(PdqTestData.file("reg-test-input/dih/bridge-1-original.jpg")).hash();
    PdqDihedralResult ofRot180 =
        hasher.hashDihedral(PdqTestData.file("reg-test-input/dih/bridge-3-rotate-180.jpg"));
    assertThat(ofRot180.get(PdqDihedral.ROTATE_180).distance(original)).isLessThanOrEqualTo(8);
    PdqDihedralResult ofFlipPlus =
        hasher.hashDihedral(PdqTestData.file("reg-test-input/dih/bridge-7-flip-plus-1.jpg"));
    assertThat(ofFlipPlus.get(PdqDihedral.FLIP_PLUS_1)).isEqualTo(original);
  }

  @Test
  void distancesBetweenReferenceImages() throws Exception {
    PdqHash b1 = hasher.hash(PdqTestData.file("reg-test-input/dih/bridge-1-original.jpg")).hash();
    PdqHash b2 = hasher.hash(PdqTestData.file("reg-test-input/dih/bridge-2-rotate-90.jpg")).hash();
    PdqHash pen = hasher.hash(PdqTestData.file("reg-test-input/pen-and-coaster.png")).hash();
    assertThat(b1.distance(b2)).isEqualTo(120);
    assertThat(b1.distance(pen)).isEqualTo(138);
  }

  static List<Path> decodableImages() {
    List<Path> all = new ArrayList<>();
    all.addAll(PdqTestData.list("bridge-mods", "jpg", "png"));
    all.addAll(PdqTestData.list("misc-images", "jpg", "png"));
    all.addAll(PdqTestData.list("reg-test-input/labelme-subset", "jpg", "png"));
    return all;
  }

  /** Every other image: hashes without error, quality within 0..100 (reference §7.3). */
  @ParameterizedTest
  @MethodSource("decodableImages")
  void otherImagesHashWithValidQuality(Path file) throws Exception {
    PdqResult r = hasher.hash(file);
    assertThat(r.quality()).isBetween(0, 100);
  }

  /** Reference §7.3: the bridge edits and lossless colour modes all match bridge-1 at 31. */
  @Test
  void bridgeEditsMatchTheOriginal() throws Exception {
    PdqHash b1 = hasher.hash(PdqTestData.file("reg-test-input/dih/bridge-1-original.jpg")).hash();
    for (Path f : PdqTestData.list("bridge-mods", "jpg")) {
      PdqResult r = hasher.hash(f);
      assertThat(r.quality()).as(f.toString()).isEqualTo(100);
      assertThat(r.hash().distance(b1)).as(f.toString()).isLessThanOrEqualTo(16);
    }
    PdqResult copy = hasher.hash(PdqTestData.file("bridge-mods/aaa-orig.jpg"));
    assertThat(copy.hash().distance(b1)).isZero();
  }

  @Test
  void qualityGateRejectsFlatImages() throws Exception {
    assertThat(hasher.hash(PdqTestData.file("misc-images/small.jpg")).usable()).isFalse();
    assertThat(hasher.hash(PdqTestData.file("reg-test-input/labelme-subset/q0003.jpg")).quality())
        .isEqualTo(3);
    assertThat(hasher.hash(PdqTestData.file("reg-test-input/labelme-subset/q0004.jpg")).quality())
        .isEqualTo(4);
  }

  /**
   * The JDK has no WebP reader (reference §1.9). The shared data holds no WebP file, so a file with
   * a WebP container header stands in: ImageIO finds no reader and the hasher says "cannot decode".
   */
  @Test
  void undecodableFileSaysCannotDecode(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.webp");
    byte[] header = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
    Files.write(f, header);
    assertThatThrownBy(() -> hasher.hash(f))
        .isInstanceOf(PdqDecodeException.class)
        .hasMessageContaining("cannot decode");
  }

  @Test
  void tinyImagesGiveZeroQuality() {
    BufferedImage img = new BufferedImage(4, 40, BufferedImage.TYPE_INT_RGB);
    assertThat(hasher.hash(img).quality()).isZero();
    assertThat(hasher.hashDihedral(img).quality()).isZero();
  }

  @Test
  void boxFilterAveragesClippedWindows() {
    float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    float[] out = new float[10];
    PdqHasher.box(in, out, 0, 1, 10, 3); // window i-1 .. i+1
    assertThat(out).containsExactly(1.5f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 9.5f);
    PdqHasher.box(in, out, 0, 1, 10, 4); // window i-1 .. i+2
    assertThat(out[0]).isEqualTo(2f); // (1+2+3)/3
    assertThat(out[1]).isEqualTo(2.5f); // (1+2+3+4)/4
    assertThat(out[9]).isEqualTo(9.5f); // (9+10)/2
  }
}
