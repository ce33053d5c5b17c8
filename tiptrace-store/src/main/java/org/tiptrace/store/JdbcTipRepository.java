package org.tiptrace.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.IncidentType;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TipQuery;
import org.tiptrace.tip.TipRepository;
import org.tiptrace.tip.TipSummary;

/**
 * Tips in table {@code tip} (summary columns plus the report's canonical JSON), their documents in
 * {@code tip_document}, and the projections {@code tip_file_hash} and {@code tip_ip_event}.
 *
 * <p>Idempotency rests on the unique key {@code tip_document (agency, sha256)}: whichever writer
 * inserts it first wins, the other's insert fails with SQLState 23505, its whole transaction is
 * rolled back (on PostgreSQL a failed statement aborts the transaction, so nothing else could be
 * done in it) and it reads the winner's tip in a fresh one. {@link #attachFile} locks the tip row
 * ({@code SELECT … FOR UPDATE}) so two files attached to one tip never overwrite each other's
 * document.
 */
public final class JdbcTipRepository implements TipRepository {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTipRepository.class);

  /**
   * How often a writer that lost a race re-reads and retries. Losing twice needs the winner to roll
   * back after committing its key, which does not happen; the bound only keeps a bug from looping.
   */
  private static final int MAX_ATTEMPTS = 5;

  private static final String TIP_COLUMNS = "t.id, t.agency, t.source_sha256, t.received_at";

  private final DataSource ds;

  public JdbcTipRepository(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public Stored insertIfAbsent(AgencyId agency, Sha256 source, Instant receivedAt, Report report) {
    String document = TipJson.write(report);
    SQLException lastDuplicate = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Tip> existing = findBySource(agency, source);
      if (existing.isPresent()) {
        return new Stored(existing.get(), false);
      }
      try {
        Tip tip =
            Jdbc.inTransaction(ds, c -> insert(c, agency, source, receivedAt, report, document));
        return new Stored(tip, true);
      } catch (SQLException e) {
        if (!Jdbc.isDuplicateKey(e)) {
          throw new StoreException(
              "tips: cannot store the tip of document " + source + " for agency " + agency, e);
        }
        // Lost the race: the next round finds the winner's tip.
        LOG.debug("insert of document {} of {} lost a race (attempt {})", source, agency, attempt);
        lastDuplicate = e;
      }
    }
    throw new StoreException(
        "tips: document "
            + source
            + " of agency "
            + agency
            + " kept colliding without a stored tip after "
            + MAX_ATTEMPTS
            + " attempts",
        lastDuplicate);
  }

  @Override
  public Stored attachFile(AgencyId agency, TipId tipId, Sha256 source, ReportedFile file) {
    SQLException lastDuplicate = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<Tip> existing = findBySource(agency, source);
      if (existing.isPresent()) {
        return new Stored(existing.get(), false);
      }
      try {
        return Jdbc.inTransaction(ds, c -> attach(c, agency, tipId, source, file));
      } catch (SQLException e) {
        if (!Jdbc.isDuplicateKey(e)) {
          throw new StoreException(
              "tips: cannot attach document " + source + " to tip " + tipId + " of " + agency, e);
        }
        LOG.debug("attach of document {} of {} lost a race (attempt {})", source, agency, attempt);
        lastDuplicate = e;
      }
    }
    throw new StoreException(
        "tips: document "
            + source
            + " of agency "
            + agency
            + " kept colliding without a stored tip after "
            + MAX_ATTEMPTS
            + " attempts",
        lastDuplicate);
  }

  @Override
  public Optional<Tip> find(AgencyId agency, TipId id) {
    return query(
        "tips: cannot read tip " + id + " of agency " + agency,
        "SELECT " + TIP_COLUMNS + ", t.document FROM tip t WHERE t.agency = ? AND t.id = ?",
        ps -> {
          ps.setString(1, agency.code());
          ps.setLong(2, id.value());
        });
  }

  @Override
  public java.util.Map<TipId, Tip> findAll(AgencyId agency, java.util.Collection<TipId> ids) {
    java.util.Map<TipId, Tip> out = new java.util.LinkedHashMap<>();
    java.util.List<TipId> all = java.util.List.copyOf(ids);
    try {
      Jdbc.autoCommit(
          ds,
          c -> {
            for (int from = 0; from < all.size(); from += 500) {
              java.util.List<TipId> chunk = all.subList(from, Math.min(all.size(), from + 500));
              String sql =
                  "SELECT "
                      + TIP_COLUMNS
                      + ", t.document FROM tip t WHERE t.agency = ? AND t.id IN ("
                      + "?,".repeat(chunk.size() - 1)
                      + "?)";
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, agency.code());
                for (int i = 0; i < chunk.size(); i++) {
                  ps.setLong(i + 2, chunk.get(i).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    Tip t =
                        new Tip(
                            new TipId(rs.getLong("id")),
                            new AgencyId(rs.getString("agency")),
                            new Sha256(rs.getString("source_sha256")),
                            Jdbc.getInstant(rs, "received_at"),
                            readReport(rs.getLong("id"), rs.getString("document")));
                    out.put(t.id(), t);
                  }
                }
              }
            }
            return null;
          });
      return out;
    } catch (SQLException e) {
      throw new StoreException("tips: cannot read " + all.size() + " tips of agency " + agency, e);
    }
  }

  @Override
  public Optional<Tip> findBySource(AgencyId agency, Sha256 source) {
    return query(
        "tips: cannot look up document " + source + " of agency " + agency,
        "SELECT "
            + TIP_COLUMNS
            + ", t.document FROM tip_document d JOIN tip t ON t.id = d.tip_id"
            + " WHERE d.agency = ? AND d.sha256 = ? AND t.agency = ?",
        ps -> {
          ps.setString(1, agency.code());
          ps.setString(2, source.hex());
          ps.setString(3, agency.code());
        });
  }

  /** When several tips carry the number (e.g. the XML and the JSON of one report), the oldest. */
  @Override
  public Optional<Tip> findByCybertipReportId(AgencyId agency, String cybertipReportId) {
    return query(
        "tips: cannot look up report id '" + cybertipReportId + "' of agency " + agency,
        "SELECT "
            + TIP_COLUMNS
            + ", t.document FROM tip t WHERE t.agency = ? AND t.cybertip_report_id = ?"
            + " ORDER BY t.id LIMIT 1",
        ps -> {
          ps.setString(1, agency.code());
          ps.setString(2, cybertipReportId);
        });
  }

  @Override
  public Page<TipSummary> list(AgencyId agency, TipQuery query) {
    try {
      // One repeatable-read transaction (a snapshot on both databases), so the total and the page
      // come from the same state of the table; the pool restores the isolation level afterwards.
      return Jdbc.inTransaction(
          ds,
          c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long total = count(c, agency);
            List<TipSummary> items = new ArrayList<>();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT id, agency, format, cybertip_report_id, incident_type,"
                        + " incident_time_reported, reporter_name, file_count,"
                        + " reported_user_count, received_at FROM tip WHERE agency = ?"
                        + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?")) {
              ps.setString(1, agency.code());
              ps.setInt(2, query.limit());
              ps.setInt(3, query.offset());
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  items.add(summary(rs));
                }
              }
            }
            return new Page<>(items, total, query.offset(), query.limit());
          });
    } catch (SQLException e) {
      throw new StoreException("tips: cannot list the tips of agency " + agency, e);
    }
  }

  @Override
  public long count(AgencyId agency) {
    try {
      return Jdbc.autoCommit(ds, c -> count(c, agency));
    } catch (SQLException e) {
      throw new StoreException("tips: cannot count the tips of agency " + agency, e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Tip insert(
      Connection c,
      AgencyId agency,
      Sha256 source,
      Instant receivedAt,
      Report report,
      String document)
      throws SQLException {
    // The summary rule lives in TipSummary.of; the id does not take part in it.
    TipSummary s = TipSummary.of(new Tip(new TipId(1), agency, source, receivedAt, report));
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip (agency, format, cybertip_report_id, source_sha256, received_at,"
                + " incident_type, incident_time, incident_time_reported, reporter_name,"
                + " file_count, reported_user_count, document)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setString(1, agency.code());
      ps.setString(2, s.format().name());
      Jdbc.setString(ps, 3, s.cybertipReportId());
      ps.setString(4, source.hex());
      Jdbc.setInstant(ps, 5, receivedAt);
      Jdbc.setString(ps, 6, s.incidentType().map(Enum::name));
      Jdbc.setInstant(ps, 7, s.incidentDateTime().flatMap(ReportedTime::instant));
      Jdbc.setString(ps, 8, s.incidentDateTime().map(TipJson::write));
      Jdbc.setString(ps, 9, s.reporterName());
      ps.setInt(10, s.fileCount());
      ps.setInt(11, s.reportedUserCount());
      ps.setString(12, document);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new tip");
        }
        id = keys.getLong(1);
      }
    }
    TipId tipId = new TipId(id);
    insertDocument(c, agency, source, tipId, "REPORT");
    Projections.insertReport(c, tipId, report);
    return new Tip(tipId, agency, source, Jdbc.stored(receivedAt), report);
  }

  private Stored attach(
      Connection c, AgencyId agency, TipId tipId, Sha256 source, ReportedFile file)
      throws SQLException {
    Tip tip =
        readOne(
                c,
                "SELECT "
                    + TIP_COLUMNS
                    + ", t.document FROM tip t WHERE t.agency = ? AND t.id = ? FOR UPDATE",
                ps -> {
                  ps.setString(1, agency.code());
                  ps.setLong(2, tipId.value());
                })
            .orElseThrow(
                () -> new NoSuchElementException("agency " + agency + " has no tip " + tipId));
    // Checked again under the tip's lock: a concurrent attach of the same source has committed.
    Optional<Tip> owner =
        readOne(
            c,
            "SELECT "
                + TIP_COLUMNS
                + ", t.document FROM tip_document d JOIN tip t ON t.id = d.tip_id"
                + " WHERE d.agency = ? AND d.sha256 = ? AND t.agency = ?",
            ps -> {
              ps.setString(1, agency.code());
              ps.setString(2, source.hex());
              ps.setString(3, agency.code());
            });
    if (owner.isPresent()) {
      return new Stored(owner.get(), false);
    }
    insertDocument(c, agency, source, tipId, "FILE_DETAILS");
    int fileIndex = tip.report().files().size();
    Report updated = tip.report().withFiles(List.of(file));
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE tip SET document = ?, file_count = ? WHERE agency = ? AND id = ?")) {
      ps.setString(1, TipJson.write(updated));
      ps.setInt(2, updated.files().size());
      ps.setString(3, agency.code());
      ps.setLong(4, tipId.value());
      ps.executeUpdate();
    }
    Projections.insertFile(c, tipId, fileIndex, file);
    return new Stored(new Tip(tipId, agency, tip.source(), tip.receivedAt(), updated), true);
  }

  private static void insertDocument(
      Connection c, AgencyId agency, Sha256 source, TipId tipId, String role) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip_document (agency, sha256, tip_id, role) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, agency.code());
      ps.setString(2, source.hex());
      ps.setLong(3, tipId.value());
      ps.setString(4, role);
      ps.executeUpdate();
    }
  }

  private static long count(Connection c, AgencyId agency) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tip WHERE agency = ?")) {
      ps.setString(1, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<Tip> query(String what, String sql, Binder binder) {
    try {
      return Jdbc.autoCommit(ds, c -> readOne(c, sql, binder));
    } catch (SQLException e) {
      throw new StoreException(what, e);
    }
  }

  private static Optional<Tip> readOne(Connection c, String sql, Binder binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Tip(
                new TipId(rs.getLong("id")),
                new AgencyId(rs.getString("agency")),
                new Sha256(rs.getString("source_sha256")),
                Jdbc.getInstant(rs, "received_at"),
                readReport(rs.getLong("id"), rs.getString("document"))));
      }
    }
  }

  private static Report readReport(long id, String json) throws SQLException {
    try {
      return TipJson.mapper().readValue(json, Report.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("tip " + id + ": the stored document is not a report: " + e, e);
    }
  }

  private static TipSummary summary(ResultSet rs) throws SQLException {
    String time = rs.getString("incident_time_reported");
    String incidentType = rs.getString("incident_type");
    ReportedTime incidentTime = null;
    if (time != null) {
      try {
        incidentTime = TipJson.mapper().readValue(time, ReportedTime.class);
      } catch (JsonProcessingException e) {
        throw new SQLException(
            "tip " + rs.getLong("id") + ": incident_time_reported is not a time: " + e, e);
      }
    }
    return new TipSummary(
        new TipId(rs.getLong("id")),
        new AgencyId(rs.getString("agency")),
        SourceFormat.valueOf(rs.getString("format")),
        Optional.ofNullable(rs.getString("cybertip_report_id")),
        Optional.ofNullable(incidentType).map(IncidentType::valueOf),
        Optional.ofNullable(incidentTime),
        Optional.ofNullable(rs.getString("reporter_name")),
        rs.getInt("file_count"),
        rs.getInt("reported_user_count"),
        Jdbc.getInstant(rs, "received_at"));
  }
}
