package org.tiptrace.hash.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Computes PDQ hashes, bit-exact with the Java reference decoding through {@code javax.imageio}.
 *
 * <p><b>Map.</b> Pipeline (reference §1, step numbers below):
 *
 * <ol>
 *   <li>Luma {@code 0.299f·R + 0.587f·G + 0.114f·B} per pixel from {@link BufferedImage#getRGB}
 *       (§1.1), so ImageIO's colour-space conversion (grey, palette, CMYK) happens exactly as in
 *       the reference.
 *   <li>Jarosz blur: 1-D box filters rows, columns, rows, columns with windows {@code ceil(W/128)},
 *       {@code ceil(H/128)} (§1.2).
 *   <li>Decimation to 64×64 at cell centres (§1.3).
 *   <li>Quality from the neighbour gradients of the 64×64 grid (§1.4).
 *   <li>16×16 DCT without the DC row, {@code B = D·A·Dᵀ} (§1.5).
 *   <li>Threshold at the lower median (128th smallest), bit {@code 16i+j} set when {@code B[i][j]}
 *       is strictly greater (§1.6).
 *   <li>Dihedral variants from the same {@code B} by transpose and sign changes (§1.8, {@link
 *       PdqDihedral}).
 * </ol>
 *
 * <p><b>Bit parity (§1.9).</b> Every buffer is {@code float} and every sum runs in the reference's
 * order: the box filter keeps one running float sum (add the entering sample, then subtract the
 * leaving one) and divides by the integer count per output; the DCT sums {@code k = 0…63} in order
 * into a float accumulator. Two places are deliberately {@code double}, as in the reference: the
 * decimation's sample positions {@code (i + 0.5)·H/64}, and the DCT matrix entries, computed as
 * {@code sqrt(2/64)·cos(π/2/64·(i+1)·(2j+1))} in double and rounded once to float. Using double for
 * the buffers or sums moves hashes by a few bits. Java float arithmetic is strict IEEE-754 (no
 * fused multiply-add unless asked for), so results do not depend on the CPU.
 *
 * <p>Images under 5 pixels on a side give hash 0 with quality 0 (as the C++ reference), which the
 * quality gate rejects. Thread-safe: instances hold only the constant DCT matrix.
 *
 * <p>References: [1] {@code shared/reference/pdq.md} §1–§3; [2] W. Jarosz, "Fast image
 * convolutions" (2001), box filters repeated to approximate a tent filter.
 */
public final class PdqHasher {

  private static final int SIZE = 64;
  private static final int DCT = 16;
  private static final int MIN_SIDE = 5;

  /** D[i][k], i = 0..15, k = 0..63, row-major. */
  private static final float[] DCT_MATRIX = dctMatrix();

  /** Creates a hasher (stateless apart from constants). */
  public PdqHasher() {}

  private static float[] dctMatrix() {
    float[] d = new float[DCT * SIZE];
    double scale = Math.sqrt(2.0 / SIZE);
    for (int i = 0; i < DCT; i++) {
      for (int j = 0; j < SIZE; j++) {
        d[i * SIZE + j] = (float) (scale * Math.cos((Math.PI / 2 / SIZE) * (i + 1) * (2 * j + 1)));
      }
    }
    return d;
  }

  /**
   * Decodes {@code file} with ImageIO at full resolution and hashes it.
   *
   * @throws PdqDecodeException when no installed ImageIO reader can decode the file (WebP, say)
   * @throws IOException when the file cannot be read
   */
  public PdqResult hash(Path file) throws IOException {
    return hash(read(file));
  }

  /** Like {@link #hash(Path)}, with the eight dihedral variants. */
  public PdqDihedralResult hashDihedral(Path file) throws IOException {
    return hashDihedral(read(file));
  }

  /** Hashes a decoded image. */
  public PdqResult hash(BufferedImage image) {
    Block block = dctBlock(image);
    if (block == null) {
      return new PdqResult(PdqHash.ofWords(0, 0, 0, 0), 0);
    }
    return new PdqResult(threshold(block.dct()), block.quality());
  }

  /** Hashes a decoded image and returns all eight dihedral variants (reference §1.8). */
  public PdqDihedralResult hashDihedral(BufferedImage image) {
    Block block = dctBlock(image);
    List<PdqHash> hashes = new ArrayList<>(8);
    if (block == null) {
      for (int k = 0; k < 8; k++) {
        hashes.add(PdqHash.ofWords(0, 0, 0, 0));
      }
      return new PdqDihedralResult(hashes, 0);
    }
    float[] variant = new float[DCT * DCT];
    for (PdqDihedral d : PdqDihedral.values()) {
      d.apply(block.dct(), variant);
      hashes.add(threshold(variant));
    }
    return new PdqDihedralResult(hashes, block.quality());
  }

  private static BufferedImage read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a readable file: " + file);
    }
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new PdqDecodeException("cannot decode " + file + ": no ImageIO reader for this format");
    }
    return image;
  }

  private record Block(float[] dct, int quality) {}

  private static Block dctBlock(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < MIN_SIDE || h < MIN_SIDE) {
      return null;
    }
    float[] luma = luma(image, w, h);
    float[] tmp = new float[w * h];
    int wx = (w + 2 * SIZE - 1) / (2 * SIZE);
    int wy = (h + 2 * SIZE - 1) / (2 * SIZE);
    for (int rep = 0; rep < 2; rep++) {
      for (int y = 0; y < h; y++) {
        box(luma, tmp, y * w, 1, w, wx);
      }
      for (int x = 0; x < w; x++) {
        box(tmp, luma, x, w, h, wy);
      }
    }
    float[] a = new float[SIZE * SIZE];
    for (int i = 0; i < SIZE; i++) {
      int yi = (int) (((i + 0.5) * h) / SIZE);
      for (int j = 0; j < SIZE; j++) {
        int xj = (int) (((j + 0.5) * w) / SIZE);
        a[i * SIZE + j] = luma[yi * w + xj];
      }
    }
    return new Block(dct(a), quality(a));
  }

  private static float[] luma(BufferedImage image, int w, int h) {
    float[] luma = new float[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int r = (rgb >>> 16) & 0xFF;
        int g = (rgb >>> 8) & 0xFF;
        int b = rgb & 0xFF;
        luma[y * w + x] = 0.299f * r + 0.587f * g + 0.114f * b;
      }
    }
    return luma;
  }

  /**
   * One 1-D box filter over {@code n} samples at {@code off + k·stride}. Output {@code i} averages
   * inputs {@code i − (win − half) … i + half − 1} clipped to the vector, {@code half = (win+2)/2}.
   * Requires {@code n ≥ win} (true since {@code win = ceil(n/128)}).
   */
  static void box(float[] in, float[] out, int off, int stride, int n, int win) {
    int half = (win + 2) / 2;
    int ahead = half - 1;
    int behind = win - half;
    float sum = 0f;
    int count = 0;
    for (int k = 0; k < ahead; k++) {
      sum += in[off + k * stride];
      count++;
    }
    for (int i = 0; i < n; i++) {
      int enter = i + ahead;
      if (enter < n) {
        sum += in[off + enter * stride];
        count++;
      }
      int leave = i - behind - 1;
      if (leave >= 0) {
        sum -= in[off + leave * stride];
        count--;
      }
      out[off + i * stride] = sum / count;
    }
  }

  /** Reference §1.4: integer gradient sum over the 64×64 grid, divided by 90, capped at 100. */
  static int quality(float[] a) {
    int sum = 0;
    for (int i = 0; i < SIZE - 1; i++) {
      for (int j = 0; j < SIZE; j++) {
        float u = a[i * SIZE + j];
        float v = a[(i + 1) * SIZE + j];
        sum += Math.abs((int) ((u - v) * 100 / 255));
      }
    }
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j < SIZE - 1; j++) {
        float u = a[i * SIZE + j];
        float v = a[i * SIZE + j + 1];
        sum += Math.abs((int) ((u - v) * 100 / 255));
      }
    }
    return Math.min(100, sum / 90);
  }

  /** B = D·A·Dᵀ with in-order float sums (reference §1.5). */
  private static float[] dct(float[] a) {
    float[] t = new float[DCT * SIZE];
    for (int i = 0; i < DCT; i++) {
      for (int j = 0; j < SIZE; j++) {
        float s = 0f;
        for (int k = 0; k < SIZE; k++) {
          s += DCT_MATRIX[i * SIZE + k] * a[k * SIZE + j];
        }
        t[i * SIZE + j] = s;
      }
    }
    float[] b = new float[DCT * DCT];
    for (int i = 0; i < DCT; i++) {
      for (int j = 0; j < DCT; j++) {
        float s = 0f;
        for (int k = 0; k < SIZE; k++) {
          s += t[i * SIZE + k] * DCT_MATRIX[j * SIZE + k];
        }
        b[i * DCT + j] = s;
      }
    }
    return b;
  }

  /** Bit 16i+j set when B[i][j] is above the 128th smallest value (reference §1.6). */
  private static PdqHash threshold(float[] b) {
    float[] sorted = b.clone();
    Arrays.sort(sorted);
    float median = sorted[127];
    int[] slots = new int[DCT];
    for (int i = 0; i < DCT; i++) {
      int word = 0;
      for (int j = 0; j < DCT; j++) {
        if (b[i * DCT + j] > median) {
          word |= 1 << j;
        }
      }
      slots[i] = word;
    }
    return PdqHash.ofSlots(slots);
  }
}
