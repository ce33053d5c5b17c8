package org.tiptrace.ip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tiptrace.tip.EstimatedLocation;

/**
 * Routing table from country (and region) to receiving agency code ({@code
 * jurisdiction-routes.yaml}). Validated on load; errors name the file, the row and the field.
 *
 * <p>Decision: all locations (every enrichment's country/region and the ESP's estimatedLocation)
 * must agree on one country; the home country also needs one region with a route. Anything else
 * goes to the review queue rather than to a guessed agency. A foreign country is an international
 * referral ({@link RoutingDecision.Outcome#INTERNATIONAL_REFERRAL}), to that country's row or the
 * table's international agency.
 */
public final class JurisdictionTable {
  public static final String RESOURCE = "jurisdiction-routes.yaml";

  private final String name;
  private final int version;
  private final LocalDate effectiveFrom;
  private final String homeCountry;
  private final String internationalAgency;
  private final Map<String, String> countryRoutes;
  private final Map<String, String> regionRoutes; // "US/CA" -> agency, region upper-cased

  private JurisdictionTable(
      String name,
      int version,
      LocalDate effectiveFrom,
      String homeCountry,
      String internationalAgency,
      Map<String, String> countryRoutes,
      Map<String, String> regionRoutes) {
    this.name = name;
    this.version = version;
    this.effectiveFrom = effectiveFrom;
    this.homeCountry = homeCountry;
    this.internationalAgency = internationalAgency;
    this.countryRoutes = Map.copyOf(countryRoutes);
    this.regionRoutes = Map.copyOf(regionRoutes);
  }

  public static JurisdictionTable bundled() {
    try (InputStream in =
        Objects.requireNonNull(
            JurisdictionTable.class.getResourceAsStream(RESOURCE),
            "missing resource " + RESOURCE)) {
      return load(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and validates a routing table file (an agency's own table). */
  public static JurisdictionTable load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.getFileName().toString());
    }
  }

  public static JurisdictionTable load(InputStream in, String name) throws IOException {
    JsonNode root = new YAMLMapper().readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(name + ": expected a mapping at the top");
    }
    JsonNode v = root.path("version");
    if (!v.isIntegralNumber() || v.asInt() < 1) {
      throw new IllegalArgumentException(
          name + ": version: must be a positive integer, was '" + v.asText() + "'");
    }
    LocalDate eff;
    try {
      eff = LocalDate.parse(root.path("effective_from").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + ": effective_from: must be a date yyyy-MM-dd, was '"
              + root.path("effective_from").asText()
              + "'",
          e);
    }
    String home = country(root.path("home_country"), name, "home_country");
    String intl = root.path("international_agency").asText("");
    if (intl.isBlank()) {
      throw new IllegalArgumentException(name + ": international_agency: required");
    }
    Map<String, String> byCountry = new HashMap<>();
    Map<String, String> byRegion = new HashMap<>();
    JsonNode routes = root.path("routes");
    if (!routes.isArray()) {
      throw new IllegalArgumentException(name + ": routes: required list");
    }
    for (int i = 0; i < routes.size(); i++) {
      JsonNode r = routes.get(i);
      String at = "routes[" + i + "]";
      String c = country(r.path("country"), name, at + ".country");
      String agency = r.path("agency").asText("");
      if (agency.isBlank()) {
        throw new IllegalArgumentException(name + ": " + at + ".agency: required");
      }
      if (r.has("regions")) {
        for (JsonNode reg : r.get("regions")) {
          String key = c + "/" + reg.asText().strip().toUpperCase(Locale.ROOT);
          if (byRegion.putIfAbsent(key, agency) != null) {
            throw new IllegalArgumentException(
                name + ": " + at + ".regions: region '" + reg.asText() + "' routed twice");
          }
        }
      } else if (byCountry.putIfAbsent(c, agency) != null) {
        throw new IllegalArgumentException(
            name + ": " + at + ".country: country '" + c + "' routed twice");
      }
    }
    return new JurisdictionTable(name, v.asInt(), eff, home, intl, byCountry, byRegion);
  }

  private static String country(JsonNode n, String file, String at) {
    String s = n.asText("").strip();
    if (!s.matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException(
          file + ": " + at + ": must be an ISO 3166 two-letter code, was '" + s + "'");
    }
    return s.toUpperCase(Locale.ROOT);
  }

  /** Routes from enrichments and the ESP's estimates. */
  public RoutingDecision route(List<Enrichment> enrichments, List<EstimatedLocation> esp) {
    Set<String> countries = new LinkedHashSet<>();
    Set<String> regions = new LinkedHashSet<>();
    List<String> evidence = new ArrayList<>();
    for (Enrichment e : enrichments) {
      String src =
          e.answers().stream()
              .filter(a -> a.field("country_code").isPresent())
              .map(SourceAnswer::source)
              .findFirst()
              .orElse("enrichment");
      e.countryCode()
          .ifPresent(
              c -> {
                countries.add(c.toUpperCase(Locale.ROOT));
                evidence.add(
                    e.ip() + ": " + c + e.region().map(r -> "/" + r).orElse("") + " (" + src + ")");
              });
      e.region().ifPresent(r -> regions.add(normRegion(r)));
    }
    esp.forEach(
        loc -> {
          loc.countryCode().ifPresent(c -> countries.add(c.strip().toUpperCase(Locale.ROOT)));
          loc.region().ifPresent(r -> regions.add(normRegion(r)));
          if (loc.countryCode().isPresent() || loc.region().isPresent()) {
            evidence.add(
                "ESP estimatedLocation: "
                    + loc.countryCode().orElse("?")
                    + loc.region().map(r -> "/" + r).orElse(""));
          }
        });
    if (countries.isEmpty()) {
      return review(List.of("no country from IP data or the ESP"), evidence, null, null);
    }
    if (countries.size() > 1) {
      return review(List.of("conflicting countries " + countries), evidence, null, null);
    }
    String country = countries.iterator().next();
    if (!country.equals(homeCountry)) {
      String agency = countryRoutes.getOrDefault(country, internationalAgency);
      return new RoutingDecision(
          RoutingDecision.Outcome.INTERNATIONAL_REFERRAL,
          Optional.of(agency),
          true,
          Optional.of(country),
          regions.size() == 1 ? Optional.of(regions.iterator().next()) : Optional.empty(),
          List.of("location outside " + homeCountry + ": international referral"),
          evidence);
    }
    Set<String> agencies = new LinkedHashSet<>();
    for (String r : regions) {
      agencies.add(regionRoutes.getOrDefault(country + "/" + r, "?" + r));
    }
    if (regions.isEmpty()) {
      return review(List.of("region unknown within " + country), evidence, country, null);
    }
    if (agencies.size() > 1) {
      return review(List.of("conflicting regions " + regions), evidence, country, null);
    }
    String agency = agencies.iterator().next();
    String region = regions.iterator().next();
    if (agency.startsWith("?")) {
      return review(List.of("no route for " + country + "/" + region), evidence, country, region);
    }
    return new RoutingDecision(
        RoutingDecision.Outcome.ROUTED,
        Optional.of(agency),
        false,
        Optional.of(country),
        Optional.of(region),
        List.of("all locations agree on " + country + "/" + region),
        evidence);
  }

  private static String normRegion(String r) {
    String s = r.strip().toUpperCase(Locale.ROOT);
    int dash = s.indexOf('-');
    // ISO 3166-2 "US-CA" -> "CA"
    return dash == 2 ? s.substring(3) : s;
  }

  private static RoutingDecision review(
      List<String> reasons,
      List<String> evidence,
      @Nullable String country,
      @Nullable String region) {
    return new RoutingDecision(
        RoutingDecision.Outcome.REVIEW,
        Optional.empty(),
        false,
        Optional.ofNullable(country),
        Optional.ofNullable(region),
        reasons,
        evidence);
  }

  /** How a stored decision names the table: {@code routing table v1 (effective 2026-11-22)}. */
  public String describe() {
    return "routing table " + name + " v" + version + " (effective " + effectiveFrom + ")";
  }

  public int version() {
    return version;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }
}
