package org.tiptrace.bench.ip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tiptrace.ip.Cidr;

/**
 * A small MaxMind DB (format 2.0) writer for the benchmark: the same code as the core test writer
 * {@code org.tiptrace.ip.MmdbWriter} (kept in sync by hand; the bench module does not see core test
 * classes). Follows the format description (shared/reference/ip-attribution.md §3.1): an IPv6
 * search tree (IPv4 networks under {@code ::/96}), 16 zero bytes, a data section, then the metadata
 * map after the marker {@code \xAB\xCD\xEFMaxMind.com}.
 *
 * <p>Value types: {@link String} → UTF-8 string, {@link Integer} → uint16, {@link Long} → uint32,
 * {@link BigInteger} → uint64, {@link Double} → double, {@link Boolean} → boolean, {@link Map} →
 * map, {@link List} → array. Insert wider networks before narrower ones inside them.
 */
public final class BenchMmdbWriter {
  private static final byte[] MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };

  private static final class Node {
    final Object[] child = new Object[2]; // Node, Integer (data index) or null
  }

  private final String databaseType;
  private final long buildEpoch;
  private final Node root = new Node();
  private final List<Map<String, Object>> data = new ArrayList<>();
  private final Map<Map<String, Object>, Integer> dataIndex = new HashMap<>();

  public BenchMmdbWriter(String databaseType, long buildEpochSeconds) {
    this.databaseType = databaseType;
    this.buildEpoch = buildEpochSeconds;
  }

  /** Maps a network (CIDR text, IPv4 or IPv6) to a record. */
  public BenchMmdbWriter insert(String cidr, Map<String, Object> record) {
    Cidr c = Cidr.parse(cidr);
    byte[] addr = new byte[16];
    int prefix = c.prefixLength();
    if (c.isIpv6()) {
      System.arraycopy(c.network(), 0, addr, 0, 16);
    } else {
      System.arraycopy(c.network(), 0, addr, 12, 4);
      prefix += 96;
    }
    if (prefix == 0) {
      throw new IllegalArgumentException("cannot map the whole address space");
    }
    Integer idx =
        dataIndex.computeIfAbsent(
            record,
            r -> {
              data.add(r);
              return data.size() - 1;
            });
    Node node = root;
    for (int i = 0; i < prefix; i++) {
      int bit = (addr[i / 8] >> (7 - i % 8)) & 1;
      if (i == prefix - 1) {
        node.child[bit] = idx;
        break;
      }
      Object next = node.child[bit];
      if (next instanceof Node n) {
        node = n;
      } else {
        Node n = new Node();
        n.child[0] = next; // a wider network's record (or nothing) covers both halves
        n.child[1] = next;
        node.child[bit] = n;
        node = n;
      }
    }
    return this;
  }

  public void write(Path file) throws IOException {
    Files.write(file, toBytes());
  }

  public byte[] toBytes() {
    // Number nodes breadth-first; the root is node 0.
    Map<Node, Integer> number = new IdentityHashMap<>();
    List<Node> order = new ArrayList<>();
    Deque<Node> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      number.put(n, order.size());
      order.add(n);
      for (Object c : n.child) {
        if (c instanceof Node k) {
          queue.add(k);
        }
      }
    }
    ByteArrayOutputStream dataSection = new ByteArrayOutputStream();
    int[] offsets = new int[data.size()];
    for (int i = 0; i < data.size(); i++) {
      offsets[i] = dataSection.size();
      encode(dataSection, data.get(i));
    }
    long nodeCount = order.size();
    long maxValue = nodeCount + 16 + dataSection.size();
    int recordSize = maxValue < (1L << 24) ? 24 : 32;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Node n : order) {
      for (Object c : n.child) {
        long v;
        if (c == null) {
          v = nodeCount;
        } else if (c instanceof Node k) {
          v = number.get(k);
        } else {
          v = nodeCount + 16 + offsets[(Integer) c];
        }
        for (int shift = recordSize - 8; shift >= 0; shift -= 8) {
          out.write((int) (v >>> shift) & 0xff);
        }
      }
    }
    out.writeBytes(new byte[16]);
    out.writeBytes(dataSection.toByteArray());
    out.writeBytes(MARKER);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("binary_format_major_version", 2);
    meta.put("binary_format_minor_version", 0);
    meta.put("build_epoch", BigInteger.valueOf(buildEpoch));
    meta.put("database_type", databaseType);
    meta.put("description", Map.of("en", "Tiptrace synthetic test database"));
    meta.put("ip_version", 6);
    meta.put("languages", List.of("en"));
    meta.put("node_count", nodeCount);
    meta.put("record_size", recordSize);
    encode(out, meta);
    return out.toByteArray();
  }

  private static void encode(ByteArrayOutputStream out, Object value) {
    switch (value) {
      case String s -> {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        control(out, 2, b.length);
        out.writeBytes(b);
      }
      case Double d -> {
        control(out, 3, 8);
        long bits = Double.doubleToLongBits(d);
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (bits >>> shift) & 0xff);
        }
      }
      case Integer i -> {
        if (i < 0 || i > 0xffff) {
          throw new IllegalArgumentException("uint16 out of range: " + i);
        }
        unsigned(out, 5, BigInteger.valueOf(i));
      }
      case Long l -> {
        if (l < 0 || l > 0xffffffffL) {
          throw new IllegalArgumentException("uint32 out of range: " + l);
        }
        unsigned(out, 6, BigInteger.valueOf(l));
      }
      case BigInteger b -> unsigned(out, 9, b);
      case Boolean b -> control(out, 14, b ? 1 : 0);
      case Map<?, ?> m -> {
        control(out, 7, m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
          encode(out, (String) e.getKey());
          encode(out, e.getValue());
        }
      }
      case List<?> l -> {
        control(out, 11, l.size());
        for (Object o : l) {
          encode(out, o);
        }
      }
      default -> throw new IllegalArgumentException("no MMDB type for " + value.getClass());
    }
  }

  private static void unsigned(ByteArrayOutputStream out, int type, BigInteger v) {
    byte[] b = v.signum() == 0 ? new byte[0] : v.toByteArray();
    int skip = b.length > 0 && b[0] == 0 ? 1 : 0; // drop the sign byte
    control(out, type, b.length - skip);
    out.write(b, skip, b.length - skip);
  }

  /** Control byte(s): type in the top 3 bits (0 = extended), size in the low 5 bits. */
  private static void control(ByteArrayOutputStream out, int type, int size) {
    int first = (type <= 7 ? type : 0) << 5;
    byte[] sizeBytes;
    if (size < 29) {
      first |= size;
      sizeBytes = new byte[0];
    } else if (size < 29 + 256) {
      first |= 29;
      sizeBytes = new byte[] {(byte) (size - 29)};
    } else if (size < 285 + 65536) {
      first |= 30;
      int s = size - 285;
      sizeBytes = new byte[] {(byte) (s >> 8), (byte) s};
    } else {
      first |= 31;
      int s = size - 65821;
      sizeBytes = new byte[] {(byte) (s >> 16), (byte) (s >> 8), (byte) s};
    }
    out.write(first);
    if (type > 7) {
      out.write(type - 7);
    }
    out.writeBytes(sizeBytes);
  }
}
