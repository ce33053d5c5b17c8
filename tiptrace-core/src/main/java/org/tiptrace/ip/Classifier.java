package org.tiptrace.ip;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.TriState;

/**
 * The attribution classifier: runs the rule table on one capture.
 *
 * <p><b>Map.</b> Rules run in the order of the table in [1] §2, which {@link AttributionRule}
 * declares: IP_PARSE → IP_NONROUTABLE → IP_PORT → IP_V6 → TZ_ZONE → TZ_12H → TZ_DST → (LEASE_EDGE,
 * needs the ISP's return, so it is not evaluated here) → RETENTION → TOR → VPN_DC → ESP_PROXY →
 * SHARED_NET (Tiptrace's addition) → GEO. Each rule appends one {@link Finding}. IP_PARSE and
 * IP_NONROUTABLE stop the run (nothing further is meaningful for such an address). The headline
 * status is the most decisive BLOCK, by the order of {@link AttributionStatus}; evaluation order
 * and status precedence are deliberately separate (a Tor exit without a port is TOR_EXIT, not
 * NEEDS_PORT).
 *
 * <p>Trade-offs: a rule whose data is missing says NOT_CHECKED ([2] #11) and caps confidence at
 * MEDIUM; an unknown CGNAT status is treated like CGNAT ([1] rule IP_PORT). Tor and retention use
 * the event instant, never "now" ([1] rule TOR). IPv6 is attributed at the delegated prefix from
 * the retention row, capped at /64 ([3]).
 *
 * <p>References: [1] shared/reference/ip-attribution.md §2 (rule table, special-purpose ranges);
 * [2] shared/style.md; [3] RIPE-690 (S24); [4] RFC 6302 and Europol CGN report (S22, S23).
 */
final class Classifier {
  private final AttributionMode mode;
  private final SpecialRanges special;
  private final Enricher enricher;
  private final TorExitList tor;
  private final int torToleranceDays;
  private final List<VpnList> vpnLists;
  private final RetentionTable retention;
  private final Duration preserveMargin;
  private final Duration sharedWindow;
  private final int sharedThreshold;

  Classifier(
      AttributionMode mode,
      SpecialRanges special,
      Enricher enricher,
      TorExitList tor,
      int torToleranceDays,
      List<VpnList> vpnLists,
      RetentionTable retention,
      Duration preserveMargin,
      Duration sharedWindow,
      int sharedThreshold) {
    this.mode = mode;
    this.special = special;
    this.enricher = enricher;
    this.tor = tor;
    this.torToleranceDays = torToleranceDays;
    this.vpnLists = List.copyOf(vpnLists);
    this.retention = retention;
    this.preserveMargin = preserveMargin;
    this.sharedWindow = sharedWindow;
    this.sharedThreshold = sharedThreshold;
  }

  IpEventAssessment assess(IpCaptureEvent event, EventContext ctx, Instant now) {
    List<Finding> findings = new ArrayList<>();
    Set<AttributionStatus> blocks = EnumSet.noneOf(AttributionStatus.class);
    Confidence[] confidence = {Confidence.HIGH};
    EventTime time =
        TimeNormaliser.normalise(event.dateTime(), ctx.zoneRegion(), ctx.clockFormat());
    String rawIp = event.rawIpAddress().orElse(event.ipAddress());

    // IP_PARSE
    Optional<byte[]> parsed = IpAddresses.parse(event.ipAddress());
    if (parsed.isEmpty()) {
      findings.add(
          new Finding(
              AttributionRule.IP_PARSE,
              Finding.Result.BLOCK,
              "not an IP literal: '" + rawIp + "'"));
      return result(
          event,
          ctx,
          time,
          Optional.empty(),
          rawIp,
          0,
          AttributionStatus.INVALID_IP,
          Confidence.LOW,
          findings,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    byte[] addr = parsed.get();
    String ip = IpAddresses.format(addr);
    int version = addr.length == 4 ? 4 : 6;
    findings.add(new Finding(AttributionRule.IP_PARSE, Finding.Result.PASS, "canonical " + ip));

    // IP_NONROUTABLE
    Optional<SpecialRanges.Entry> sp = special.match(addr);
    if (sp.isPresent()) {
      SpecialRanges.Entry e = sp.get();
      switch (e.category()) {
        case NON_ROUTABLE -> {
          findings.add(nonRoutable(e));
          return result(
              event,
              ctx,
              time,
              Optional.of(ip),
              rawIp,
              version,
              AttributionStatus.NON_ROUTABLE,
              Confidence.LOW,
              findings,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
        }
        case SYNTHETIC -> {
          if (mode == AttributionMode.PRODUCTION) {
            findings.add(nonRoutable(e));
            return result(
                event,
                ctx,
                time,
                Optional.of(ip),
                rawIp,
                version,
                AttributionStatus.NON_ROUTABLE,
                Confidence.LOW,
                findings,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
          }
          findings.add(
              new Finding(
                  AttributionRule.IP_NONROUTABLE,
                  Finding.Result.FLAG,
                  e.block() + " " + e.note() + ": allowed in synthetic-data mode only"));
        }
        case EMBEDDED_IPV4 -> {
          findings.add(
              new Finding(
                  AttributionRule.IP_NONROUTABLE,
                  Finding.Result.FLAG,
                  e.block() + " " + e.note() + ": the real client is the embedded IPv4 address"));
          lower(confidence, Confidence.MEDIUM);
        }
      }
    } else {
      findings.add(
          new Finding(AttributionRule.IP_NONROUTABLE, Finding.Result.PASS, "not special-purpose"));
    }

    Enrichment enrichment = enricher.enrich(ip, addr);
    IspProfile isp = retention.profileFor(enrichment);
    String ispWhy =
        isp == retention.defaultProfile()
            ? (enrichment.asnChecked()
                ? "ISP not in the retention table: default row"
                : "no ASN database configured: default row")
            : "ISP " + isp.name() + " (" + isp.key() + ")";

    // IP_PORT
    if (version == 4) {
      if (event.port().isPresent()) {
        findings.add(
            new Finding(
                AttributionRule.IP_PORT,
                Finding.Result.PASS,
                "source port " + event.port().getAsInt()));
      } else if (isp.portNeeded()) {
        String why =
            isp.mobile()
                ? "mobile carrier"
                : isp.cgnat().isPresent() ? "uses CGNAT" : "CGNAT status unknown";
        findings.add(
            new Finding(
                AttributionRule.IP_PORT,
                Finding.Result.BLOCK,
                "no source port; " + ispWhy + ", " + why + ": ask the ESP for the port first"));
        blocks.add(AttributionStatus.NEEDS_PORT);
      } else {
        findings.add(
            new Finding(
                AttributionRule.IP_PORT,
                Finding.Result.PASS,
                "no source port; " + ispWhy + " does not use CGNAT"));
      }
    }

    // IP_V6
    Optional<String> prefix = Optional.empty();
    if (version == 6) {
      int len = Math.min(64, isp.ipv6PrefixLength());
      prefix = Optional.of(new Cidr(addr, len).toString());
      findings.add(
          new Finding(
              AttributionRule.IP_V6,
              Finding.Result.FLAG,
              "attribute at the delegated prefix "
                  + prefix.get()
                  + " ("
                  + ispWhy
                  + "); the interface id may be a temporary privacy address"));
    }

    // TZ_ZONE, TZ_12H, TZ_DST
    Set<TimeFlag> tf = time.flags();
    if (tf.contains(TimeFlag.TIME_MISSING)) {
      findings.add(
          new Finding(AttributionRule.TZ_ZONE, Finding.Result.BLOCK, "the capture has no time"));
      blocks.add(AttributionStatus.TIME_AMBIGUOUS);
    } else if (tf.contains(TimeFlag.ZONE_MISSING)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_ZONE,
              Finding.Result.BLOCK,
              "'"
                  + time.raw().orElse("")
                  + "' has no zone or offset and no zone is configured for the ESP: not converted"));
      blocks.add(AttributionStatus.TIME_AMBIGUOUS);
    } else if (tf.contains(TimeFlag.ZONE_FROM_CONFIG)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_ZONE,
              Finding.Result.FLAG,
              "no offset in the text; read in the configured zone " + time.statedZone()));
      lower(confidence, Confidence.MEDIUM);
    } else if (tf.contains(TimeFlag.OFFSET_NOT_IN_ZONE)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_ZONE,
              Finding.Result.FLAG,
              "offset "
                  + time.statedZone()
                  + " is not used by "
                  + time.zoneRegion().map(Object::toString).orElse("?")
                  + " at that time"));
      lower(confidence, Confidence.MEDIUM);
    } else {
      findings.add(
          new Finding(AttributionRule.TZ_ZONE, Finding.Result.PASS, "offset " + time.statedZone()));
    }
    if (tf.contains(TimeFlag.TIME_MISSING)) {
      findings.add(new Finding(AttributionRule.TZ_12H, Finding.Result.NOT_CHECKED, "no time"));
    } else if (tf.contains(TimeFlag.TWELVE_HOUR_AMBIGUOUS)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_12H,
              Finding.Result.BLOCK,
              "hour reads as 12-hour without AM/PM; candidates " + time.candidates()));
      blocks.add(AttributionStatus.TIME_AMBIGUOUS);
    } else {
      findings.add(new Finding(AttributionRule.TZ_12H, Finding.Result.PASS, "24-hour or marked"));
    }
    if (tf.contains(TimeFlag.TIME_MISSING) || tf.contains(TimeFlag.ZONE_MISSING)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_DST, Finding.Result.NOT_CHECKED, "no offset and no zone region"));
    } else if (tf.contains(TimeFlag.DST_GAP) || tf.contains(TimeFlag.DST_OVERLAP)) {
      findings.add(
          new Finding(
              AttributionRule.TZ_DST,
              Finding.Result.BLOCK,
              (tf.contains(TimeFlag.DST_GAP)
                      ? "local time does not exist (DST gap)"
                      : "local time happens twice (DST overlap)")
                  + " in "
                  + time.statedZone()
                  + "; candidates "
                  + time.candidates()));
      blocks.add(AttributionStatus.TIME_AMBIGUOUS);
    } else {
      findings.add(
          new Finding(
              AttributionRule.TZ_DST,
              Finding.Result.PASS,
              time.statedOffset().isPresent()
                  ? "the stated offset fixes the instant"
                  : "no DST transition at that time"));
    }

    // RETENTION
    RetentionDeadline deadline = deadline(time.instant(), isp, now);
    findings.add(
        new Finding(
            AttributionRule.RETENTION,
            deadline.signal() == DeadlineSignal.UNKNOWN
                ? Finding.Result.NOT_CHECKED
                : deadline.signal() == DeadlineSignal.WITHIN_RETENTION
                    ? Finding.Result.PASS
                    : Finding.Result.FLAG,
            retentionText(deadline)));

    // TOR
    if (time.instant().isEmpty()) {
      findings.add(
          new Finding(AttributionRule.TOR, Finding.Result.NOT_CHECKED, "event instant unknown"));
    } else {
      switch (tor.check(ip, time.instant().get(), torToleranceDays)) {
        case LISTED -> {
          findings.add(
              new Finding(
                  AttributionRule.TOR,
                  Finding.Result.BLOCK,
                  "Tor exit within "
                      + torToleranceDays
                      + " day(s) of the event (listed on "
                      + tor.datesListed(ip).map(Object::toString).orElse("?")
                      + "): no ISP subpoena"));
          blocks.add(AttributionStatus.TOR_EXIT);
          lower(confidence, Confidence.LOW);
        }
        case NOT_LISTED ->
            findings.add(
                new Finding(
                    AttributionRule.TOR,
                    Finding.Result.PASS,
                    "not a Tor exit around "
                        + time.instant().get().atOffset(ZoneOffset.UTC).toLocalDate()));
        case NOT_COVERED ->
            findings.add(
                new Finding(
                    AttributionRule.TOR,
                    Finding.Result.NOT_CHECKED,
                    "no Tor exit list covers "
                        + time.instant().get().atOffset(ZoneOffset.UTC).toLocalDate()));
      }
    }

    // VPN_DC
    if (vpnLists.isEmpty()) {
      findings.add(
          new Finding(
              AttributionRule.VPN_DC,
              Finding.Result.NOT_CHECKED,
              "no VPN or datacenter list configured"));
    } else {
      List<String> hits = new ArrayList<>();
      for (VpnList l : vpnLists) {
        if (l.contains(addr)) {
          hits.add(l.kind() + " list " + l.name() + " (" + l.snapshot() + ")");
        }
      }
      if (hits.isEmpty()) {
        findings.add(
            new Finding(
                AttributionRule.VPN_DC,
                Finding.Result.PASS,
                "on none of " + vpnLists.size() + " list(s)"));
      } else {
        findings.add(
            new Finding(
                AttributionRule.VPN_DC,
                Finding.Result.BLOCK,
                "on " + String.join(", ", hits) + ": process goes to that provider"));
        blocks.add(AttributionStatus.VPN_OR_HOSTING);
        lower(confidence, Confidence.LOW);
      }
    }

    // ESP_PROXY
    if (event.possibleProxy() == TriState.TRUE) {
      findings.add(
          new Finding(
              AttributionRule.ESP_PROXY, Finding.Result.FLAG, "the ESP marked a possible proxy"));
      lower(confidence, Confidence.MEDIUM);
    } else {
      findings.add(
          new Finding(
              AttributionRule.ESP_PROXY,
              Finding.Result.PASS,
              event.possibleProxy() == TriState.FALSE
                  ? "the ESP says no proxy"
                  : "the ESP did not say"));
    }

    // SHARED_NET
    if (ctx.sightings().isEmpty()) {
      findings.add(
          new Finding(
              AttributionRule.SHARED_NET, Finding.Result.NOT_CHECKED, "no sightings given"));
    } else if (time.instant().isEmpty()) {
      findings.add(
          new Finding(
              AttributionRule.SHARED_NET, Finding.Result.NOT_CHECKED, "event instant unknown"));
    } else {
      Set<String> accounts =
          new java.util.HashSet<>(
              ctx.sightings().accountsNear(ip, time.instant().get(), sharedWindow));
      ctx.account().ifPresent(accounts::add);
      if (accounts.size() >= sharedThreshold) {
        findings.add(
            new Finding(
                AttributionRule.SHARED_NET,
                Finding.Result.BLOCK,
                accounts.size()
                    + " accounts within "
                    + sharedWindow.toMinutes()
                    + " min of the event (threshold "
                    + sharedThreshold
                    + ")"));
        blocks.add(AttributionStatus.SHARED_NETWORK);
        lower(confidence, Confidence.LOW);
      } else {
        findings.add(
            new Finding(
                AttributionRule.SHARED_NET,
                Finding.Result.PASS,
                accounts.size() + " account(s) within " + sharedWindow.toMinutes() + " min"));
      }
    }

    // GEO
    if (!enrichment.locationChecked()) {
      findings.add(
          new Finding(
              AttributionRule.GEO, Finding.Result.NOT_CHECKED, "no location database configured"));
    } else {
      findings.add(
          new Finding(
              AttributionRule.GEO,
              Finding.Result.PASS,
              "jurisdiction hint only: "
                  + enrichment.countryCode().orElse("unknown country")
                  + enrichment.region().map(r -> "/" + r).orElse("")));
    }
    if (!enrichment.conflicts().isEmpty()) {
      findings.add(
          new Finding(
              AttributionRule.GEO,
              Finding.Result.FLAG,
              "data sources disagree: " + String.join("; ", enrichment.conflicts())));
      lower(confidence, Confidence.MEDIUM);
    }
    if (!enrichment.asnChecked()) {
      lower(confidence, Confidence.MEDIUM);
    }

    if (findings.stream().anyMatch(f -> f.result() == Finding.Result.NOT_CHECKED)) {
      lower(confidence, Confidence.MEDIUM);
    }
    AttributionStatus status =
        blocks.isEmpty() ? AttributionStatus.ATTRIBUTABLE : blocks.iterator().next();
    return result(
        event,
        ctx,
        time,
        Optional.of(ip),
        rawIp,
        version,
        status,
        confidence[0],
        findings,
        Optional.of(enrichment),
        Optional.of(isp),
        prefix,
        Optional.of(deadline));
  }

  private static Finding nonRoutable(SpecialRanges.Entry e) {
    return new Finding(
        AttributionRule.IP_NONROUTABLE,
        Finding.Result.BLOCK,
        e.block() + " " + e.note() + ": no ISP request; tell the ESP the capture is unusable");
  }

  RetentionDeadline deadline(Optional<Instant> instant, IspProfile isp, Instant now) {
    if (instant.isEmpty()) {
      return new RetentionDeadline(
          DeadlineSignal.UNKNOWN,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          isp,
          retention.version());
    }
    Instant gone = instant.get().plus(Duration.ofDays(isp.retentionDays()));
    Duration remaining = Duration.between(now, gone);
    DeadlineSignal signal =
        remaining.isNegative()
            ? DeadlineSignal.LIKELY_EXPIRED
            : remaining.compareTo(preserveMargin) < 0
                ? DeadlineSignal.PRESERVE_NOW
                : DeadlineSignal.WITHIN_RETENTION;
    return new RetentionDeadline(
        signal,
        Optional.of(gone),
        Optional.of(gone.atOffset(ZoneOffset.UTC).toLocalDate()),
        Optional.of(remaining),
        isp,
        retention.version());
  }

  private static String retentionText(RetentionDeadline d) {
    return switch (d.signal()) {
      case UNKNOWN -> "event instant unknown: no deadline";
      case LIKELY_EXPIRED -> "likely expired after " + goneAfter(d) + "; still ask if cheap";
      case PRESERVE_NOW -> "preserve now: likely gone after " + goneAfter(d);
      case WITHIN_RETENTION -> "send a preservation request; likely gone after " + goneAfter(d);
    };
  }

  /** "2026-03-20 (180 days, source)": the date and the retention row it comes from. */
  private static String goneAfter(RetentionDeadline d) {
    return d.likelyGoneAfter().orElseThrow()
        + " ("
        + d.isp().retentionDays()
        + " days, "
        + d.isp().source()
        + ")";
  }

  private static void lower(Confidence[] c, Confidence to) {
    if (to.compareTo(c[0]) > 0) {
      c[0] = to;
    }
  }

  private static IpEventAssessment result(
      IpCaptureEvent event,
      EventContext ctx,
      EventTime time,
      Optional<String> ip,
      String rawIp,
      int version,
      AttributionStatus status,
      Confidence confidence,
      List<Finding> findings,
      Optional<Enrichment> enrichment,
      Optional<IspProfile> isp,
      Optional<String> prefix,
      Optional<RetentionDeadline> deadline) {
    OptionalInt port = event.port();
    return new IpEventAssessment(
        ip,
        rawIp,
        version,
        port,
        event.eventName(),
        event.possibleProxy(),
        time,
        status,
        confidence,
        findings,
        enrichment,
        isp,
        prefix,
        deadline,
        ctx.reportId(),
        ctx.destination());
  }
}
