package org.tiptrace.store.ip;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * {@link AssessmentRepository} in plain JDBC over the V4 table; the same SQL runs on H2 2.x and
 * PostgreSQL. A replace is one transaction: check the tip is the agency's, delete, insert.
 */
public final class JdbcAssessmentRepository implements AssessmentRepository {
  private final DataSource dataSource;

  public JdbcAssessmentRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public boolean replace(
      AgencyId agency,
      TipId tip,
      String dataSets,
      Instant computedAt,
      List<IpEventAssessment> assessments,
      Optional<RoutingDecision> routing) {
    String json = AssessmentRepository.toJson(assessments);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        boolean stored = replace(c, agency, tip, dataSets, computedAt, json, routing);
        c.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store IP assessments of tip " + tip, e);
    }
  }

  private static boolean replace(
      Connection c,
      AgencyId agency,
      TipId tip,
      String dataSets,
      Instant computedAt,
      String json,
      Optional<RoutingDecision> routing)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM tip WHERE id = ? AND agency = ? FOR UPDATE")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM tip_ip_assessment WHERE tip_id = ? AND agency = ?")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip_ip_assessment (tip_id, agency, data_sets, computed_at, assessments,"
                + " routing_outcome, routing) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      ps.setString(3, dataSets);
      ps.setObject(4, utc(computedAt));
      ps.setString(5, json);
      ps.setString(6, routing.map(r -> r.outcome().name()).orElse(null));
      ps.setString(7, routing.map(AssessmentRepository::toJson).orElse(null));
      ps.executeUpdate();
    }
    return true;
  }

  @Override
  public Optional<Stored> find(AgencyId agency, TipId tip) {
    String sql =
        "SELECT data_sets, computed_at, assessments, routing FROM tip_ip_assessment"
            + " WHERE tip_id = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                tip,
                rs.getString(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                Optional.ofNullable(rs.getString(4))));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read IP assessments of tip " + tip, e);
    }
  }

  @Override
  public List<ReviewItem> routingReview(AgencyId agency, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException(
          "offset must be >= 0 and limit 1..1000, was " + offset + ", " + limit);
    }
    String sql =
        "SELECT tip_id, computed_at, routing FROM tip_ip_assessment"
            + " WHERE agency = ? AND routing_outcome = ? ORDER BY tip_id LIMIT ? OFFSET ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, agency.code());
      ps.setString(2, RoutingDecision.Outcome.REVIEW.name());
      ps.setInt(3, limit);
      ps.setInt(4, offset);
      List<ReviewItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ReviewItem(
                  new TipId(rs.getLong(1)),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  rs.getString(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list the routing review of " + agency, e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
