package org.tiptrace.app.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.intake.IpEnrichment;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.CsvRangeDatabase;
import org.tiptrace.ip.DataKind;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.ip.IpDataSets;
import org.tiptrace.ip.JurisdictionTable;
import org.tiptrace.ip.MmdbDatabase;
import org.tiptrace.ip.TorExitList;
import org.tiptrace.ip.VpnList;
import picocli.CommandLine.Option;

/**
 * The IP data options shared by {@code ingest}, {@code ip lookup}, {@code ip reassess}, {@code
 * queue} and {@code triage replay}: which offline data sets to load, in which mode, with which
 * routing table. Commands that work on the database ({@code ingest}, {@code ip reassess}) use the
 * installed data sets ({@code tiptrace ipdata}) when no data file is named here; a named file
 * overrides all of them. A data set neither named nor installed makes its rule "not checked".
 */
final class IpDataOptions {
  @Option(
      names = "--mmdb",
      paramLabel = "FILE",
      description = "A MaxMind DB file (ASN, country or city); repeatable, earlier files win.")
  List<Path> mmdb = new ArrayList<>();

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "An ip-location-db CSV range file (ASN, country or city, told by its header or column"
              + " count); repeatable. Its snapshot date is the file's modification date.")
  List<Path> csv = new ArrayList<>();

  @Option(
      names = "--tor",
      paramLabel = "FILE",
      description = "A TorDNSEL exit-list file; repeatable (one per day).")
  List<Path> tor = new ArrayList<>();

  @Option(
      names = "--vpn",
      paramLabel = "FILE",
      description = "A VPN or datacenter CIDR list (X4BNet layout); repeatable.")
  List<Path> vpn = new ArrayList<>();

  @Option(
      names = "--synthetic",
      description =
          "Synthetic mode: accept documentation and benchmarking ranges (tests and demos)."
              + " Production mode treats them as non-routable.")
  boolean synthetic;

  @Option(
      names = "--routing",
      paramLabel = "FILE",
      description =
          "The jurisdiction routing table (YAML, versioned; see jurisdiction-routes.yaml);"
              + " default: the bundled table.")
  @Nullable Path routing;

  /** A data file that is missing, unreadable or malformed; the command exits 3. */
  static final class DataFileException extends Exception {
    private static final long serialVersionUID = 1L;

    DataFileException(Path file, String reason) {
      super(file + ": " + reason);
    }
  }

  /**
   * The loaded data: an attribution stage, what it was built from (stored with each assessment),
   * and the files to close after use.
   */
  record Loaded(IpAttribution attribution, String dataSets, boolean anyData, List<Closeable> open)
      implements AutoCloseable {
    IpEnrichment.Configured configured() {
      return new IpEnrichment.Configured(attribution, dataSets);
    }

    @Override
    public void close() {
      closeAll(open);
    }
  }

  private static void closeAll(List<Closeable> open) {
    for (Closeable c : open) {
      try {
        c.close();
      } catch (IOException e) {
        // a read-only memory map: nothing to recover or report
      }
    }
  }

  boolean anyData() {
    return !(mmdb.isEmpty() && csv.isEmpty() && tor.isEmpty() && vpn.isEmpty());
  }

  AttributionMode mode() {
    return synthetic ? AttributionMode.SYNTHETIC_DATA : AttributionMode.PRODUCTION;
  }

  /**
   * Loads every named file (installed data sets are not used); the first problem names its file.
   */
  Loaded load(Clock clock) throws DataFileException {
    return load(clock, Optional.empty());
  }

  /**
   * Loads the named files, or the installed data sets of {@code installed} when no file is named.
   */
  Loaded load(Clock clock, Optional<IpDataRepository> installed) throws DataFileException {
    JurisdictionTable table = routingTable();
    IpAttribution.Builder b = IpAttribution.builder(clock).mode(mode()).jurisdiction(table);
    List<String> files = new ArrayList<>();
    if (!anyData() && installed.isPresent()) {
      IpDataSets.Loaded sets;
      try {
        sets = IpDataSets.load(installed.get());
      } catch (IpDataSets.InvalidDataFile e) {
        throw new DataFileException(
            Path.of("installed"), e.getMessage() + " (remove it or import it again)");
      }
      sets.addTo(b);
      sets.description().forEach(d -> files.add("installed " + d));
      return new Loaded(
          b.build(), IpEnrichment.describe(mode(), files, table), !sets.isEmpty(), List.of());
    }
    List<Closeable> open = new ArrayList<>();
    try {
      for (Path p : mmdb) {
        requireReadable(p);
        try {
          MmdbDatabase db = MmdbDatabase.open(p);
          open.add(db);
          b.source(db);
          files.add(
              "mmdb " + p.getFileName() + " (" + db.databaseType() + ", built " + db.build() + ")");
        } catch (IOException | RuntimeException e) {
          throw new DataFileException(p, "not a readable MaxMind DB file: " + e.getMessage());
        }
      }
      for (Path p : csv) {
        requireReadable(p);
        try {
          DataKind kind = csvKind(p);
          LocalDate snapshot = snapshot(p);
          b.source(CsvRangeDatabase.load(p, kind, snapshot));
          files.add("csv " + p.getFileName() + " (csv:" + kind + ", built " + snapshot + ")");
        } catch (IOException | RuntimeException e) {
          throw new DataFileException(p, "not a usable CSV range file: " + e.getMessage());
        }
      }
      if (!tor.isEmpty()) {
        List<TorExitList> lists = new ArrayList<>();
        for (Path p : tor) {
          requireReadable(p);
          try {
            lists.add(TorExitList.load(p));
            files.add("tor " + p.getFileName() + " (built " + snapshot(p) + ")");
          } catch (IOException | RuntimeException e) {
            throw new DataFileException(p, "not a usable Tor exit list: " + e.getMessage());
          }
        }
        b.torExits(TorExitList.merge(lists));
      }
      for (Path p : vpn) {
        requireReadable(p);
        try {
          String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
          VpnList.Kind kind =
              name.contains("datacenter") || name.contains("hosting")
                  ? VpnList.Kind.DATACENTER
                  : VpnList.Kind.VPN;
          b.vpnList(VpnList.load(p, kind, snapshot(p)));
          files.add("vpn " + p.getFileName() + " (built " + snapshot(p) + ")");
        } catch (IOException | RuntimeException e) {
          throw new DataFileException(p, "not a usable VPN list: " + e.getMessage());
        }
      }
    } catch (DataFileException e) {
      closeAll(open);
      throw e;
    }
    return new Loaded(b.build(), IpEnrichment.describe(mode(), files, table), anyData(), open);
  }

  /** The routing table of {@code --routing}, or the bundled one. */
  JurisdictionTable routingTable() throws DataFileException {
    if (routing == null) {
      return JurisdictionTable.bundled();
    }
    requireReadable(routing);
    try {
      return JurisdictionTable.load(routing);
    } catch (IOException | RuntimeException e) {
      throw new DataFileException(routing, "not a usable routing table: " + e.getMessage());
    }
  }

  private static void requireReadable(Path p) throws DataFileException {
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new DataFileException(p, "no such readable file");
    }
  }

  private static LocalDate snapshot(Path p) throws IOException {
    return LocalDate.ofInstant(Files.getLastModifiedTime(p).toInstant(), ZoneOffset.UTC);
  }

  /**
   * The kind of a CSV range file: from its header when it has one ({@code ip_range_start,...}),
   * else from the column count of its first line (3 country, 4 ASN, 10 city).
   */
  static DataKind csvKind(Path p) throws IOException, DataFileException {
    String first;
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      first = r.readLine();
    }
    if (first == null || first.isBlank()) {
      throw new DataFileException(p, "empty CSV range file");
    }
    if (first.startsWith("ip_range_start")) {
      if (first.contains("autonomous_system_number")) {
        return DataKind.ASN;
      }
      return first.contains("city") ? DataKind.CITY : DataKind.COUNTRY;
    }
    int cells = 1;
    boolean quoted = false;
    for (int i = 0; i < first.length(); i++) {
      char c = first.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells++;
      }
    }
    return switch (cells) {
      case 3 -> DataKind.COUNTRY;
      case 4 -> DataKind.ASN;
      case 10 -> DataKind.CITY;
      default ->
          throw new DataFileException(
              p,
              "cannot tell the kind of CSV range file from "
                  + cells
                  + " columns (3 country, 4 ASN, 10 city, or a header)");
    };
  }
}
