package org.tiptrace.bench.ip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tiptrace.ip.CsvRangeDatabase;
import org.tiptrace.ip.DataKind;
import org.tiptrace.ip.Enrichment;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.MmdbDatabase;
import org.tiptrace.ip.MmdbWriter;
import org.tiptrace.ip.SourceAnswer;

/**
 * MMDB enrichment lookups per second on a generated database (target: at least 1 M/s per core).
 *
 * <p>Data set: an ASN database with 16384 IPv4 /29 networks in 198.18.0.0/15 and 65536 IPv6 /48
 * networks in 2001:db8::/32, fictional ASNs 64496–64511 (16 distinct records), written by {@link
 * org.tiptrace.ip.MmdbWriter} (core test-jar) at setup. Probes: 4096 random addresses of the chosen
 * family, cycled.
 *
 * <p>Side by side: the library reader alone ({@code readerGet}), Tiptrace's source with its answer
 * record per lookup ({@code openLookup}) and materialised ({@code loadLookup}, also the path of
 * installed ASN and country sets), an ip-location-db CSV range file holding the same networks
 * ({@code csvLookup}), and the facade's {@code enrich} (parse the literal, ask the source, assemble
 * the {@link Enrichment}). Results and command: docs/benchmarks-ip.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class MmdbLookupBenchmark {
  private static final int PROBES = 4096;

  @Param({"IPV4", "IPV6"})
  public String family;

  private Path file;
  private Reader reader;
  private MmdbDatabase source;
  private MmdbDatabase loaded;
  private CsvRangeDatabase csv;
  private IpAttribution facade;
  private InetAddress[] inet;
  private byte[][] bytes;
  private String[] text;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = Files.createTempFile("tiptrace-bench-asn", ".mmdb");
    MmdbWriter w = new MmdbWriter("Tiptrace-Bench-ASN", 1_763_769_600L);
    Map<String, Object>[] records = records();
    StringBuilder csvText = new StringBuilder();
    for (int i = 0; i < 16384; i++) {
      int a = 198 * 256 * 256 * 256 + 18 * 256 * 256 + i * 8;
      w.insert(v4(a) + "/29", records[i % 16]);
      csvRow(csvText, v4(a), v4(a + 7), records[i % 16]);
    }
    for (int i = 0; i < 65536; i++) {
      w.insert(String.format(java.util.Locale.ROOT, "2001:db8:%x::/48", i), records[(i * 7) % 16]);
      csvRow(
          csvText,
          String.format(java.util.Locale.ROOT, "2001:db8:%x::", i),
          String.format(java.util.Locale.ROOT, "2001:db8:%x:ffff:ffff:ffff:ffff:ffff", i),
          records[(i * 7) % 16]);
    }
    csv =
        CsvRangeDatabase.load(
            new StringReader(csvText.toString()),
            "bench-asn.csv",
            DataKind.ASN,
            LocalDate.of(2026, 11, 22));
    w.write(file);
    reader = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    source = MmdbDatabase.open(file);
    loaded = MmdbDatabase.load(file);
    facade =
        IpAttribution.builder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).source(loaded).build();
    SplittableRandom rnd = new SplittableRandom(20261122L);
    inet = new InetAddress[PROBES];
    bytes = new byte[PROBES][];
    text = new String[PROBES];
    for (int i = 0; i < PROBES; i++) {
      String t =
          family.equals("IPV4")
              ? v4(198 * 256 * 256 * 256 + 18 * 256 * 256 + rnd.nextInt(1 << 17))
              : String.format(
                  java.util.Locale.ROOT,
                  "2001:db8:%x:%x::%x",
                  rnd.nextInt(1 << 16),
                  rnd.nextInt(1 << 16),
                  rnd.nextInt(1 << 16));
      text[i] = t;
      bytes[i] = org.tiptrace.ip.IpAddresses.parse(t).orElseThrow();
      inet[i] = InetAddress.getByAddress(bytes[i]);
    }
  }

  /** One ip-location-db ASN row: start, end, number, organisation (quoted: it has no comma). */
  private static void csvRow(StringBuilder out, String start, String end, Map<String, Object> r) {
    out.append(start)
        .append(',')
        .append(end)
        .append(',')
        .append(r.get("autonomous_system_number"))
        .append(",\"")
        .append(r.get("autonomous_system_organization"))
        .append("\"\n");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] records() {
    Map<String, Object>[] r = new Map[16];
    for (int i = 0; i < 16; i++) {
      r[i] =
          Map.of(
              "autonomous_system_number",
              64496L + i,
              "autonomous_system_organization",
              "Example Network " + i + " (as" + (64496 + i) + ".example.net)");
    }
    return r;
  }

  private static String v4(int a) {
    return ((a >>> 24) & 0xff)
        + "."
        + ((a >>> 16) & 0xff)
        + "."
        + ((a >>> 8) & 0xff)
        + "."
        + (a & 0xff);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    reader.close();
    source.close();
    loaded.close();
    Files.deleteIfExists(file);
  }

  @Benchmark
  public Object readerGet() throws IOException {
    int i = next++ & (PROBES - 1);
    return reader.get(inet[i], Map.class);
  }

  @Benchmark
  public Optional<SourceAnswer> openLookup() {
    int i = next++ & (PROBES - 1);
    return source.lookup(bytes[i]);
  }

  @Benchmark
  public Optional<SourceAnswer> loadLookup() {
    int i = next++ & (PROBES - 1);
    return loaded.lookup(bytes[i]);
  }

  /** An ip-location-db CSV range file with the same networks as ranges. */
  @Benchmark
  public Optional<SourceAnswer> csvLookup() {
    int i = next++ & (PROBES - 1);
    return csv.lookup(bytes[i]);
  }

  @Benchmark
  public void facadeEnrich(Blackhole bh) {
    int i = next++ & (PROBES - 1);
    bh.consume(facade.enrich(text[i]));
  }
}
