package org.tiptrace.store.rules;

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
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleSetRepository;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.Sha256;

/**
 * {@link RuleSetRepository} over {@code rule_set_version} (V11); the same SQL on H2 2.x and
 * PostgreSQL. A new version takes the highest number plus one; two submissions racing for a number
 * collide on the primary key and the loser retries with the next one. Activation is one transaction
 * that sets the flag of exactly one row of the kind.
 */
public final class JdbcRuleSetRepository implements RuleSetRepository {
  private static final String COLUMNS =
      "kind, version, file_version, sha256, bytes, submitted_by, submitted_at, note, active";
  private static final String DUPLICATE_KEY = "23505";
  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;

  public JdbcRuleSetRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public List<StoredRuleSet> list(RuleKind kind) {
    return query(
        "SELECT " + COLUMNS + " FROM rule_set_version WHERE kind = ? ORDER BY version",
        kind,
        null,
        "cannot list " + kind.slug() + " rule sets");
  }

  @Override
  public Optional<StoredRuleSet> find(RuleKind kind, int version) {
    return query(
            "SELECT " + COLUMNS + " FROM rule_set_version WHERE kind = ? AND version = ?",
            kind,
            version,
            "cannot read " + kind.slug() + " rule set v" + version)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<StoredRuleSet> active(RuleKind kind) {
    return query(
            "SELECT " + COLUMNS + " FROM rule_set_version WHERE kind = ? AND active = TRUE",
            kind,
            null,
            "cannot read the active " + kind.slug() + " rule set")
        .stream()
        .findFirst();
  }

  @Override
  public OptionalInt activeVersion(RuleKind kind) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT version FROM rule_set_version WHERE kind = ? AND active = TRUE")) {
      ps.setString(1, kind.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the active " + kind.slug() + " rule set", e);
    }
  }

  @Override
  public StoredRuleSet add(
      RuleKind kind,
      String fileVersion,
      byte[] bytes,
      Sha256 sha256,
      String submittedBy,
      Instant submittedAt,
      String note) {
    SQLException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        int next;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM rule_set_version WHERE kind = ?")) {
          ps.setString(1, kind.name());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            next = rs.getInt(1);
          }
        }
        StoredRuleSet row =
            new StoredRuleSet(
                kind,
                next,
                fileVersion,
                bytes,
                sha256,
                submittedBy,
                micros(submittedAt),
                note,
                false);
        insert(c, row);
        return row;
      } catch (SQLException e) {
        if (!DUPLICATE_KEY.equals(e.getSQLState())) {
          throw new StoreException("cannot store a new " + kind.slug() + " rule set", e);
        }
        last = e;
      }
    }
    throw new StoreException(
        "cannot store a new " + kind.slug() + " rule set: " + ATTEMPTS + " concurrent collisions",
        last);
  }

  @Override
  public boolean activate(RuleKind kind, int version) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        boolean exists;
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT version FROM rule_set_version WHERE kind = ? AND version = ? FOR UPDATE")) {
          ps.setString(1, kind.name());
          ps.setInt(2, version);
          try (ResultSet rs = ps.executeQuery()) {
            exists = rs.next();
          }
        }
        if (exists) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE rule_set_version SET active = (version = ?) WHERE kind = ?")) {
            ps.setInt(1, version);
            ps.setString(2, kind.name());
            ps.executeUpdate();
          }
        }
        c.commit();
        return exists;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot activate " + kind.slug() + " rule set v" + version, e);
    }
  }

  @Override
  public StoredRuleSet seedIfEmpty(
      RuleKind kind, int version, String fileVersion, byte[] bytes, Instant at, String note) {
    Optional<StoredRuleSet> active = active(kind);
    if (active.isPresent()) {
      return active.get();
    }
    if (list(kind).isEmpty()) {
      try (Connection c = dataSource.getConnection()) {
        insert(
            c,
            new StoredRuleSet(
                kind,
                version,
                fileVersion,
                bytes,
                Sha256.of(bytes),
                "system",
                micros(at),
                note,
                true));
      } catch (SQLException e) {
        if (!DUPLICATE_KEY.equals(e.getSQLState())) {
          throw new StoreException("cannot seed the " + kind.slug() + " rule set", e);
        }
        // Another process seeded it first.
      }
    }
    return active(kind)
        .orElseThrow(
            () ->
                new StoreException(
                    "the "
                        + kind.slug()
                        + " rule sets are stored but none is active: activate one"));
  }

  private static void insert(Connection c, StoredRuleSet r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO rule_set_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.kind().name());
      ps.setInt(2, r.version());
      ps.setString(3, r.fileVersion());
      ps.setString(4, r.sha256().hex());
      ps.setBytes(5, r.bytes());
      ps.setString(6, r.submittedBy());
      ps.setObject(7, r.submittedAt().atOffset(ZoneOffset.UTC));
      ps.setString(8, r.note());
      ps.setBoolean(9, r.active());
      ps.executeUpdate();
    }
  }

  private List<StoredRuleSet> query(
      String sql, RuleKind kind, @Nullable Integer version, String failure) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, kind.name());
      if (version != null) {
        ps.setInt(2, version);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<StoredRuleSet> out = new ArrayList<>();
        while (rs.next()) {
          out.add(
              new StoredRuleSet(
                  RuleKind.valueOf(rs.getString(1)),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getBytes(5),
                  new Sha256(rs.getString(4).strip()),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class).toInstant(),
                  rs.getString(8),
                  rs.getBoolean(9)));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException(failure, e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
