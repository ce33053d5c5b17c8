package org.tiptrace.bench.pdq;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tiptrace.hash.pdq.PdqHash;

/**
 * Seeded synthetic PDQ codes and queries, and the binary file both the Java and the FAISS side
 * read.
 *
 * <p>Data: {@link Kind#UNIFORM} random 256-bit codes, or {@link Kind#CLUSTERED}: random seeds each
 * followed by 1–20 near copies at 1–24 flipped bits (the shape of real hash sets full of
 * near-duplicates). Queries: three in four are a random stored row with 0–32 bits flipped
 * (positives, including exactly 31 and 32), one in four is a random code (negative).
 *
 * <p>File format (little-endian): magic {@code "TTPDQBEN"}, int version 1, int kind (0 uniform, 1
 * clustered), long seed, int n, int q, then n codes and q queries of 32 bytes each. A code is its
 * four words {@code w0…w3}, each little-endian, so byte {@code k} holds bits {@code 8k…8k+7}; FAISS
 * reads the same bytes as {@code uint8[32]} and computes the same Hamming distances.
 *
 * <p>Run: {@code java -cp tiptrace-bench/target/tiptrace-bench.jar
 * org.tiptrace.bench.pdq.PdqBenchData OUT N Q uniform|clustered SEED}.
 */
public final class PdqBenchData {

  /** Data shapes. */
  public enum Kind {
    UNIFORM,
    CLUSTERED
  }

  private static final byte[] MAGIC = "TTPDQBEN".getBytes(StandardCharsets.US_ASCII);

  /** Codes as 4 words per row ({@code w0} first) and queries likewise. */
  public record Data(Kind kind, long seed, long[] codes, long[] queries) {
    public int n() {
      return codes.length / 4;
    }

    public int q() {
      return queries.length / 4;
    }

    public PdqHash code(int i) {
      return PdqHash.ofWords(codes[4 * i], codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3]);
    }

    public PdqHash query(int i) {
      return PdqHash.ofWords(
          queries[4 * i], queries[4 * i + 1], queries[4 * i + 2], queries[4 * i + 3]);
    }
  }

  private PdqBenchData() {}

  /** Generates {@code n} codes and {@code q} queries from {@code seed}. */
  public static Data generate(Kind kind, int n, int q, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] codes = new long[4 * n];
    int row = 0;
    while (row < n) {
      int base = row;
      random(rnd, codes, row++);
      if (kind == Kind.CLUSTERED) {
        int copies = 1 + rnd.nextInt(20);
        for (int c = 0; c < copies && row < n; c++, row++) {
          System.arraycopy(codes, 4 * base, codes, 4 * row, 4);
          flip(codes, row, 1 + rnd.nextInt(24), rnd);
        }
      }
    }
    long[] queries = new long[4 * q];
    for (int i = 0; i < q; i++) {
      if (i % 4 == 3) {
        random(rnd, queries, i);
      } else {
        System.arraycopy(codes, 4 * rnd.nextInt(n), queries, 4 * i, 4);
        int bits = i == 0 ? 31 : i == 1 ? 32 : rnd.nextInt(33);
        flip(queries, i, bits, rnd);
      }
    }
    return new Data(kind, seed, codes, queries);
  }

  private static void random(SplittableRandom rnd, long[] a, int row) {
    for (int w = 0; w < 4; w++) {
      a[4 * row + w] = rnd.nextLong();
    }
  }

  /** Flips exactly {@code bits} distinct bits of row {@code row}. */
  private static void flip(long[] a, int row, int bits, SplittableRandom rnd) {
    long[] mask = new long[4];
    int done = 0;
    while (done < bits) {
      int b = rnd.nextInt(256);
      if ((mask[b >>> 6] & (1L << b)) == 0) {
        mask[b >>> 6] |= 1L << b;
        done++;
      }
    }
    for (int w = 0; w < 4; w++) {
      a[4 * row + w] ^= mask[w];
    }
  }

  /** Writes the data file described above. */
  public static void write(Data d, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer header = ByteBuffer.allocate(8 + 4 + 4 + 8 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putInt(1).putInt(d.kind().ordinal()).putLong(d.seed());
      header.putInt(d.n()).putInt(d.q());
      out.write(header.array());
      writeWords(out, d.codes());
      writeWords(out, d.queries());
    }
  }

  private static void writeWords(OutputStream out, long[] words) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (long w : words) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putLong(w);
    }
    out.write(buf.array(), 0, buf.position());
  }

  /** Reads a data file. */
  public static Data read(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      DataInputStream in = new DataInputStream(raw);
      byte[] header = new byte[32];
      in.readFully(header);
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[8];
      h.get(magic);
      if (!Arrays.equals(magic, MAGIC) || h.getInt() != 1) {
        throw new IOException(file + " is not a version-1 PDQ benchmark data file");
      }
      Kind kind = Kind.values()[h.getInt()];
      long seed = h.getLong();
      int n = h.getInt();
      int q = h.getInt();
      return new Data(kind, seed, readWords(in, 4 * n), readWords(in, 4 * q));
    }
  }

  private static long[] readWords(DataInputStream in, int count) throws IOException {
    long[] out = new long[count];
    byte[] chunk = new byte[1 << 16];
    int i = 0;
    while (i < count) {
      int words = Math.min(chunk.length / 8, count - i);
      in.readFully(chunk, 0, words * 8);
      ByteBuffer b = ByteBuffer.wrap(chunk, 0, words * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (int k = 0; k < words; k++) {
        out[i++] = b.getLong();
      }
    }
    return out;
  }

  /** {@code OUT N Q uniform|clustered SEED}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: OUT N Q uniform|clustered SEED");
    }
    Kind kind = Kind.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
    Data d =
        generate(
            kind, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[4]));
    write(d, Path.of(args[0]));
  }
}
