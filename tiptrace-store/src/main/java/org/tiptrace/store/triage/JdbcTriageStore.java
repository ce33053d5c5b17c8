package org.tiptrace.store.triage;

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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageStore;

/**
 * {@link TriageStore} in plain JDBC over the V6 {@code triage_result} table. The queue order is
 * {@link org.tiptrace.triage.TriageQueue#ORDER} in SQL: tier rank, deadline (none last, spelled out
 * because H2 and PostgreSQL sort nulls differently), score descending, tip id.
 */
public final class JdbcTriageStore implements TriageStore {
  private static final TypeReference<List<ScoreLine>> LINES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String COLUMNS =
      "tip_id, agency, score, tier, deadline, lines, reasons, notes, signals, rules_version,"
          + " computed_at";
  private static final String ORDER =
      " ORDER BY tier_rank, CASE WHEN deadline IS NULL THEN 1 ELSE 0 END, deadline, score DESC,"
          + " tip_id";

  private final DataSource dataSource;

  public JdbcTriageStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void replace(StoredTriage t) {
    TriageResult r = t.result();
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM triage_result WHERE tip_id = ?")) {
          ps.setLong(1, r.tip().value());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO triage_result ("
                    + COLUMNS
                    + ", tier_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, r.tip().value());
          ps.setString(2, r.agency().code());
          ps.setInt(3, r.score());
          ps.setString(4, r.tier().name());
          if (r.deadline().isPresent()) {
            ps.setObject(5, utc(r.deadline().get()));
          } else {
            ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
          }
          ps.setString(6, TipJson.write(r.lines()));
          ps.setString(7, TipJson.write(r.reasons()));
          ps.setString(8, TipJson.write(r.notes()));
          ps.setString(9, TipJson.write(t.signals()));
          ps.setString(10, r.rulesVersion());
          ps.setObject(11, utc(t.computedAt()));
          ps.setInt(12, r.tier().rank());
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store the triage of tip " + r.tip(), e);
    }
  }

  @Override
  public Optional<StoredTriage> find(AgencyId agency, TipId tip) {
    List<StoredTriage> found =
        select(
            "SELECT " + COLUMNS + " FROM triage_result WHERE agency = ? AND tip_id = ?",
            "the triage of tip " + tip,
            agency.code(),
            tip.value());
    return found.stream().findFirst();
  }

  @Override
  public Page<StoredTriage> queue(AgencyId agency, QueueQuery query) {
    StringBuilder where = new StringBuilder(" WHERE agency = ?");
    List<Object> params = new ArrayList<>();
    params.add(agency.code());
    if (!query.tiers().isEmpty()) {
      where.append(" AND tier IN (");
      int i = 0;
      for (Tier t : new TreeSet<>(query.tiers())) {
        where.append(i++ == 0 ? "?" : ", ?");
        params.add(t.name());
      }
      where.append(")");
    }
    if (query.withDeadline()) {
      where.append(" AND deadline IS NOT NULL");
    }
    long total;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM triage_result" + where)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count the queue of " + agency, e);
    }
    List<Object> paged = new ArrayList<>(params);
    paged.add(query.limit());
    paged.add(query.offset());
    List<StoredTriage> items =
        select(
            "SELECT " + COLUMNS + " FROM triage_result" + where + ORDER + " LIMIT ? OFFSET ?",
            "the queue of " + agency,
            paged.toArray());
    return new Page<>(items, total, query.offset(), query.limit());
  }

  @Override
  public List<StoredTriage> all(AgencyId agency) {
    return select(
        "SELECT " + COLUMNS + " FROM triage_result WHERE agency = ? ORDER BY tip_id",
        "the triage of " + agency,
        agency.code());
  }

  private List<StoredTriage> select(String sql, String what, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, List.of(params));
      List<StoredTriage> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read " + what, e);
    }
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String s) {
        ps.setString(i + 1, s);
      } else if (p instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        throw new IllegalArgumentException("unsupported parameter " + p);
      }
    }
  }

  private static StoredTriage row(ResultSet rs) throws SQLException {
    OffsetDateTime deadline = rs.getObject(5, OffsetDateTime.class);
    TriageResult r =
        new TriageResult(
            new TipId(rs.getLong(1)),
            new AgencyId(rs.getString(2)),
            rs.getInt(3),
            Tier.valueOf(rs.getString(4)),
            read(rs.getString(6), LINES),
            read(rs.getString(7), STRINGS),
            read(rs.getString(8), STRINGS),
            Optional.ofNullable(deadline).map(OffsetDateTime::toInstant),
            rs.getString(10));
    TipSignals signals = read(rs.getString(9), new TypeReference<TipSignals>() {});
    return new StoredTriage(r, signals, rs.getObject(11, OffsetDateTime.class).toInstant());
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return TipJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored triage JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
