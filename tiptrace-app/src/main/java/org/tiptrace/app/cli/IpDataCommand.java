package org.tiptrace.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.ip.InstalledDataSet;
import org.tiptrace.ip.IpDataKind;
import org.tiptrace.ip.IpDataSets;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace ipdata}: installs, lists and removes the offline IP data sets that ingest, the
 * web app and the hotline use by default. Sets live in the database (docs/decisions/0008), shared
 * by every agency of the installation.
 */
@Command(
    name = "ipdata",
    mixinStandardHelpOptions = true,
    description = {
      "Installed IP data sets: MaxMind DB files, ip-location-db CSV range files, TorDNSEL exit"
          + " lists, VPN and datacenter CIDR lists.",
      "Ingest, 'serve', the demo and the hotline use them unless data files are named on the"
          + " command; 'ip reassess' applies new data to stored tips."
    },
    subcommands = {
      IpDataCommand.ImportMmdb.class,
      IpDataCommand.ImportCsv.class,
      IpDataCommand.ImportTor.class,
      IpDataCommand.ImportRanges.class,
      IpDataCommand.ListSets.class,
      IpDataCommand.Remove.class
    })
final class IpDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The shared work of the import commands. */
  abstract static class Import implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(paramLabel = "FILE", description = "The data file.")
    Path file = Path.of("");

    @Option(
        names = "--name",
        paramLabel = "N",
        description =
            "The set's name (letters, digits, '.', '-', '_'); default: the file name without"
                + " its extension. Importing under an installed name replaces that set.")
    @Nullable String name;

    Import(CliEnvironment env) {
      this.env = env;
    }

    abstract IpDataKind kind();

    Optional<Instant> built() {
      return Optional.empty();
    }

    @Override
    public Integer call() {
      String command = "tiptrace ipdata " + spec.name();
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        env.err().println(command + ": " + file + ": no such readable file");
        env.err().flush();
        return ExitCodes.INPUT;
      }
      String setName = name != null ? name : defaultName(file);
      byte[] bytes;
      Instant fileDate;
      try {
        bytes = Files.readAllBytes(file);
        fileDate = Files.getLastModifiedTime(file).toInstant();
      } catch (IOException e) {
        env.err().println(command + ": " + file + ": cannot read: " + e.getMessage());
        env.err().flush();
        return ExitCodes.INPUT;
      }
      InstalledDataSet set;
      try {
        set =
            IpDataSets.validate(
                kind(), setName, file.toString(), bytes, fileDate, built(), env.clock().instant());
      } catch (IpDataSets.InvalidDataFile e) {
        env.err().println(command + ": " + e.getMessage());
        env.err().flush();
        return ExitCodes.NOT_ACCEPTED;
      }
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        boolean replaced =
            backend.ipData().list().stream().anyMatch(s -> s.name().equals(set.name()));
        backend.ipData().install(set, bytes);
        env.out()
            .println(
                (replaced ? "Replaced " : "Installed ")
                    + set.describe()
                    + " from "
                    + set.sourceFile()
                    + ", SHA-256 "
                    + set.sha256().hex());
        env.out().println("Run 'tiptrace ip reassess' to apply it to stored tips.");
        env.out().flush();
      }
      return ExitCodes.OK;
    }

    /** The file name up to its first dot, as a valid set name. */
    static String defaultName(Path file) {
      String n = file.getFileName().toString();
      int dot = n.indexOf('.');
      String base = dot > 0 ? n.substring(0, dot) : n;
      String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "-");
      return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0))
          ? "set-" + cleaned
          : cleaned;
    }
  }

  /** The {@code --built} option of the text-file imports. */
  abstract static class DatedImport extends Import {
    @Option(
        names = "--built",
        paramLabel = "DATE",
        description =
            "The date the data was published or fetched (yyyy-MM-dd or an instant);"
                + " default: the file's modification date.")
    @Nullable String builtText;

    DatedImport(CliEnvironment env) {
      super(env);
    }

    @Override
    Optional<Instant> built() {
      if (builtText == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            builtText.length() == 10
                ? LocalDate.parse(builtText).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(builtText));
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--built: not a date (yyyy-MM-dd) or instant (2026-11-20T10:00:00Z): '"
                + builtText
                + "'");
      }
    }
  }

  @Command(
      name = "import-mmdb",
      mixinStandardHelpOptions = true,
      description = {
        "Install a MaxMind DB file (ASN, country or city; DB-IP Lite, IPinfo Lite, GeoLite2,"
            + " ip-location-db -mmdb). Every network and record is read first; the build date is"
            + " the file's build_epoch."
      })
  static final class ImportMmdb extends Import {
    ImportMmdb(CliEnvironment env) {
      super(env);
    }

    @Override
    IpDataKind kind() {
      return IpDataKind.MMDB;
    }
  }

  @Command(
      name = "import-csv",
      mixinStandardHelpOptions = true,
      description = {
        "Install an ip-location-db CSV range file (ASN, country or city, told by its header or"
            + " column count)."
      })
  static final class ImportCsv extends DatedImport {
    ImportCsv(CliEnvironment env) {
      super(env);
    }

    @Override
    IpDataKind kind() {
      return IpDataKind.CSV;
    }
  }

  @Command(
      name = "import-tor",
      mixinStandardHelpOptions = true,
      description = {"Install a TorDNSEL exit-list snapshot (one per day; install each)."})
  static final class ImportTor extends DatedImport {
    ImportTor(CliEnvironment env) {
      super(env);
    }

    @Override
    IpDataKind kind() {
      return IpDataKind.TOR;
    }
  }

  @Command(
      name = "import-ranges",
      mixinStandardHelpOptions = true,
      description = {"Install a VPN or datacenter CIDR list (X4BNet layout, one block a line)."})
  static final class ImportRanges extends DatedImport {
    @Option(
        names = "--kind",
        paramLabel = "vpn|datacenter",
        defaultValue = "vpn",
        description = "What the list holds (default vpn).")
    String listKind = "vpn";

    ImportRanges(CliEnvironment env) {
      super(env);
    }

    @Override
    IpDataKind kind() {
      IpDataKind k;
      try {
        k = IpDataKind.parse(listKind);
      } catch (IllegalArgumentException e) {
        k = IpDataKind.MMDB;
      }
      if (k != IpDataKind.VPN && k != IpDataKind.DATACENTER) {
        throw new ParameterException(
            spec.commandLine(), "--kind must be vpn or datacenter, was '" + listKind + "'");
      }
      return k;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"The installed sets: name, kind, type, build date, import time, SHA-256."})
  static final class ListSets implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    ListSets(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      List<InstalledDataSet> sets;
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        sets = backend.ipData().list();
      }
      if (json) {
        env.out().println(TipJson.writePretty(sets.stream().map(ListSets::json).toList()));
      } else if (sets.isEmpty()) {
        env.out().println("No IP data sets installed: IP enrichment is 'not checked'.");
      } else {
        for (InstalledDataSet s : sets) {
          env.out()
              .println(
                  String.format(
                      Locale.ROOT,
                      "%-24s %-10s %-28s built %s  imported %s  %,d bytes  sha256 %s  from %s",
                      s.name(),
                      s.kind().label(),
                      s.detail(),
                      s.build(),
                      s.importedAt(),
                      s.size(),
                      s.sha256().hex().substring(0, 16),
                      s.sourceFile()));
        }
      }
      env.out().flush();
      return ExitCodes.OK;
    }

    static Map<String, Object> json(InstalledDataSet s) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("kind", s.kind().label());
      m.put("detail", s.detail());
      m.put("sourceFile", s.sourceFile());
      m.put("sha256", s.sha256().hex());
      m.put("size", s.size());
      m.put("build", s.build().toString());
      m.put("importedAt", s.importedAt().toString());
      return m;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {"Remove an installed set (for example a superseded GeoLite2 copy)."})
  static final class Remove implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(paramLabel = "NAME", description = "The set's name.")
    String name = "";

    Remove(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        if (!backend.ipData().remove(name)) {
          env.err().println("tiptrace ipdata remove: no installed set named '" + name + "'");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
      }
      env.out()
          .println("Removed " + name + ". Run 'tiptrace ip reassess' to apply to stored tips.");
      env.out().flush();
      return ExitCodes.OK;
    }
  }
}
