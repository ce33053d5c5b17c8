package org.tiptrace.store.hashsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;

/**
 * The V14 table {@code tip_file_computed_hash}: per tip and file, the canonical JSON of the hashes
 * Tiptrace computed from the file's bytes. Reached through {@link JdbcHashSetRepository}.
 */
final class JdbcComputedHashes {
  private final DataSource dataSource;

  JdbcComputedHashes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  boolean replace(
      AgencyId agency, TipId tip, int fileIndex, ComputedHashes hashes, Instant computedAt) {
    if (fileIndex < 0) {
      throw new IllegalArgumentException("file index must not be negative, was " + fileIndex);
    }
    String json = TipJson.write(hashes);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (!tipOf(c, agency, tip)) {
          c.rollback();
          return false;
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM tip_file_computed_hash WHERE tip_id = ? AND file_index = ?")) {
          ps.setLong(1, tip.value());
          ps.setInt(2, fileIndex);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tip_file_computed_hash (tip_id, agency, file_index, content_sha256,"
                    + " pdq_status, computed_at, hashes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, tip.value());
          ps.setString(2, agency.code());
          ps.setInt(3, fileIndex);
          ps.setString(4, hashes.sha256().hex());
          ps.setString(5, hashes.pdq().status().name());
          ps.setObject(6, computedAt.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
          ps.setString(7, json);
          ps.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store computed hashes of tip " + tip, e);
    }
  }

  Map<Integer, ComputedHashes> find(AgencyId agency, TipId tip) {
    String sql =
        "SELECT file_index, hashes FROM tip_file_computed_hash WHERE tip_id = ? AND agency = ?";
    Map<Integer, ComputedHashes> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            out.put(
                rs.getInt(1), TipJson.mapper().readValue(rs.getString(2), ComputedHashes.class));
          } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                "unreadable computed hashes of tip " + tip + " file " + rs.getInt(1), e);
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read computed hashes of tip " + tip, e);
    }
  }

  /** The computed hashes of many tips, by tip; tips without any are left out. */
  java.util.Map<org.tiptrace.hash.sets.HashSetRepository.TipRef, Map<Integer, ComputedHashes>>
      findAll(java.util.Collection<org.tiptrace.hash.sets.HashSetRepository.TipRef> tips) {
    java.util.Map<Long, org.tiptrace.hash.sets.HashSetRepository.TipRef> byId =
        new java.util.HashMap<>();
    tips.forEach(t -> byId.put(t.tip().value(), t));
    java.util.Map<org.tiptrace.hash.sets.HashSetRepository.TipRef, Map<Integer, ComputedHashes>>
        out = new java.util.HashMap<>();
    java.util.List<Long> ids = java.util.List.copyOf(byId.keySet());
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += 500) {
        java.util.List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        String sql =
            "SELECT tip_id, agency, file_index, hashes FROM tip_file_computed_hash"
                + " WHERE tip_id IN ("
                + "?,".repeat(chunk.size() - 1)
                + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              var ref = byId.get(rs.getLong(1));
              if (!ref.agency().code().equals(rs.getString(2))) {
                continue;
              }
              try {
                out.computeIfAbsent(ref, r -> new TreeMap<>())
                    .put(
                        rs.getInt(3),
                        TipJson.mapper().readValue(rs.getString(4), ComputedHashes.class));
              } catch (JsonProcessingException e) {
                throw new UncheckedIOException(
                    "unreadable computed hashes of tip " + ref.tip() + " file " + rs.getInt(3), e);
              }
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the computed hashes of " + tips.size() + " tips", e);
    }
  }

  /** Locks the agency's tip row, so a concurrent delete or another agency cannot interleave. */
  private static boolean tipOf(Connection c, AgencyId agency, TipId tip) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM tip WHERE id = ? AND agency = ? FOR UPDATE")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
