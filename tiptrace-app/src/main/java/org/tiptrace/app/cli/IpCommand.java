package org.tiptrace.app.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tiptrace.app.system.BackendException;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.AttributionStatus;
import org.tiptrace.ip.DataKind;
import org.tiptrace.ip.Enrichment;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.Finding;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.ip.IspRequest;
import org.tiptrace.ip.RetentionDeadline;
import org.tiptrace.ip.SourceAnswer;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tiptrace ip lookup}: enrichment and attribution of one address. */
@Command(
    name = "ip",
    mixinStandardHelpOptions = true,
    description = "IP enrichment and attribution.",
    subcommands = {IpCommand.Lookup.class, IpReassessCommand.class, IpRoutingCommand.class})
final class IpCommand implements Callable<Integer> {
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      description = {
        "What the data sets say about an address, the attribution of a capture of it at a time"
            + " and port (status, rule findings, retention deadline), and the ISP request when"
            + " attributable.",
        "A data set not given is 'not checked', never 'no match'. Geolocation is for"
            + " jurisdiction only; deadlines are estimates, not legal advice."
      })
  static final class Lookup implements Callable<Integer> {
    private final CliEnvironment env;

    @Spec CommandSpec spec = CommandSpec.create();

    @Parameters(paramLabel = "IP", description = "The address (IPv4 or IPv6).")
    String ip = "";

    @Option(
        names = "--at",
        paramLabel = "TIME",
        description =
            "The capture time as the ESP wrote it (xs:dateTime, e.g. 2026-11-20T10:00:00Z);"
                + " default: now.")
    @Nullable String at;

    @Option(
        names = "--zone",
        paramLabel = "REGION",
        description = "The zone region of a time without offset (e.g. America/Chicago).")
    @Nullable String zone;

    @Option(names = "--port", paramLabel = "N", description = "The source port (0-65535).")
    @Nullable Integer port;

    @Mixin IpDataOptions data = new IpDataOptions();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    Lookup(CliEnvironment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (port != null && (port < 0 || port > 65535)) {
        throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
      }
      ReportedTime time;
      try {
        time = at == null ? ReportedTime.ofInstant(env.clock().instant()) : ReportedTime.parse(at);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--at: not an xs:dateTime: '" + at + "'");
      }
      EventContext context = EventContext.of(Optional.empty());
      if (zone != null) {
        try {
          context = context.withZoneRegion(ZoneId.of(zone));
        } catch (DateTimeException e) {
          throw new ParameterException(spec.commandLine(), "--zone: " + e.getMessage());
        }
      }
      try (IpDataOptions.Loaded loaded = load()) {
        IpAttribution attribution = loaded.attribution();
        Optional<Enrichment> enrichment = attribution.enrich(ip);
        if (enrichment.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "not an IP address: '" + ip + "'");
        }
        IpCaptureEvent event =
            new IpCaptureEvent(
                ip,
                Optional.empty(),
                Optional.empty(),
                Optional.of(time),
                TriState.UNKNOWN,
                port == null ? OptionalInt.empty() : OptionalInt.of(port));
        IpEventAssessment assessment = attribution.assess(event, context);
        Optional<IspRequest> request = IpAttribution.request(assessment);
        if (json) {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("ip", ip);
          out.put("mode", data.mode().name());
          out.put("enrichment", enrichmentJson(enrichment.get()));
          out.put("assessment", assessmentJson(assessment));
          out.put("ispRequest", request.map(IpCommand::requestJson).orElse(null));
          env.out().println(TipJson.writePretty(out));
        } else {
          print(enrichment.get(), assessment, request, env.out());
        }
        env.out().flush();
        return ExitCodes.OK;
      } catch (IpDataOptions.DataFileException e) {
        env.err().println("tiptrace ip lookup: " + e.getMessage());
        env.err().flush();
        return ExitCodes.INPUT;
      } catch (BackendException e) {
        env.err().println("tiptrace ip lookup: " + e.getMessage());
        env.err().flush();
        return ExitCodes.DATABASE;
      }
    }

    /**
     * The named data files; with none, the installed data sets ({@code tiptrace ipdata}), as ingest
     * uses them, so a lookup answers like the assessment stored for a tip.
     */
    private IpDataOptions.Loaded load() throws IpDataOptions.DataFileException {
      if (data.anyData()) {
        return data.load(env.clock());
      }
      RootCommand root = RootCommand.of(spec);
      try (TiptraceBackend backend = env.backends().open(root.database(env, spec))) {
        return data.load(env.clock(), Optional.of(backend.ipData()));
      }
    }

    private void print(
        Enrichment e, IpEventAssessment a, Optional<IspRequest> request, PrintWriter out) {
      out.println("IP " + a.ip().orElse(a.rawIp()) + " (mode " + data.mode() + ")");
      out.println("Network:  " + asnText(e));
      out.println("Location: " + locationText(e) + "; for jurisdiction only");
      for (SourceAnswer s : e.answers()) {
        out.println(
            "  answered by "
                + s.source()
                + " ("
                + s.databaseType()
                + ", build "
                + s.build()
                + ") for "
                + s.network());
      }
      for (String c : e.conflicts()) {
        out.println("  conflict: " + c);
      }
      out.println();
      out.println(
          "Capture at "
              + a.time().instantUtcText().orElse(a.time().raw().orElse("?"))
              + (a.port().isPresent() ? " port " + a.port().getAsInt() : " without port"));
      out.println("Status:   " + a.status() + " (confidence " + a.confidence() + ")");
      if (a.status() == AttributionStatus.NON_ROUTABLE
          && data.mode() == AttributionMode.PRODUCTION) {
        out.println(
            "  production mode rejects special-purpose addresses, documentation ranges included;"
                + " use --synthetic for synthetic data");
      }
      a.isp().ifPresent(i -> out.println("ISP:      " + i.name() + " (" + i.key() + ")"));
      a.deadline().ifPresent(d -> out.println("Deadline: " + deadlineText(d)));
      a.delegatedPrefix().ifPresent(p -> out.println("Prefix:   " + p + " (IPv6 subscriber)"));
      out.println("Findings:");
      for (Finding f : a.findings()) {
        out.println("  " + f.result() + " " + f.rule().id() + ": " + f.detail());
      }
      if (request.isPresent()) {
        IspRequest r = request.get();
        out.println();
        out.println("ISP request (" + r.isp() + "):");
        out.println(
            "  Address:   "
                + r.ip()
                + r.port().stream().mapToObj(p -> ":" + p).findFirst().orElse(""));
        out.println(
            "  Instant:   "
                + r.instantUtc()
                + " (as written: "
                + r.rawTimestamp()
                + ", zone "
                + r.statedZone()
                + ")");
        r.delegatedPrefix().ifPresent(p -> out.println("  Prefix:    " + p));
        r.asn().ifPresent(n -> out.println("  ASN:       AS" + n));
        out.println("  Ask for:   " + String.join("; ", r.ask()));
      } else {
        out.println();
        out.println("No ISP request: the capture is not attributable (" + a.status() + ").");
      }
    }
  }

  static String asnText(Enrichment e) {
    if (e.asn().isPresent()) {
      return "AS" + e.asn().get() + e.asOrganization().map(o -> " " + o).orElse("");
    }
    return e.asnChecked() ? "no match in the ASN data given" : "not checked (no ASN data given)";
  }

  static String locationText(Enrichment e) {
    if (e.countryCode().isPresent()) {
      List<String> parts = new ArrayList<>();
      e.city().ifPresent(parts::add);
      e.region().ifPresent(parts::add);
      parts.add(e.countryCode().get());
      return String.join(", ", parts);
    }
    return e.locationChecked()
        ? "no match in the location data given"
        : "not checked (no location data given)";
  }

  static String deadlineText(RetentionDeadline d) {
    StringBuilder sb = new StringBuilder(d.signal().name());
    d.likelyGoneAfter().ifPresent(day -> sb.append(", records likely gone after ").append(day));
    d.remaining()
        .ifPresent(
            r ->
                sb.append(
                    r.isNegative()
                        ? " (" + r.negated().toDays() + " days ago)"
                        : " (" + r.toDays() + " days left)"));
    sb.append("; ")
        .append(d.isp().name())
        .append(" keeps ")
        .append(d.isp().retentionDays())
        .append(" days (table v")
        .append(d.tableVersion())
        .append(", an estimate, not legal advice)");
    return sb.toString();
  }

  static Map<String, Object> enrichmentJson(Enrichment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ip", e.ip());
    m.put("asn", e.asn().orElse(null));
    m.put("asOrganization", e.asOrganization().orElse(null));
    m.put("countryCode", e.countryCode().orElse(null));
    m.put("region", e.region().orElse(null));
    m.put("city", e.city().orElse(null));
    m.put("asnChecked", e.asnChecked());
    m.put("locationChecked", e.locationChecked());
    m.put("notChecked", e.notChecked().stream().map(DataKind::name).sorted().toList());
    List<Map<String, Object>> answers = new ArrayList<>();
    for (SourceAnswer s : e.answers()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("source", s.source());
      a.put("databaseType", s.databaseType());
      a.put("kind", s.kind().name());
      a.put("build", s.build().toString());
      a.put("network", s.network());
      a.put("fields", s.fields());
      answers.add(a);
    }
    m.put("answers", answers);
    m.put("conflicts", e.conflicts());
    return m;
  }

  static Map<String, Object> assessmentJson(IpEventAssessment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ip", a.ip().orElse(null));
    m.put("rawIp", a.rawIp());
    m.put("ipVersion", a.ipVersion());
    m.put("port", a.port().isPresent() ? a.port().getAsInt() : null);
    m.put("time", a.time().instantUtcText().orElse(null));
    m.put("rawTime", a.time().raw().orElse(null));
    m.put("timeFlags", a.time().flags().stream().map(Enum::name).sorted().toList());
    m.put("status", a.status().name());
    m.put("confidence", a.confidence().name());
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : a.findings()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("rule", f.rule().id());
      fm.put("result", f.result().name());
      fm.put("detail", f.detail());
      findings.add(fm);
    }
    m.put("findings", findings);
    m.put("isp", a.isp().map(i -> i.key()).orElse(null));
    m.put("ispName", a.isp().map(i -> i.name()).orElse(null));
    m.put("delegatedPrefix", a.delegatedPrefix().orElse(null));
    m.put("deadline", a.deadline().map(IpCommand::deadlineJson).orElse(null));
    m.put("incomplete", a.incomplete());
    return m;
  }

  static Map<String, Object> deadlineJson(RetentionDeadline d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("signal", d.signal().name());
    m.put("likelyGoneAt", d.likelyGoneAt().map(Object::toString).orElse(null));
    m.put("likelyGoneAfter", d.likelyGoneAfter().map(Object::toString).orElse(null));
    m.put("remainingDays", d.remaining().map(r -> r.toDays()).orElse(null));
    m.put("retentionDays", d.isp().retentionDays());
    m.put("tableVersion", d.tableVersion());
    return m;
  }

  static Map<String, Object> requestJson(IspRequest r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ip", r.ip());
    m.put("port", r.port().isPresent() ? r.port().getAsInt() : null);
    m.put("instantUtc", r.instantUtc());
    m.put("rawTimestamp", r.rawTimestamp());
    m.put("statedZone", r.statedZone());
    m.put("destination", r.destination().orElse(null));
    m.put("reportId", r.reportId().orElse(null));
    m.put("delegatedPrefix", r.delegatedPrefix().orElse(null));
    m.put("isp", r.isp());
    m.put("asn", r.asn().orElse(null));
    m.put("ask", r.ask());
    return m;
  }
}
