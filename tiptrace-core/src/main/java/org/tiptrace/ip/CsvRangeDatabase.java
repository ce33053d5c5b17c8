package org.tiptrace.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV range file in the ip-location-db layout: {@code ip_range_start, ip_range_end}, then the
 * columns of the kind ({@code country_code}; or {@code country_code, state1, state2, city,
 * postcode, latitude, longitude, timezone}; or {@code autonomous_system_number,
 * autonomous_system_organization}). The published files have no header; a first line starting with
 * {@code ip_range_start} is read as one and its column names are used.
 *
 * <p>Ranges must not overlap; an error names the file, line and the two ranges.
 */
public final class CsvRangeDatabase implements EnrichmentSource {
  private static final Map<DataKind, List<String>> COLUMNS =
      Map.of(
          DataKind.COUNTRY,
          List.of("country_code"),
          DataKind.CITY,
          List.of(
              "country_code",
              "state1",
              "state2",
              "city",
              "postcode",
              "latitude",
              "longitude",
              "timezone"),
          DataKind.ASN,
          List.of("autonomous_system_number", "autonomous_system_organization"));

  private final String name;
  private final DataKind kind;
  private final Instant build;
  private final RangeIndex<Row> v4;
  private final RangeIndex<Row> v6;

  private CsvRangeDatabase(
      String name, DataKind kind, Instant build, RangeIndex<Row> v4, RangeIndex<Row> v6) {
    this.name = name;
    this.kind = kind;
    this.build = build;
    this.v4 = v4;
    this.v6 = v6;
  }

  /**
   * Loads a file.
   *
   * @param snapshot the date the file was published or fetched (recorded with every answer)
   */
  public static CsvRangeDatabase load(Path file, DataKind kind, LocalDate snapshot)
      throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(r, file.getFileName().toString(), kind, snapshot);
    }
  }

  /** Loads from a reader; {@code name} is used in answers and error messages. */
  public static CsvRangeDatabase load(Reader in, String name, DataKind kind, LocalDate snapshot)
      throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<String> columns = COLUMNS.get(kind);
    List<RangeIndex.Range<Row>> a = new ArrayList<>();
    List<RangeIndex.Range<Row>> b = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = splitCsv(line);
      if (n == 1 && cells.get(0).strip().equals("ip_range_start")) {
        columns = cells.subList(2, cells.size()).stream().map(String::strip).toList();
        continue;
      }
      if (cells.size() < 2) {
        throw new IllegalArgumentException(name + " line " + n + ": expected start,end,...");
      }
      byte[] start = address(cells.get(0), name, n);
      byte[] end = address(cells.get(1), name, n);
      if (start.length != end.length) {
        throw new IllegalArgumentException(
            name + " line " + n + ": start and end are of different families");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < columns.size() && i + 2 < cells.size(); i++) {
        String v = cells.get(i + 2).strip();
        if (!v.isEmpty()) {
          fields.put(columns.get(i), v);
        }
      }
      if (fields.containsKey("state1")) {
        fields.put("region", fields.get("state1"));
      }
      (start.length == 4 ? a : b)
          .add(
              new RangeIndex.Range<>(
                  start,
                  end,
                  new Row(
                      IpAddresses.format(start) + "-" + IpAddresses.format(end),
                      Map.copyOf(fields))));
    }
    try {
      return new CsvRangeDatabase(
          name,
          kind,
          snapshot.atStartOfDay(ZoneOffset.UTC).toInstant(),
          RangeIndex.build(a, false),
          RangeIndex.build(b, false));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static byte[] address(String text, String name, int line) {
    return IpAddresses.parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name + " line " + line + ": not an IP address: '" + text + "'"));
  }

  /** Splits one CSV line; double quotes enclose cells with commas, {@code ""} is a quote. */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DataKind kind() {
    return kind;
  }

  @Override
  public Optional<SourceAnswer> lookup(byte[] address) {
    return (address.length == 4 ? v4 : v6)
        .find(address)
        .map(row -> new SourceAnswer(name, "csv:" + kind, kind, build, row.range(), row.fields()));
  }

  /** How many ranges the file holds. */
  int rangeCount() {
    return v4.size() + v6.size();
  }

  private record Row(String range, Map<String, String> fields) {}
}
