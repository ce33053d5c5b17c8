package org.tiptrace.store.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.job.JobKind;
import org.tiptrace.job.JobRecord;
import org.tiptrace.job.JobRepository;
import org.tiptrace.job.JobState;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipJson;

/** {@link JobRepository} in plain JDBC over the V13 {@code job} table (H2 and PostgreSQL). */
public final class JdbcJobRepository implements JobRepository {
  private static final int TEXT_LIMIT = 4000;
  private static final String COLUMNS =
      "id, kind, agency, owner_name, state, phase, done_count, total_count, parameters, counters,"
          + " outcome, message, created_at, started_at, finished_at";
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Long>> LONGS = new TypeReference<>() {};

  private final DataSource dataSource;

  public JdbcJobRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void insert(JobRecord job) {
    String sql =
        "INSERT INTO job (agency, kind, owner_name, state, phase, done_count, total_count,"
            + " parameters, counters, outcome, message, created_at, started_at, finished_at, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, job);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store job " + job.id(), e);
    }
  }

  @Override
  public boolean update(JobRecord job) {
    String sql =
        "UPDATE job SET agency = ?, kind = ?, owner_name = ?, state = ?, phase = ?,"
            + " done_count = ?, total_count = ?, parameters = ?, counters = ?, outcome = ?,"
            + " message = ?, created_at = ?, started_at = ?, finished_at = ?"
            + " WHERE id = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, job);
      ps.setString(16, job.agency().code());
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot update job " + job.id(), e);
    }
  }

  /** Binds every column in the order of the INSERT and UPDATE above (id last). */
  private static void bind(PreparedStatement ps, JobRecord job) throws SQLException {
    ps.setString(1, job.agency().code());
    ps.setString(2, job.kind().label());
    ps.setString(3, job.owner());
    ps.setString(4, job.state().name());
    ps.setString(5, job.phase());
    ps.setLong(6, job.done());
    ps.setLong(7, job.total());
    ps.setString(8, json(job.parameters()));
    ps.setString(9, json(job.counters()));
    setText(ps, 10, job.outcome());
    setText(ps, 11, job.message());
    setInstant(ps, 12, Optional.of(job.createdAt()));
    setInstant(ps, 13, job.startedAt());
    setInstant(ps, 14, job.finishedAt());
    ps.setString(15, job.id());
  }

  @Override
  public Optional<JobRecord> find(AgencyId agency, String id) {
    String sql = "SELECT " + COLUMNS + " FROM job WHERE id = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(job(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read job " + id, e);
    }
  }

  @Override
  public List<JobRecord> recent(AgencyId agency, int limit) {
    String sql =
        "SELECT " + COLUMNS + " FROM job WHERE agency = ? ORDER BY created_at DESC, id LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, agency.code());
      ps.setInt(2, limit);
      List<JobRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(job(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list the jobs of " + agency, e);
    }
  }

  @Override
  public int interruptUnfinished(Instant at, String message) {
    String sql =
        "UPDATE job SET state = ?, phase = ?, message = ?, finished_at = ?"
            + " WHERE state IN (?, ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, JobState.INTERRUPTED.name());
      ps.setString(2, JobState.INTERRUPTED.name());
      ps.setString(3, clip(message));
      setInstant(ps, 4, Optional.of(at));
      ps.setString(5, JobState.QUEUED.name());
      ps.setString(6, JobState.RUNNING.name());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot mark unfinished jobs interrupted", e);
    }
  }

  @Override
  public int prune(AgencyId agency, int keep) {
    String select =
        "SELECT id FROM job WHERE agency = ? AND state NOT IN (?, ?)"
            + " ORDER BY created_at DESC, id OFFSET ? ROWS";
    try (Connection c = dataSource.getConnection()) {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(select)) {
        ps.setString(1, agency.code());
        ps.setString(2, JobState.QUEUED.name());
        ps.setString(3, JobState.RUNNING.name());
        ps.setInt(4, Math.max(0, keep));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      int deleted = 0;
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM job WHERE id = ? AND agency = ?")) {
        for (String id : ids) {
          ps.setString(1, id);
          ps.setString(2, agency.code());
          deleted += ps.executeUpdate();
        }
      }
      return deleted;
    } catch (SQLException e) {
      throw new StoreException("cannot prune the jobs of " + agency, e);
    }
  }

  private static JobRecord job(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    return new JobRecord(
        rs.getString("id"),
        JobKind.fromLabel(kind)
            .orElseThrow(() -> new SQLException("job kind '" + kind + "' is unknown")),
        new AgencyId(rs.getString("agency")),
        rs.getString("owner_name"),
        JobState.valueOf(rs.getString("state")),
        rs.getString("phase"),
        rs.getLong("done_count"),
        rs.getLong("total_count"),
        read(rs.getString("parameters"), STRINGS),
        read(rs.getString("counters"), LONGS),
        Optional.ofNullable(rs.getString("outcome")),
        Optional.ofNullable(rs.getString("message")),
        instant(rs, "created_at").orElseThrow(() -> new SQLException("created_at is null")),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static String json(Map<String, ?> map) {
    try {
      return TipJson.mapper().writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write job JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) throws SQLException {
    try {
      return TipJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable job JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String clip(String s) {
    return s.length() > TEXT_LIMIT ? s.substring(0, TEXT_LIMIT - 1) + "…" : s;
  }

  private static void setText(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, clip(value.get()));
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  private static void setInstant(PreparedStatement ps, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setObject(index, value.get().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    } else {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
