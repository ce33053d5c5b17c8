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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.QueueFacets;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.Tier;
import org.tiptrace.triage.TipSignals;
import org.tiptrace.triage.TriageResult;
import org.tiptrace.triage.TriageStore;
import org.tiptrace.triage.TriageStore.QueueRow;
import org.tiptrace.triage.TriageStore.QueueSummary;

/**
 * {@link TriageStore} in plain JDBC over the V6 {@code triage_result} table and the V12 facets
 * ({@code triage_result.facets}, {@code triage_facet}). The queue order is {@link
 * org.tiptrace.triage.TriageQueue#ORDER} in SQL: tier rank, deadline (none last, spelled out
 * because H2 and PostgreSQL sort nulls differently), score descending, tip id. Every filter of
 * {@link QueueQuery} is a WHERE clause, so a page costs the same statements at any queue size.
 */
public final class JdbcTriageStore implements TriageStore {
  private static final TypeReference<List<ScoreLine>> LINES = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<QueueFacets> FACETS = new TypeReference<>() {};
  private static final String COLUMNS =
      "tip_id, agency, score, tier, deadline, lines, reasons, notes, signals, rules_version,"
          + " computed_at";
  private static final String ORDER_R =
      " ORDER BY r.tier_rank, CASE WHEN r.deadline IS NULL THEN 1 ELSE 0 END, r.deadline,"
          + " r.score DESC, r.tip_id";
  private static final String COUNTRY = "COUNTRY";
  private static final String FLAG = "FLAG";
  private static final QueueFacets NO_FACETS = new QueueFacets(Set.of(), Set.of());

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
            c.prepareStatement("DELETE FROM triage_facet WHERE tip_id = ?")) {
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
        writeFacets(c, r.agency(), r.tip(), facetsOf(c, r.tip()));
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
    Page<QueueRow> rows = queueRows(agency, query);
    return new Page<>(
        rows.items().stream().map(QueueRow::triage).toList(),
        rows.total(),
        query.offset(),
        query.limit());
  }

  /**
   * Two statements: the page's tip ids in queue order with the number of matching rows as a window
   * count (narrow rows, so the database sorts ids and sort keys only), then those rows joined with
   * their tips. A page past the end has no row to carry the count, so only then a count follows.
   */
  @Override
  public Page<QueueRow> queueRows(AgencyId agency, QueueQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(agency, query, params);
    List<Object> paged = new ArrayList<>(params);
    paged.add(query.limit());
    paged.add(query.offset());
    List<Long> ids = new ArrayList<>();
    long matching = -1;
    Map<Long, QueueRow> rows = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.tip_id, COUNT(*) OVER () FROM triage_result r"
                  + where
                  + ORDER_R
                  + " LIMIT ? OFFSET ?")) {
        bind(ps, paged);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            matching = rs.getLong(2);
          }
        }
      }
      if (matching < 0) {
        matching =
            query.offset() == 0
                ? 0
                : count(c, "SELECT COUNT(*) FROM triage_result r" + where, params);
      }
      if (!ids.isEmpty()) {
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + prefixed("r.")
                    + ", t.cybertip_report_id, t.incident_type, t.received_at, r.facets"
                    + " FROM triage_result r JOIN tip t ON t.id = r.tip_id"
                    + " WHERE r.agency = ? AND r.tip_id IN ("
                    + in
                    + ")")) {
          ps.setString(1, agency.code());
          for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 2, ids.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              StoredTriage triage = row(rs);
              String facets = rs.getString(15);
              rows.put(
                  triage.result().tip().value(),
                  new QueueRow(
                      triage,
                      Optional.ofNullable(rs.getString(12)),
                      Optional.ofNullable(rs.getString(13)),
                      rs.getObject(14, OffsetDateTime.class).toInstant(),
                      facets == null ? NO_FACETS : read(facets, FACETS)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the queue of " + agency, e);
    }
    List<QueueRow> items = new ArrayList<>();
    for (long id : ids) {
      QueueRow row = rows.get(id);
      if (row != null) { // replaced between the two statements: shown on the next read
        items.add(row);
      }
    }
    return new Page<>(items, matching, query.offset(), query.limit());
  }

  /** One statement: the count and newest result, then each distinct facet. */
  @Override
  public QueueSummary queueSummary(AgencyId agency) {
    String sql =
        "SELECT 'TOTAL' AS kind, CAST(NULL AS VARCHAR) AS facet, COUNT(*) AS n,"
            + " MAX(computed_at) AS latest FROM triage_result WHERE agency = ?"
            + " UNION ALL SELECT DISTINCT kind, facet, CAST(0 AS BIGINT),"
            + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) FROM triage_facet WHERE agency = ?";
    long total = 0;
    Optional<Instant> latest = Optional.empty();
    Set<String> countries = new TreeSet<>();
    Set<String> flags = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, agency.code());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          switch (rs.getString(1)) {
            case "TOTAL" -> {
              total = rs.getLong(3);
              latest =
                  Optional.ofNullable(rs.getObject(4, OffsetDateTime.class))
                      .map(OffsetDateTime::toInstant);
            }
            case COUNTRY -> countries.add(rs.getString(2));
            case FLAG -> flags.add(rs.getString(2));
            default -> throw new StoreException("unknown facet kind " + rs.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot summarise the queue of " + agency, e);
    }
    return new QueueSummary(total, latest, countries, flags);
  }

  /**
   * One statement in the steady state: the agency's tips with no result, or with a result stored
   * before its facets were (then completed here, from the tip's document, in one transaction).
   */
  @Override
  public List<TipId> unscored(AgencyId agency) {
    List<TipId> unscored = new ArrayList<>();
    List<TipId> incomplete = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.id, r.tip_id FROM tip t LEFT JOIN triage_result r ON r.tip_id = t.id"
                    + " WHERE t.agency = ? AND (r.tip_id IS NULL OR r.facets IS NULL)"
                    + " ORDER BY t.id")) {
      ps.setString(1, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getLong(2);
          (rs.wasNull() ? unscored : incomplete).add(new TipId(rs.getLong(1)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list the unscored tips of " + agency, e);
    }
    if (!incomplete.isEmpty()) {
      try (Connection c = dataSource.getConnection()) {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          for (TipId tip : incomplete) {
            try (PreparedStatement del =
                c.prepareStatement("DELETE FROM triage_facet WHERE tip_id = ?")) {
              del.setLong(1, tip.value());
              del.executeUpdate();
            }
            writeFacets(c, agency, tip, facetsOf(c, tip));
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
        }
      } catch (SQLException e) {
        throw new StoreException("cannot complete the queue facets of " + agency, e);
      }
    }
    return List.copyOf(unscored);
  }

  /** The result columns, each qualified ({@code r.tip_id, r.agency, …}). */
  private static String prefixed(String alias) {
    return String.join(
        ", ", java.util.Arrays.stream(COLUMNS.split(",")).map(c -> alias + c.strip()).toList());
  }

  private static String where(AgencyId agency, QueueQuery query, List<Object> params) {
    StringBuilder where = new StringBuilder(" WHERE r.agency = ?");
    params.add(agency.code());
    if (!query.tiers().isEmpty()) {
      // On tier_rank, the queue index's column after agency, not on the tier's name.
      where.append(" AND r.tier_rank IN (");
      int i = 0;
      for (Tier t : new TreeSet<>(query.tiers())) {
        where.append(i++ == 0 ? "?" : ", ?");
        params.add(t.rank());
      }
      where.append(")");
    }
    if (query.withDeadline() || query.deadlineBy().isPresent()) {
      where.append(" AND r.deadline IS NOT NULL");
    }
    if (query.deadlineBy().isPresent()) {
      where.append(" AND r.deadline <= ?");
      params.add(utc(query.deadlineBy().get()));
    }
    query.country().ifPresent(c -> facet(where, params, agency, COUNTRY, c));
    query.flag().ifPresent(f -> facet(where, params, agency, FLAG, f));
    return where.toString();
  }

  private static void facet(
      StringBuilder where, List<Object> params, AgencyId agency, String kind, String value) {
    where.append(
        " AND EXISTS (SELECT 1 FROM triage_facet f WHERE f.agency = ? AND f.kind = ?"
            + " AND f.facet = ? AND f.tip_id = r.tip_id)");
    params.add(agency.code());
    params.add(kind);
    params.add(value);
  }

  private static long count(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The tip's facets, from its stored report; none when the tip is gone. */
  private static QueueFacets facetsOf(Connection c, TipId tip) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT document FROM tip WHERE id = ?")) {
      ps.setLong(1, tip.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? QueueFacets.of(TipJson.readReport(rs.getString(1))) : NO_FACETS;
      }
    }
  }

  private static void writeFacets(Connection c, AgencyId agency, TipId tip, QueueFacets facets)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO triage_facet (tip_id, agency, kind, facet) VALUES (?, ?, ?, ?)")) {
      for (String country : facets.countries()) {
        addFacet(ps, agency, tip, COUNTRY, country);
      }
      for (String flag : facets.flags()) {
        addFacet(ps, agency, tip, FLAG, flag);
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE triage_result SET facets = ? WHERE tip_id = ?")) {
      ps.setString(1, TipJson.write(facets));
      ps.setLong(2, tip.value());
      ps.executeUpdate();
    }
  }

  private static void addFacet(
      PreparedStatement ps, AgencyId agency, TipId tip, String kind, String value)
      throws SQLException {
    ps.setLong(1, tip.value());
    ps.setString(2, agency.code());
    ps.setString(3, kind);
    ps.setString(4, value);
    ps.addBatch();
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
      } else if (p instanceof OffsetDateTime t) {
        ps.setObject(i + 1, t);
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
