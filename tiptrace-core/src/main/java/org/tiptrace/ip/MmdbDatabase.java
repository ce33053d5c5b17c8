package org.tiptrace.ip;

import com.maxmind.db.CHMCache;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
  private final Reader reader;
  private final String databaseType;
  private final Instant build;

  private MmdbDatabase(String name, DataKind kind, Reader reader) {
    this.name = name;
    this.kind = kind;
    this.reader = reader;
    Metadata m = reader.getMetadata();
    this.databaseType = m.getDatabaseType();
    this.build = m.getBuildDate().toInstant();
  }

  /**
   * Opens a file; the kind is taken from {@code database_type} ({@code ASN}, {@code City}, else
   * country).
   */
  public static MmdbDatabase open(Path file) throws IOException {
    Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    return new MmdbDatabase(file.getFileName().toString(), kindOf(r.getMetadata()), r);
  }

  /** Opens a file whose kind the caller states. */
  public static MmdbDatabase open(Path file, DataKind kind) throws IOException {
    Reader r = new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED, new CHMCache());
    return new MmdbDatabase(file.getFileName().toString(), kind, r);
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
    if (address.length == 16 && reader.getMetadata().getIpVersion() == 4) {
      return Optional.empty(); // an IPv4-only file has no answer for IPv6
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
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "autonomous_system_number", data.get("autonomous_system_number"));
    put(fields, "autonomous_system_organization", data.get("autonomous_system_organization"));
    put(fields, "country_code", first(data.get("country_code"), path(data, "country", "iso_code")));
    put(
        fields,
        "region",
        first(data.get("state1"), path(firstOf(data.get("subdivisions")), "iso_code")));
    put(fields, "city", first(data.get("city"), path(data, "city", "names", "en")));
    return Optional.of(
        new SourceAnswer(
            name, databaseType, kind, build, networkText(rec, address.length), fields));
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

  private static Object firstOf(Object o) {
    return o instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
  }

  private static Object path(Object root, String... keys) {
    Object cur = root;
    for (String k : keys) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(k);
    }
    return cur;
  }

  private static Object first(Object a, Object b) {
    return a != null && !(a instanceof Map) ? a : b;
  }

  private static void put(Map<String, String> fields, String key, Object value) {
    if (value != null && !(value instanceof Map) && !(value instanceof List)) {
      String s = value.toString();
      if (!s.isBlank()) {
        fields.put(key, s);
      }
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  @Override
  public String toString() {
    return "MmdbDatabase[" + name + ", " + databaseType + ", built " + build + "]";
  }
}
