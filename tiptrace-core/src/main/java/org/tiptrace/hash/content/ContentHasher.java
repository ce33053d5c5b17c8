package org.tiptrace.hash.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.tiptrace.hash.pdq.PdqHasher;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Sha256;

/**
 * Computes {@link ComputedHashes} from a file's bytes: the exact digests the report did not carry,
 * and PDQ with quality and the eight dihedral variants through {@link PdqHasher}.
 *
 * <p>Decoding does what {@code ImageIO.read} does (the first reader that recognises the stream,
 * image 0, default read parameters), so the hash equals {@code tiptrace pdq hash} on the same file
 * and the reference's (pdq.md §1.9: the parity target is ImageIO at full resolution). Differences,
 * each on purpose: the stream is cached in memory, not in a temporary file; an image that declares
 * more than {@link #MAX_PIXELS} pixels is not decoded (a small file can declare a huge canvas); and
 * a decoder failure on corrupt bytes is an outcome ({@link PdqStatus#CANNOT_DECODE}), not an error.
 * Bytes no reader recognises are {@link PdqStatus#NOT_AN_IMAGE}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContentHasher {
  /** Largest canvas decoded: 100 megapixels (about 400 MB as an RGB image in memory). */
  public static final long MAX_PIXELS = 100_000_000L;

  private final PdqHasher pdq = new PdqHasher();

  /**
   * @param file the reported file, whose reported kinds of exact digest are not computed again
   */
  public ComputedHashes compute(byte[] bytes, ReportedFile file) {
    Set<HashAlgorithm> reported = EnumSet.noneOf(HashAlgorithm.class);
    for (FileHash h : file.hashes()) {
      reported.add(h.algorithm());
    }
    List<ComputedDigest> digests = new ArrayList<>();
    for (HashAlgorithm a : List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256)) {
      if (!reported.contains(a)) {
        digests.add(new ComputedDigest(a, hex(a, bytes)));
      }
    }
    return new ComputedHashes(Sha256.of(bytes), bytes.length, digests, pdq(bytes));
  }

  /** The PDQ outcome of the bytes alone. */
  public ComputedPdq pdq(byte[] bytes) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return ComputedPdq.none(
            PdqStatus.NOT_AN_IMAGE, "not an image the JDK's image readers decode");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          return ComputedPdq.none(
              PdqStatus.TOO_LARGE,
              reader.getFormatName()
                  + " image of "
                  + reader.getWidth(0)
                  + "×"
                  + reader.getHeight(0)
                  + " pixels, more than "
                  + MAX_PIXELS
                  + ": not decoded");
        }
        BufferedImage image = reader.read(0, reader.getDefaultReadParam());
        return ComputedPdq.of(pdq.hashDihedral(image));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // Decoders throw IOException and, on some corrupt input, runtime exceptions; either way the
      // bytes could not be decoded, which is a fact about the file, not a failure of the step.
      return ComputedPdq.none(
          PdqStatus.CANNOT_DECODE, "cannot decode the image: " + e.getClass().getSimpleName());
    }
  }

  private static String hex(HashAlgorithm algorithm, byte[] bytes) {
    String name =
        switch (algorithm) {
          case MD5 -> "MD5";
          case SHA1 -> "SHA-1";
          case SHA256 -> "SHA-256";
          case PDQ, OTHER -> throw new IllegalArgumentException(algorithm.name());
        };
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + name, e);
    }
  }
}
