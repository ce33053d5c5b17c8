package org.tiptrace.tip;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The canonical JSON form of the tip model: what {@code tips show --json} prints, what the API
 * returns, and what the store keeps as a tip's document. Every field is written, absent ones as
 * {@code null} and unknown tri-states as {@code "UNKNOWN"}, so a reader can tell "not reported"
 * from "no". {@link ReportedTime} carries its derived {@code instant} and {@code zoneKnown} for
 * readers.
 *
 * <p>Mixins keep Jackson annotations off the model records.
 */
public final class TipJson {
  private static final ObjectMapper MAPPER = build(false);
  private static final ObjectMapper PRETTY = build(true);

  private TipJson() {}

  /** The shared, configured mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String writePretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Report readReport(String json) {
    try {
      return MAPPER.readValue(json, Report.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ReportedFile readFile(String json) {
    try {
      return MAPPER.readValue(json, ReportedFile.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectMapper build(boolean pretty) {
    JsonMapper.Builder b =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Derived properties (instant, zoneKnown) are written but not read back.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .addMixIn(ReportedTime.class, ReportedTimeMixin.class)
            .addMixIn(InternetDetail.class, InternetDetailMixin.class)
            .addMixIn(Report.class, ReportMixin.class)
            .addMixIn(TipId.class, TipIdMixin.class)
            .addMixIn(AgencyId.class, AgencyIdMixin.class)
            .addMixIn(Sha256.class, Sha256Mixin.class);
    if (pretty) {
      b.enable(SerializationFeature.INDENT_OUTPUT);
    }
    return b.build();
  }

  @JsonIgnoreProperties(
      value = {"instant", "zoneKnown"},
      allowGetters = true)
  private abstract static class ReportedTimeMixin {
    @JsonProperty("instant")
    abstract Optional<Instant> instant();

    @JsonProperty("zoneKnown")
    abstract boolean zoneKnown();
  }

  @JsonIgnoreProperties(
      value = {"allUsers"},
      allowGetters = false)
  private abstract static class ReportMixin {}

  /** Identifiers are written as their plain value: {@code "id": 25}, not {@code {"value": 25}}. */
  private abstract static class TipIdMixin {
    @JsonCreator
    TipIdMixin(long value) {}

    @JsonValue
    abstract long value();
  }

  private abstract static class AgencyIdMixin {
    @JsonCreator
    AgencyIdMixin(String code) {}

    @JsonValue
    abstract String code();
  }

  private abstract static class Sha256Mixin {
    @JsonCreator
    Sha256Mixin(String hex) {}

    @JsonValue
    abstract String hex();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = InternetDetail.WebPage.class, name = "webPageIncident"),
    @JsonSubTypes.Type(value = InternetDetail.EmailIncident.class, name = "emailIncident"),
    @JsonSubTypes.Type(value = InternetDetail.Newsgroup.class, name = "newsgroupIncident"),
    @JsonSubTypes.Type(value = InternetDetail.ChatIm.class, name = "chatImIncident"),
    @JsonSubTypes.Type(value = InternetDetail.OnlineGaming.class, name = "onlineGamingIncident"),
    @JsonSubTypes.Type(value = InternetDetail.CellPhone.class, name = "cellPhoneIncident"),
    @JsonSubTypes.Type(value = InternetDetail.NonInternet.class, name = "nonInternetIncident"),
    @JsonSubTypes.Type(value = InternetDetail.PeerToPeer.class, name = "peer2peerIncident")
  })
  private interface InternetDetailMixin {}
}
