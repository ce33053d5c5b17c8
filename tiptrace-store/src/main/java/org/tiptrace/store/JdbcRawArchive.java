package org.tiptrace.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.ArchivedDocument;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipJson;

/**
 * The raw archive in table {@code raw_document}: bytes exactly as received, keyed by (agency,
 * SHA-256), with their processing status and problems (JSON).
 *
 * <p>Idempotent store: an insert that hits the primary key (a concurrent or earlier store of the
 * same bytes) returns the entry already there. Each store is its own auto-committed statement, so
 * it is durable when it returns.
 */
public final class JdbcRawArchive implements RawArchive {
  /** Largest page {@link #list} returns. */
  public static final int MAX_LIST = 10_000;

  private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};
  private static final String COLUMNS =
      "sha256, agency, source_name, size, received_at, status, problems";

  private final DataSource ds;

  public JdbcRawArchive(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public ArchivedDocument store(
      AgencyId agency, Sha256 sha256, String sourceName, byte[] bytes, Instant receivedAt) {
    Sha256 actual = Sha256.of(bytes);
    if (!actual.equals(sha256)) {
      throw new IllegalArgumentException(
          "digest "
              + sha256
              + " given for '"
              + sourceName
              + "' does not match its bytes (SHA-256 "
              + actual
              + ")");
    }
    Optional<ArchivedDocument> existing = find(agency, sha256);
    if (existing.isPresent()) {
      return existing.get();
    }
    ArchivedDocument doc =
        new ArchivedDocument(
            sha256,
            agency,
            sourceName,
            bytes.length,
            Jdbc.stored(receivedAt),
            ArchiveStatus.RECEIVED,
            List.of());
    try {
      Jdbc.autoCommit(
          ds,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO raw_document ("
                        + COLUMNS
                        + ", bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setString(1, sha256.hex());
              ps.setString(2, agency.code());
              ps.setString(3, sourceName);
              ps.setLong(4, bytes.length);
              Jdbc.setInstant(ps, 5, receivedAt);
              ps.setString(6, ArchiveStatus.RECEIVED.name());
              ps.setString(7, "[]");
              ps.setBytes(8, bytes);
              return ps.executeUpdate();
            }
          });
      return doc;
    } catch (SQLException e) {
      if (Jdbc.isDuplicateKey(e)) {
        // Another caller stored the same bytes between our look-up and our insert.
        return find(agency, sha256)
            .orElseThrow(
                () ->
                    new StoreException(
                        "raw archive: duplicate key for agency "
                            + agency
                            + " document "
                            + sha256
                            + " but no such row",
                        e));
      }
      throw new StoreException(
          "raw archive: cannot store document " + sha256 + " of agency " + agency, e);
    }
  }

  @Override
  public void recordOutcome(
      AgencyId agency, Sha256 sha256, ArchiveStatus status, List<Problem> problems) {
    String json = writeProblems(problems);
    int updated;
    try {
      updated =
          Jdbc.autoCommit(
              ds,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE raw_document SET status = ?, problems = ?"
                            + " WHERE agency = ? AND sha256 = ?")) {
                  ps.setString(1, status.name());
                  ps.setString(2, json);
                  ps.setString(3, agency.code());
                  ps.setString(4, sha256.hex());
                  return ps.executeUpdate();
                }
              });
    } catch (SQLException e) {
      throw new StoreException(
          "raw archive: cannot record " + status + " for document " + sha256 + " of " + agency, e);
    }
    if (updated == 0) {
      throw new NoSuchElementException(
          "raw archive: agency " + agency + " has no document " + sha256);
    }
  }

  @Override
  public Optional<ArchivedDocument> find(AgencyId agency, Sha256 sha256) {
    try {
      return Jdbc.autoCommit(
          ds,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM raw_document WHERE agency = ? AND sha256 = ?")) {
              ps.setString(1, agency.code());
              ps.setString(2, sha256.hex());
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<ArchivedDocument>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "raw archive: cannot read document " + sha256 + " of agency " + agency, e);
    }
  }

  @Override
  public Optional<byte[]> bytes(AgencyId agency, Sha256 sha256) {
    try {
      return Jdbc.autoCommit(
          ds,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT bytes FROM raw_document WHERE agency = ? AND sha256 = ?")) {
              ps.setString(1, agency.code());
              ps.setString(2, sha256.hex());
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "raw archive: cannot read the bytes of document " + sha256 + " of agency " + agency, e);
    }
  }

  @Override
  public List<ArchivedDocument> list(AgencyId agency, ArchiveStatus status, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIST + ", was " + limit);
    }
    try {
      return Jdbc.autoCommit(
          ds,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + COLUMNS
                        + " FROM raw_document WHERE agency = ? AND status = ?"
                        + " ORDER BY received_at DESC, sha256 DESC LIMIT ?")) {
              ps.setString(1, agency.code());
              ps.setString(2, status.name());
              ps.setInt(3, limit);
              List<ArchivedDocument> out = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(read(rs));
                }
              }
              return out;
            }
          });
    } catch (SQLException e) {
      throw new StoreException(
          "raw archive: cannot list " + status + " documents of agency " + agency, e);
    }
  }

  private static ArchivedDocument read(ResultSet rs) throws SQLException {
    return new ArchivedDocument(
        new Sha256(rs.getString("sha256")),
        new AgencyId(rs.getString("agency")),
        rs.getString("source_name"),
        rs.getLong("size"),
        Jdbc.getInstant(rs, "received_at"),
        ArchiveStatus.valueOf(rs.getString("status")),
        readProblems(rs.getString("problems")));
  }

  private static String writeProblems(List<Problem> problems) {
    try {
      return TipJson.mapper().writerFor(PROBLEMS).writeValueAsString(problems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("problems cannot be written as JSON", e);
    }
  }

  private static List<Problem> readProblems(String json) throws SQLException {
    try {
      return TipJson.mapper().readValue(json, PROBLEMS);
    } catch (JsonProcessingException e) {
      throw new SQLException("raw_document.problems is not a JSON list of problems: " + e, e);
    }
  }
}
