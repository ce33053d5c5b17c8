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
import org.tiptrace.ip.InstalledDataSet;
import org.tiptrace.ip.IpDataKind;
import org.tiptrace.ip.IpDataRepository;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.Sha256;

/**
 * {@link IpDataRepository} over the V9 table {@code ip_data_set}; the same SQL runs on H2 2.x and
 * PostgreSQL. An install is one transaction (delete by name, insert), so a reader sees the old set
 * or the new one, never neither.
 */
public final class JdbcIpDataRepository implements IpDataRepository {
  private static final String COLUMNS =
      "name, kind, detail, source_file, sha256, size_bytes, build, imported_at";

  private final DataSource dataSource;

  public JdbcIpDataRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public void install(InstalledDataSet set, byte[] bytes) {
    if (!Sha256.of(bytes).equals(set.sha256()) || bytes.length != set.size()) {
      throw new IllegalArgumentException(
          set.name() + ": the bytes are not those the record describes");
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ip_data_set WHERE name = ?")) {
          ps.setString(1, set.name());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO ip_data_set ("
                    + COLUMNS
                    + ", bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, set.name());
          ps.setString(2, set.kind().name());
          ps.setString(3, set.detail());
          ps.setString(4, set.sourceFile());
          ps.setString(5, set.sha256().hex());
          ps.setLong(6, set.size());
          ps.setObject(7, utc(set.build()));
          ps.setObject(8, utc(set.importedAt()));
          ps.setBytes(9, bytes);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot install IP data set " + set.name(), e);
    }
  }

  @Override
  public List<InstalledDataSet> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM ip_data_set ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      List<InstalledDataSet> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new InstalledDataSet(
                rs.getString(1),
                IpDataKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                new Sha256(rs.getString(5)),
                rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getObject(8, OffsetDateTime.class).toInstant()));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list IP data sets", e);
    }
  }

  @Override
  public boolean remove(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM ip_data_set WHERE name = ?")) {
      ps.setString(1, name);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot remove IP data set " + name, e);
    }
  }

  @Override
  public Optional<byte[]> bytes(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT bytes FROM ip_data_set WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read IP data set " + name, e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
