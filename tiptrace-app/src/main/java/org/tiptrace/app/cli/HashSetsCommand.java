package org.tiptrace.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.queue.LinkTriageService;
import org.tiptrace.app.queue.Retriage;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEvent;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetFormatException;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetReader;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.intake.Problem;
import org.tiptrace.tip.TipJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiptrace hashsets import|list|remove}: the known-hash sets every tip is matched against.
 * Sets are shared by all agencies; after an import or removal every stored tip is matched again,
 * the tips whose matches changed are marked for re-triage, and the marks are consumed at once (the
 * tips re-scored with the default triage rules, as ingest does).
 */
@Command(
    name = "hashsets",
    mixinStandardHelpOptions = true,
    description = "Import, list and remove known-hash sets.",
    subcommands = {
      HashSetsCommand.Import.class,
      HashSetsCommand.ListSets.class,
      HashSetsCommand.Remove.class,
      HashSetsCommand.CategoryMap.class
    })
final class HashSetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** Re-matches every tip, with a progress bar on a terminal, and prints the outcome. */
  static TipMatching.Rematch rematch(CliEnvironment env, TiptraceBackend backend, String reason) {
    ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
    TipMatching.Rematch r =
        new TipMatching(backend.hashSets(), backend.tips(), env.clock())
            .rematchAll(
                reason,
                (done, total) -> {
                  if (bar != null) {
                    bar.step((long) done, (long) total, "tips re-matched");
                  }
                });
    if (bar != null) {
      bar.finish();
    }
    env.out()
        .println(
            "Re-matched " + r.tips() + " tips: " + r.changed() + " changed (marked for re-triage)");
    Retriage.Outcome t =
        new Retriage(
                backend.hashSets(),
                LinkTriageService.of(backend, CliRules.of(backend, env)::triage, env.clock()))
            .consumeAll();
    env.out().println("Re-triaged " + t.tips() + " marked tips");
    return r;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a hash set; a set of the same name is replaced (a new version).",
        "Formats: vics (Project VIC VICS JSON 1.x/2.0), nsrl (NIST RDS v3 SQLite), hashdeep,"
            + " csv (header naming md5, sha1, sha256, pdq, category, series, victim_identified).",
        "Afterwards every stored tip is matched again; changed tips are re-triaged."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:imported",
        "1:the file is malformed (file, place and reason are printed); nothing was imported",
        "2:usage error",
        "3:the file does not exist or cannot be read",
        "4:the database could not be opened or used"
      })
  static final class Import implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(
        names = "--format",
        required = true,
        paramLabel = "vics|nsrl|hashdeep|csv",
        description = "The file format.")
    String format = "";

    @Option(names = "--name", required = true, description = "The set's name (unique).")
    String name = "";

    @Option(
        names = "--version",
        required = true,
        description = "The set's version (release, date).")
    String version = "";

    @Option(names = "--source", description = "Where the set came from.")
    @Nullable String source;

    @Option(names = "--licence", description = "Licence or sharing terms, as a note.")
    @Nullable String licence;

    @Option(
        names = "--kind",
        paramLabel = "KNOWN_ABUSE|KNOWN_GOOD|OTHER",
        description =
            "What a match means (default: KNOWN_GOOD for nsrl, KNOWN_ABUSE for vics; required"
                + " for hashdeep and csv).")
    @Nullable HashSetKind kind;

    @Option(
        names = "--category-scheme",
        description =
            "How the categories read (default: detected from a VICS file, else 'unspecified').")
    @Nullable String categoryScheme;

    @Option(names = "--disabled", description = "Store the set disabled (not matched).")
    boolean disabled;

    @Parameters(paramLabel = "FILE", description = "The hash-set file.")
    Path file = Path.of("");

    Import(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() throws IOException {
      RootCommand root = RootCommand.of(spec);
      HashSetFormat f =
          HashSetFormat.fromLabel(format)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--format must be vics, nsrl, hashdeep or csv, was '" + format + "'"));
      HashSetKind k = kind != null ? kind : defaultKind(f);
      HashSetInfo info;
      try {
        info =
            new HashSetInfo(
                name,
                version,
                Optional.ofNullable(source),
                Optional.ofNullable(licence),
                categoryScheme != null ? categoryScheme : "unspecified",
                k,
                !disabled);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      HashSetReader reader = TiptraceBackend.hashSetReaders().reader(f).orElseThrow();
      String sha256;
      try {
        sha256 = sha256(file);
      } catch (NoSuchFileException e) {
        return fail(ExitCodes.INPUT, file + ": no such file");
      } catch (IOException e) {
        return fail(ExitCodes.INPUT, file + ": cannot read: " + e.getMessage());
      }
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
        HashSetRepository.Imported imported;
        try {
          imported =
              backend
                  .hashSets()
                  .importSet(
                      info,
                      f,
                      sha256,
                      env.clock().instant(),
                      sink ->
                          reader.read(
                              file,
                              sink,
                              (done, total) -> {
                                if (bar != null) {
                                  bar.step(done, total, f == HashSetFormat.NSRL ? "rows" : "bytes");
                                }
                              }));
        } catch (HashSetFormatException e) {
          if (bar != null) {
            bar.finish();
          }
          return fail(ExitCodes.NOT_ACCEPTED, e.problem().message() + "; nothing was imported");
        } catch (NoSuchFileException e) {
          return fail(ExitCodes.INPUT, file + ": no such file");
        }
        if (bar != null) {
          bar.finish();
        }
        StoredHashSet s = imported.set();
        env.out()
            .println(
                "Imported "
                    + s.label()
                    + " ("
                    + s.info().kind()
                    + ", "
                    + f.name().toLowerCase(java.util.Locale.ROOT)
                    + "): "
                    + imported.summary().records()
                    + " records, "
                    + s.entryCount()
                    + " hashes"
                    + s.categoryMap().map(m -> "; categories read by " + m).orElse("")
                    + imported
                        .replaced()
                        .map(r -> "; replaced version " + r.info().version())
                        .orElse(""));
        for (Problem w : imported.summary().warnings().stream().limit(20).toList()) {
          env.err().println("tiptrace hashsets import: " + w.message());
        }
        if (imported.summary().warnings().size() > 20) {
          env.err()
              .println(
                  "tiptrace hashsets import: "
                      + (imported.summary().warnings().size() - 20)
                      + " more warnings");
        }
        rematch(env, backend, "hash set " + s.label() + " imported");
      }
      env.out().flush();
      env.err().flush();
      return ExitCodes.OK;
    }

    private HashSetKind defaultKind(HashSetFormat f) {
      return switch (f) {
        case NSRL -> HashSetKind.KNOWN_GOOD;
        case VICS -> HashSetKind.KNOWN_ABUSE;
        case HASHDEEP, CSV ->
            throw new ParameterException(
                spec.commandLine(),
                "--kind is required for "
                    + f.name().toLowerCase(java.util.Locale.ROOT)
                    + " (KNOWN_ABUSE, KNOWN_GOOD or OTHER)");
      };
    }

    private int fail(int code, String message) {
      env.err().println("tiptrace hashsets import: " + message);
      env.err().flush();
      return code;
    }

    private static String sha256(Path file) throws IOException {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the hash sets.")
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
      List<StoredHashSet> sets;
      java.util.Set<String> stale;
      VicsCategoryMap map = VicsCategoryMap.bundled();
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        sets = backend.hashSets().list();
        stale =
            TipMatching.staleCategoryMap(backend.hashSets(), map).stream()
                .map(x -> x.info().name())
                .collect(java.util.stream.Collectors.toSet());
      }
      if (json) {
        ArrayNode out = TipJson.mapper().createArrayNode();
        for (StoredHashSet s : sets) {
          ObjectNode o = out.addObject();
          o.put("name", s.info().name());
          o.put("version", s.info().version());
          o.put("kind", s.info().kind().name());
          o.put("enabled", s.info().enabled());
          o.put("format", s.format().name());
          o.put("entries", s.entryCount());
          o.put("categoryScheme", s.info().categoryScheme());
          o.put("categoryMap", s.categoryMap().orElse(null));
          o.put("categoryMapStale", stale.contains(s.info().name()));
          o.put("source", s.info().source().orElse(null));
          o.put("licence", s.info().licence().orElse(null));
          o.put("fileVersion", s.fileVersion().orElse(null));
          o.put("fileSha256", s.fileSha256());
          o.put("importedAt", s.importedAt().toString());
        }
        env.out().println(TipJson.writePretty(out));
      } else if (sets.isEmpty()) {
        env.out().println("No hash sets: every file is 'not checked'. Use 'hashsets import'.");
      } else {
        for (StoredHashSet s : sets) {
          env.out()
              .println(
                  s.label()
                      + "  "
                      + s.info().kind()
                      + (s.info().enabled() ? "" : " (disabled)")
                      + "  "
                      + s.entryCount()
                      + " hashes  "
                      + s.format().name().toLowerCase(java.util.Locale.ROOT)
                      + s.fileVersion().map(v -> " " + v).orElse("")
                      + "  imported "
                      + s.importedAt()
                      + s.categoryMap().map(v -> "  category map: " + v).orElse("")
                      + (stale.contains(s.info().name())
                          ? "  (category map stale: current " + map.label() + ")"
                          : "")
                      + s.info().source().map(v -> "  source: " + v).orElse("")
                      + s.info().licence().map(v -> "  licence: " + v).orElse(""));
        }
      }
      if (!stale.isEmpty() && !json) {
        env.err()
            .println(
                "tiptrace hashsets list: "
                    + stale.size()
                    + " set(s) imported under another VICS category map than "
                    + map.label()
                    + "; run 'tiptrace hashsets category-map' to re-derive their matches");
        env.err().flush();
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "category-map",
      mixinStandardHelpOptions = true,
      description = {
        "Make the VICS category map of this release take effect for stored matches: the tips"
            + " holding a match in a set imported under another map version are matched again,"
            + " changed tips are marked and re-triaged, and the current map is recorded on the"
            + " sets.",
        "With --check, only list the sets imported under another map version."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:done, or (--check) every set reads with the current map",
        "1:(--check) some sets were imported under another map version",
        "4:the database could not be opened or used"
      })
  static final class CategoryMap implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Option(names = "--check", description = "Only report the stale sets; change nothing.")
    boolean check;

    CategoryMap(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      VicsCategoryMap map = VicsCategoryMap.bundled();
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        List<StoredHashSet> stale = TipMatching.staleCategoryMap(backend.hashSets(), map);
        if (stale.isEmpty()) {
          env.out().println("Every VICS set reads its categories with " + map.label());
          env.out().flush();
          return ExitCodes.OK;
        }
        for (StoredHashSet s : stale) {
          env.out()
              .println(
                  s.label()
                      + ": imported under "
                      + s.categoryMap().orElse("no recorded map")
                      + ", current "
                      + map.label());
        }
        if (check) {
          env.out().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        ProgressBar bar = env.terminal() ? new ProgressBar(env.err()) : null;
        // Only now the indexes are loaded (TipMatching's constructor): --check never needs them.
        TipMatching matching = new TipMatching(backend.hashSets(), backend.tips(), env.clock());
        TipMatching.CategoryMapRefresh r =
            matching.applyCategoryMap(
                map,
                "VICS category map changed to " + map.label(),
                (done, total) -> {
                  if (bar != null) {
                    bar.step((long) done, (long) total, "tips looked at");
                  }
                });
        if (bar != null) {
          bar.finish();
        }
        String outcome =
            "Applied "
                + map.label()
                + ": "
                + r.rematched()
                + " of "
                + r.tips()
                + " tips held a match in those sets and were re-matched, "
                + r.changed()
                + " changed (marked for re-triage)";
        env.out().println(outcome);
        backend
            .auditLog()
            .append(
                new AuditEvent(
                    "cli:" + Optional.ofNullable(env.env().get("USER")).orElse("unknown"),
                    Optional.empty(),
                    AuditAction.HASH_SET_CATEGORY_MAP_APPLIED,
                    AuditSubjectType.HASH_SET,
                    map.label(),
                    r.sets().entrySet().stream()
                            .map(e -> e.getKey() + " (was " + e.getValue() + ")")
                            .collect(java.util.stream.Collectors.joining(", "))
                        + ": "
                        + outcome));
        Retriage.Outcome t =
            new Retriage(
                    backend.hashSets(),
                    LinkTriageService.of(backend, CliRules.of(backend, env)::triage, env.clock()))
                .consumeAll();
        env.out().println("Re-triaged " + t.tips() + " marked tips");
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Remove a hash set and its hashes; every stored tip is matched again and changed tips"
            + " are marked for re-triage."
      })
  static final class Remove implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(paramLabel = "NAME", description = "The set's name (see 'hashsets list').")
    String name = "";

    Remove(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        Optional<StoredHashSet> set = backend.hashSets().find(name);
        if (set.isEmpty() || !backend.hashSets().remove(name)) {
          env.err().println("tiptrace hashsets remove: no hash set named '" + name + "'");
          env.err().flush();
          return ExitCodes.NOT_ACCEPTED;
        }
        env.out().println("Removed " + set.get().label());
        rematch(env, backend, "hash set " + set.get().label() + " removed");
      }
      env.out().flush();
      return ExitCodes.OK;
    }
  }
}
