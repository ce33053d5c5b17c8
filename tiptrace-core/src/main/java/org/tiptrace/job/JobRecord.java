package org.tiptrace.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.tiptrace.tip.AgencyId;

/**
 * One job as stored.
 *
 * @param id opaque, unguessable (random hex)
 * @param owner the account that started it
 * @param phase the step a running job is in, free text of the job's kind ("IMPORTING")
 * @param done items gone through so far, of {@code total} (0 until they are counted)
 * @param parameters what the job was asked to do, enough to run it again
 * @param counters what it counted besides {@code done} ("changed", "retriaged")
 * @param outcome what it did, once it did something
 * @param message why it failed or was interrupted
 */
public record JobRecord(
    String id,
    JobKind kind,
    AgencyId agency,
    String owner,
    JobState state,
    String phase,
    long done,
    long total,
    Map<String, String> parameters,
    Map<String, Long> counters,
    Optional<String> outcome,
    Optional<String> message,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public JobRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(phase, "phase");
    if (id.isBlank() || id.length() > 64) {
      throw new IllegalArgumentException("job id must be 1..64 characters, was '" + id + "'");
    }
    if (done < 0 || total < 0) {
      throw new IllegalArgumentException(
          "job progress must not be negative: " + done + "/" + total);
    }
    parameters = Map.copyOf(new TreeMap<>(parameters));
    counters = Map.copyOf(new TreeMap<>(counters));
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** A job just queued. */
  public static JobRecord queued(
      String id,
      JobKind kind,
      AgencyId agency,
      String owner,
      Map<String, String> parameters,
      Instant createdAt) {
    return new JobRecord(
        id,
        kind,
        agency,
        owner,
        JobState.QUEUED,
        JobState.QUEUED.name(),
        0,
        0,
        parameters,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        createdAt,
        Optional.empty(),
        Optional.empty());
  }

  /** The parameter, or empty. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** The counter, 0 when never counted. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
