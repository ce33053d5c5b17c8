package org.tiptrace.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.evidence.Warrant;
import org.tiptrace.evidence.WarrantId;
import org.tiptrace.evidence.WarrantRepository;
import org.tiptrace.evidence.WarrantRequest;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * {@link WarrantRepository} over {@code evidence_warrant} and {@code evidence_warrant_file}. A
 * warrant and its files are inserted in one transaction that first locks the agency's tip row.
 */
public final class JdbcWarrantRepository implements WarrantRepository {
  private final DataSource dataSource;

  public JdbcWarrantRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Optional<Warrant> record(
      AgencyId agency, TipId tip, WarrantRequest request, String recordedBy, Instant recordedAt) {
    try {
      return EvidenceSql.inTransaction(
          dataSource,
          c -> {
            if (!EvidenceSql.lockTip(c, agency, tip)) {
              return Optional.empty();
            }
            long id = insert(c, agency, tip, request, recordedBy, recordedAt);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO evidence_warrant_file (warrant_id, file_ref) VALUES (?, ?)")) {
              for (FileRef f : request.files()) {
                ps.setLong(1, id);
                ps.setString(2, f.value());
                ps.addBatch();
              }
              ps.executeBatch();
            }
            return Optional.of(
                new Warrant(
                    new WarrantId(id),
                    agency,
                    tip,
                    request.number(),
                    request.court(),
                    request.issuedOn(),
                    request.files(),
                    recordedBy,
                    EvidenceSql.utc(recordedAt).toInstant()));
          });
    } catch (SQLException e) {
      throw new StoreException("cannot record a warrant for tip " + tip, e);
    }
  }

  private static long insert(
      Connection c,
      AgencyId agency,
      TipId tip,
      WarrantRequest request,
      String recordedBy,
      Instant recordedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO evidence_warrant (agency, tip_id, warrant_number, court, issued_on,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setString(1, agency.code());
      ps.setLong(2, tip.value());
      ps.setString(3, request.number());
      ps.setString(4, request.court());
      ps.setObject(5, request.issuedOn());
      ps.setString(6, recordedBy);
      ps.setObject(7, EvidenceSql.utc(recordedAt));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated for the warrant");
        }
        return keys.getLong(1);
      }
    }
  }

  @Override
  public List<Warrant> forTip(AgencyId agency, TipId tip) {
    String sql =
        "SELECT w.id, w.warrant_number, w.court, w.issued_on, w.recorded_by, w.recorded_at,"
            + " f.file_ref FROM evidence_warrant w"
            + " JOIN evidence_warrant_file f ON f.warrant_id = w.id"
            + " WHERE w.agency = ? AND w.tip_id = ? ORDER BY w.id, f.file_ref";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, agency.code());
      ps.setLong(2, tip.value());
      Map<Long, Row> rows = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          Row row = rows.get(id);
          if (row == null) {
            row =
                new Row(
                    id,
                    rs.getString("warrant_number"),
                    rs.getString("court"),
                    rs.getObject("issued_on", LocalDate.class),
                    rs.getString("recorded_by"),
                    EvidenceSql.instant(rs, "recorded_at"),
                    new TreeSet<>());
            rows.put(id, row);
          }
          row.files().add(new FileRef(rs.getString("file_ref")));
        }
      }
      List<Warrant> out = new ArrayList<>(rows.size());
      for (Row r : rows.values()) {
        out.add(
            new Warrant(
                new WarrantId(r.id()),
                agency,
                tip,
                r.number(),
                r.court(),
                r.issuedOn(),
                r.files(),
                r.recordedBy(),
                r.recordedAt()));
      }
      return List.copyOf(out);
    } catch (SQLException e) {
      throw new StoreException("cannot read the warrants of tip " + tip, e);
    }
  }

  private record Row(
      long id,
      String number,
      String court,
      LocalDate issuedOn,
      String recordedBy,
      Instant recordedAt,
      TreeSet<FileRef> files) {}
}
