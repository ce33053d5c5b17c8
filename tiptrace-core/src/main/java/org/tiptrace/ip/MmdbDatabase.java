package org.tiptrace.ip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.Metadata;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A MaxMind DB (format 2) file read with {@code com.maxmind.db.Reader}, records decoded as maps.
 * Understands the ip-location-db layouts ({@code country_code}, {@code state1}, {@code city},
 * {@code autonomous_system_number}, {@code autonomous_system_organization}) and the GeoLite2/DB-IP
 * nested layouts ({@code country.iso_code}, {@code subdivisions[0].iso_code}, {@code
 * city.names.en}).
 *
 * <p>Open once and share: the reader memory-maps the file and is thread-safe; close on shutdown.
 */
public final class MmdbDatabase implements EnrichmentSource, Closeable {
  private final String name;
  private final DataKind kind;
  private final @Nullable Reader reader; // per-lookup mode
  private final @Nullable RangeIndex<Row> v4; // materialised mode
  private final @Nullable RangeIndex<Row> v6;
  private final int ipVersion;
  private final String databaseType;
  private final Instant build;

  private MmdbDatabase(
      String name,
      DataKind kind,
      Metadata m,
      @Nullable Reader reader,
      @Nullable RangeIndex<Row> v4,
      @Nullable RangeIndex<Row> v6) {
    this.name = name;
    this.kind = kind;
    this.reader = reader;
    this.v4 = v4;
    this.v6 = v6;
    this.ipVersion = m.getIpVersion();
    this.databaseType = m.getDatabaseType();
    this.build = m.getBuildDate().toInstant();
  }

  /** A network's prefix length and its record's fields (shared between networks of a record). */
  private record Row(int prefixLength, Map<String, String> fields) {}

  /**
   * Opens a file; the kind is taken from {@code database_type} ({@code ASN}, {@code City}, else
   * country).
   */
  public static MmdbDatabase open(Path file) throws IOException {
    Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    return new MmdbDatabase(
        file.getFileName().toString(), kindOf(r.getMetadata()), r.getMetadata(), r, null, null);
  }

  /** Opens a file whose kind the caller states. */
  public static MmdbDatabase open(Path file, DataKind kind) throws IOException {
    Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    return new MmdbDatabase(file.getFileName().toString(), kind, r.getMetadata(), r, null, null);
  }

  /**
   * Reads a database from its bytes (an installed data set kept in the database): the reader holds
   * them on the heap; answers are the same as {@link #open}.
   *
   * @param name the name used in answers and error messages
   */
  public static MmdbDatabase read(byte[] bytes, String name) throws IOException {
    Reader r = new Reader(new java.io.ByteArrayInputStream(bytes), new CHMCache());
    return new MmdbDatabase(name, kindOf(r.getMetadata()), r.getMetadata(), r, null, null);
  }

  /**
   * Walks every network and decodes every record, so a damaged data section fails here and not at
   * the first lookup that reaches it.
   *
   * @return the number of networks
   */
  public long verify() throws IOException {
    if (reader == null) {
      return Objects.requireNonNull(v4).size() + Objects.requireNonNull(v6).size();
    }
    long n = 0;
    try {
      Networks<Map> it = reader.networks(false, Map.class);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    } catch (InvalidNetworkException | RuntimeException e) {
      throw new IOException(name + ": damaged search tree or data section: " + e.getMessage(), e);
    }
    return n;
  }

  /**
   * Reads every network of the file into sorted in-memory ranges and closes the file. Answers are
   * the same as {@link #open}; lookups are a binary search without decoding, several times faster
   * (docs/benchmarks-ip.md), at the cost of memory per network. Suits ASN and country files.
   */
  public static MmdbDatabase load(Path file) throws IOException {
    try (Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache())) {
      return materialise(r, file.getFileName().toString());
    }
  }

  /** As {@link #load(Path)}, from the bytes of an installed data set. */
  public static MmdbDatabase load(byte[] bytes, String name) throws IOException {
    try (Reader r = new Reader(new java.io.ByteArrayInputStream(bytes), new CHMCache())) {
      return materialise(r, name);
    }
  }

  private static MmdbDatabase materialise(Reader r, String name) throws IOException {
    Metadata m = r.getMetadata();
    List<RangeIndex.Range<Row>> a = new ArrayList<>();
    List<RangeIndex.Range<Row>> b = new ArrayList<>();
    Map<Object, Map<String, String>> flattened = new IdentityHashMap<>();
    Map<Map<String, String>, Map<String, String>> interned = new HashMap<>();
    Map<Row, Row> rows = new HashMap<>();
    Networks<Map> it;
    try {
      it = r.networks(false, Map.class);
    } catch (InvalidNetworkException e) {
      throw new IOException(name + ": cannot list networks: " + e.getMessage(), e);
    }
    while (it.hasNext()) {
      DatabaseRecord<Map> rec = it.next();
      Map<?, ?> data = rec.getData();
      if (data == null) {
        continue;
      }
      Map<String, String> fields =
          flattened.computeIfAbsent(
              data, d -> interned.computeIfAbsent(Map.copyOf(fields(data)), x -> x));
      byte[] net = rec.getNetwork().getNetworkAddress().getAddress();
      int len = rec.getNetwork().getPrefixLength();
      if (net.length == 16 && len >= 96 && isV4Subtree(net)) {
        net = java.util.Arrays.copyOfRange(net, 12, 16);
        len -= 96;
      }
      Cidr c = new Cidr(net, len);
      Row row = rows.computeIfAbsent(new Row(len, fields), x -> x);
      (net.length == 4 ? a : b).add(new RangeIndex.Range<>(c.network(), c.lastAddress(), row));
    }
    return new MmdbDatabase(
        name, kindOf(m), m, null, RangeIndex.build(a, false), RangeIndex.build(b, false));
  }

  private static boolean isV4Subtree(byte[] b) {
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static DataKind kindOf(Metadata m) {
    String t = m.getDatabaseType().toLowerCase(Locale.ROOT);
    if (t.contains("asn")) {
      return DataKind.ASN;
    }
    return t.contains("city") ? DataKind.CITY : DataKind.COUNTRY;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DataKind kind() {
    return kind;
  }

  public String databaseType() {
    return databaseType;
  }

  /** The {@code build_epoch} of the file. */
  public Instant build() {
    return build;
  }

  @Override
  public Optional<SourceAnswer> lookup(byte[] address) {
    if (address.length == 16 && ipVersion == 4) {
      return Optional.empty(); // an IPv4-only file has no answer for IPv6
    }
    if (reader == null) {
      RangeIndex<Row> index = address.length == 4 ? v4 : v6;
      return Objects.requireNonNull(index)
          .find(address)
          .map(
              row ->
                  new SourceAnswer(
                      name,
                      databaseType,
                      kind,
                      build,
                      IpAddresses.format(Cidr.mask(address, row.prefixLength()))
                          + "/"
                          + row.prefixLength(),
                      row.fields()));
    }
    DatabaseRecord<Map> rec;
    try {
      rec = reader.getRecord(InetAddress.getByAddress(address), Map.class);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address of " + address.length + " bytes", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
    Map<?, ?> data = rec.getData();
    if (data == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SourceAnswer(
            name, databaseType, kind, build, networkText(rec, address.length), fields(data)));
  }

  private static Map<String, String> fields(Map<?, ?> data) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "autonomous_system_number", data.get("autonomous_system_number"));
    put(fields, "autonomous_system_organization", data.get("autonomous_system_organization"));
    put(fields, "country_code", first(data.get("country_code"), path(data, "country", "iso_code")));
    put(
        fields,
        "region",
        first(data.get("state1"), path(firstOf(data.get("subdivisions")), "iso_code")));
    put(fields, "city", first(data.get("city"), path(data, "city", "names", "en")));
    return fields;
  }

  private static String networkText(DatabaseRecord<?> rec, int family) {
    InetAddress net = rec.getNetwork().getNetworkAddress();
    int len = rec.getNetwork().getPrefixLength();
    byte[] b = net.getAddress();
    if (family == 4 && b.length == 16) {
      // An IPv4 hit in an IPv6 tree is reported under ::/96.
      byte[] v4 = new byte[4];
      System.arraycopy(b, 12, v4, 0, 4);
      return IpAddresses.format(v4) + "/" + Math.max(0, len - 96);
    }
    return IpAddresses.format(b) + "/" + len;
  }

  private static @Nullable Object firstOf(@Nullable Object o) {
    return o instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
  }

  private static @Nullable Object path(@Nullable Object root, String... keys) {
    Object cur = root;
    for (String k : keys) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(k);
    }
    return cur;
  }

  private static @Nullable Object first(@Nullable Object a, @Nullable Object b) {
    return a != null && !(a instanceof Map) ? a : b;
  }

  private static void put(Map<String, String> fields, String key, @Nullable Object value) {
    if (value != null && !(value instanceof Map) && !(value instanceof List)) {
      String s = value.toString();
      if (!s.isBlank()) {
        fields.put(key, s);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  @Override
  public String toString() {
    return "MmdbDatabase[" + name + ", " + databaseType + ", built " + build + "]";
  }
}
