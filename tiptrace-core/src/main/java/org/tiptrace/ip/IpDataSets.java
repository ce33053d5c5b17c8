package org.tiptrace.ip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tiptrace.tip.Sha256;

/**
 * Checks a data file before it is installed and turns installed sets into the sources of an {@link
 * IpAttribution}. A file is parsed completely when imported (an MMDB file's every network and
 * record), so a damaged file is refused with the file, the line where there is one, and the reason,
 * and never fails later during ingest.
 */
public final class IpDataSets {
  private IpDataSets() {}

  /** A file that cannot be installed; the message names the file, the line and the reason. */
  public static final class InvalidDataFile extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDataFile(String message, Throwable cause) {
      super(message, cause);
    }

    public InvalidDataFile(String message) {
      super(message);
    }
  }

  /**
   * Validates a file and describes it as it would be installed.
   *
   * @param sourceFile the file's name or path, used in messages and recorded
   * @param fileDate the file's modification instant: the build of non-MMDB sets without {@code
   *     built}
   * @param built the build (snapshot) date the operator states; refused for MMDB files, whose build
   *     is their {@code build_epoch}
   */
  public static InstalledDataSet validate(
      IpDataKind kind,
      String name,
      String sourceFile,
      byte[] bytes,
      Instant fileDate,
      Optional<Instant> built,
      Instant importedAt)
      throws InvalidDataFile {
    try {
      InstalledDataSet.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidDataFile(sourceFile + ": " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new InvalidDataFile(sourceFile + ": empty file");
    }
    Sha256 sha = Sha256.of(bytes);
    if (kind == IpDataKind.MMDB) {
      if (built.isPresent()) {
        throw new InvalidDataFile(
            sourceFile + ": an MMDB file's build date is its build_epoch; --built is not allowed");
      }
      try (MmdbDatabase db = MmdbDatabase.read(bytes, sourceFile)) {
        long networks = db.verify();
        if (networks == 0) {
          throw new InvalidDataFile(sourceFile + ": the database holds no networks");
        }
        return new InstalledDataSet(
            name, kind, db.databaseType(), sourceFile, sha, bytes.length, db.build(), importedAt);
      } catch (IOException | RuntimeException e) {
        throw new InvalidDataFile(
            sourceFile + ": not a readable MaxMind DB file: " + e.getMessage(), e);
      }
    }
    Instant build = built.orElse(fileDate);
    String detail =
        kind == IpDataKind.CSV
            ? "csv:" + csvKind(sourceFile, text(sourceFile, bytes))
            : kind.label();
    parse(kind, detail, sourceFile, bytes, build);
    return new InstalledDataSet(
        name, kind, detail, sourceFile, sha, bytes.length, build, importedAt);
  }

  /**
   * The kind of a CSV range file: from its header when it has one ({@code ip_range_start,...}),
   * else from the column count of its first data line (3 country, 4 ASN, 10 city).
   */
  static DataKind csvKind(String sourceFile, String text) throws InvalidDataFile {
    String first = null;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (!line.isBlank() && !line.startsWith("#")) {
          first = line;
          break;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a string reader does not fail
    }
    if (first == null) {
      throw new InvalidDataFile(sourceFile + ": no ranges in the file");
    }
    if (first.startsWith("ip_range_start")) {
      if (first.contains("autonomous_system_number")) {
        return DataKind.ASN;
      }
      return first.contains("city") ? DataKind.CITY : DataKind.COUNTRY;
    }
    int cells = CsvRangeDatabase.splitCsv(first).size();
    return switch (cells) {
      case 3 -> DataKind.COUNTRY;
      case 4 -> DataKind.ASN;
      case 10 -> DataKind.CITY;
      default ->
          throw new InvalidDataFile(
              sourceFile
                  + " line "
                  + lineNo
                  + ": cannot tell the kind of CSV range file from "
                  + cells
                  + " columns (3 country, 4 ASN, 10 city, or a header line)");
    };
  }

  private static String text(String sourceFile, byte[] bytes) throws InvalidDataFile {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidDataFile(sourceFile + ": not UTF-8 text (" + e.getMessage() + ")", e);
    }
  }

  /** Parses a non-MMDB set; the result is a source, a Tor list or a VPN list. */
  private static Object parse(
      IpDataKind kind, String detail, String sourceFile, byte[] bytes, Instant build)
      throws InvalidDataFile {
    String text = text(sourceFile, bytes);
    LocalDate snapshot = LocalDate.ofInstant(build, ZoneOffset.UTC);
    try {
      switch (kind) {
        case CSV -> {
          DataKind dk = DataKind.valueOf(detail.substring("csv:".length()));
          CsvRangeDatabase db =
              CsvRangeDatabase.load(new StringReader(text), sourceFile, dk, snapshot);
          if (db.rangeCount() == 0) {
            throw new InvalidDataFile(sourceFile + ": no ranges in the file");
          }
          return db;
        }
        case TOR -> {
          TorExitList list = TorExitList.parse(new StringReader(text), sourceFile);
          if (list.addressCount() == 0) {
            throw new InvalidDataFile(sourceFile + ": no ExitAddress lines in the file");
          }
          return list;
        }
        case VPN, DATACENTER -> {
          VpnList list =
              VpnList.parse(
                  new StringReader(text),
                  sourceFile,
                  kind == IpDataKind.VPN ? VpnList.Kind.VPN : VpnList.Kind.DATACENTER,
                  snapshot);
          if (list.blockCount() == 0) {
            throw new InvalidDataFile(sourceFile + ": no CIDR blocks in the file");
          }
          return list;
        }
        case MMDB -> throw new IllegalArgumentException("MMDB is read with MmdbDatabase.read");
      }
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new InvalidDataFile(m.startsWith(sourceFile) ? m : sourceFile + ": " + m, e);
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * The installed sets, ready to add to an attribution builder.
   *
   * @param sets the records, in the order their sources were added (earlier sources win per field)
   * @param description what an assessment stores: each set's name, kind, type and build
   */
  public record Loaded(
      List<InstalledDataSet> sets,
      List<EnrichmentSource> sources,
      Optional<TorExitList> torExits,
      List<VpnList> vpnLists,
      List<String> description) {
    public Loaded {
      sets = List.copyOf(sets);
      sources = List.copyOf(sources);
      vpnLists = List.copyOf(vpnLists);
      description = List.copyOf(description);
    }

    /** Adds every loaded set to the builder. */
    public IpAttribution.Builder addTo(IpAttribution.Builder b) {
      sources.forEach(b::source);
      torExits.ifPresent(b::torExits);
      vpnLists.forEach(b::vpnList);
      return b;
    }

    public boolean isEmpty() {
      return sets.isEmpty();
    }
  }

  /**
   * Loads every installed set. MMDB sets come first (then CSV), each group by name, so the order
   * sources answer in does not depend on import order.
   *
   * @throws InvalidDataFile when a stored set no longer parses (it was validated on import)
   */
  public static Loaded load(IpDataRepository repository) throws InvalidDataFile {
    List<InstalledDataSet> sets = new ArrayList<>(repository.list());
    sets.sort(
        java.util.Comparator.comparing(InstalledDataSet::kind)
            .thenComparing(s -> s.name().toLowerCase(Locale.ROOT)));
    List<EnrichmentSource> sources = new ArrayList<>();
    List<TorExitList> tor = new ArrayList<>();
    List<VpnList> vpn = new ArrayList<>();
    List<String> description = new ArrayList<>();
    for (InstalledDataSet s : sets) {
      byte[] bytes =
          repository
              .bytes(s.name())
              .orElseThrow(
                  () -> new InvalidDataFile(s.name() + ": removed while the data was loaded"));
      if (!Sha256.of(bytes).equals(s.sha256())) {
        throw new InvalidDataFile(
            s.name() + ": stored bytes do not match the SHA-256 recorded at import");
      }
      if (s.kind() == IpDataKind.MMDB) {
        try {
          // ASN and country sets are materialised (binary search, >= 1 M lookups/s per core,
          // docs/benchmarks-ip.md); city sets stay in the reader, whose memory is the file's.
          MmdbDatabase db = MmdbDatabase.read(bytes, s.name());
          sources.add(db.kind() == DataKind.CITY ? db : MmdbDatabase.load(bytes, s.name()));
        } catch (IOException e) {
          throw new InvalidDataFile(s.name() + ": " + e.getMessage(), e);
        }
      } else {
        Object parsed = parse(s.kind(), s.detail(), s.name(), bytes, s.build());
        switch (parsed) {
          case EnrichmentSource src -> sources.add(src);
          case TorExitList t -> tor.add(t);
          case VpnList v -> vpn.add(v);
          default -> throw new IllegalStateException("unexpected " + parsed);
        }
      }
      description.add(s.describe());
    }
    return new Loaded(
        sets,
        sources,
        tor.isEmpty() ? Optional.empty() : Optional.of(TorExitList.merge(tor)),
        vpn,
        description);
  }
}
