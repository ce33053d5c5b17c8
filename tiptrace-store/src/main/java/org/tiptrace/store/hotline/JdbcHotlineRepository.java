package org.tiptrace.store.hotline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.intake.hotline.FileInfoDocument;
import org.tiptrace.intake.hotline.HotlineFile;
import org.tiptrace.intake.hotline.HotlineReport;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.intake.hotline.Platform;
import org.tiptrace.intake.hotline.ReportState;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * {@link HotlineRepository} in plain JDBC over the V2 tables; the same SQL runs on H2 2.x and
 * PostgreSQL 15.
 *
 * <p>Every change is one transaction that starts with a guarded {@code UPDATE hotline_report ...
 * WHERE id = ? AND state = ? AND version = ?}: zero rows means another request moved the report on,
 * and the transaction is rolled back. Under READ COMMITTED (both databases' default) the guard
 * re-checks a row another transaction just committed, so two writers cannot both win.
 */
public final class JdbcHotlineRepository implements HotlineRepository {
  private static final String REPORT_COLUMNS =
      "id, platform, agency, state, opened_at, last_change_at, version, report_sha256, tip_id,"
          + " closed_at";
  private static final String FILE_COLUMNS =
      "report_id, file_id, file_name, size_bytes, md5, sha1, sha256, uploaded_at";

  private final DataSource dataSource;

  public JdbcHotlineRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public HotlineReport open(Platform platform, byte[] reportXml, Instant openedAt) {
    String sql =
        "INSERT INTO hotline_report (platform, agency, state, opened_at, last_change_at,"
            + " expires_at, version, report_sha256, report_xml) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)";
    Sha256 sha = Sha256.of(reportXml);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setString(1, platform.username());
      ps.setString(2, platform.agency().code());
      ps.setString(3, ReportState.OPEN.name());
      ps.setObject(4, utc(openedAt));
      ps.setObject(5, utc(openedAt));
      ps.setObject(6, utc(deadline(openedAt, openedAt)));
      ps.setString(7, sha.hex());
      ps.setBytes(8, reportXml);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new HotlineStoreException("open: the database returned no report id", null);
        }
        long id = keys.getLong(1);
        return new HotlineReport(
            id,
            platform,
            ReportState.OPEN,
            openedAt,
            openedAt,
            0,
            sha,
            Optional.empty(),
            Optional.empty());
      }
    } catch (SQLException e) {
      throw new HotlineStoreException("open a report for platform " + platform, e);
    }
  }

  @Override
  public Optional<HotlineReport> find(Platform platform, long reportId) {
    String sql =
        "SELECT "
            + REPORT_COLUMNS
            + " FROM hotline_report WHERE id = ? AND platform = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, reportId);
      ps.setString(2, platform.username());
      ps.setString(3, platform.agency().code());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(report(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new HotlineStoreException("find report " + reportId, e);
    }
  }

  @Override
  public byte[] reportXml(HotlineReport report) {
    String sql =
        "SELECT report_xml FROM hotline_report WHERE id = ? AND platform = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, report.id());
      ps.setString(2, report.platform().username());
      ps.setString(3, report.platform().agency().code());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new HotlineStoreException("report " + report.id() + " has no stored XML", null);
        }
        return rs.getBytes(1);
      }
    } catch (SQLException e) {
      throw new HotlineStoreException("read the XML of report " + report.id(), e);
    }
  }

  @Override
  public List<HotlineFile> files(HotlineReport report) {
    String sql = "SELECT " + FILE_COLUMNS + " FROM hotline_file WHERE report_id = ? ORDER BY seq";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, report.id());
      List<HotlineFile> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new HotlineFile(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  new Sha256(rs.getString(7)),
                  instant(rs, 8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new HotlineStoreException("list the files of report " + report.id(), e);
    }
  }

  @Override
  public List<FileInfoDocument> fileInfos(HotlineReport report) {
    String sql =
        "SELECT i.report_id, i.file_id, i.xml, i.sha256, i.received_at FROM hotline_file_info i"
            + " JOIN hotline_file f ON f.file_id = i.file_id WHERE i.report_id = ? ORDER BY f.seq";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, report.id());
      List<FileInfoDocument> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new FileInfoDocument(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getBytes(3),
                  new Sha256(rs.getString(4)),
                  instant(rs, 5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new HotlineStoreException("list the fileinfo of report " + report.id(), e);
    }
  }

  @Override
  public AddFileResult addFile(HotlineReport report, HotlineFile file, int maxFiles) {
    if (file.reportId() != report.id()) {
      throw new IllegalArgumentException(
          "file of report " + file.reportId() + " added to report " + report.id());
    }
    AddFileResult[] result = {AddFileResult.NOT_OPEN};
    inTransaction(
        "add a file to report " + report.id(),
        c -> {
          if (!touchOpen(c, report, file.uploadedAt())) {
            return false;
          }
          // The row lock taken by touchOpen serialises additions to this report, so the count
          // and the next position are exact.
          int count;
          int seq;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM hotline_file WHERE report_id = ?")) {
            ps.setLong(1, report.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              count = rs.getInt(1);
              seq = rs.getInt(2) + 1;
            }
          }
          if (count >= maxFiles) {
            result[0] = AddFileResult.FULL;
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO hotline_file ("
                      + FILE_COLUMNS
                      + ", seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, file.reportId());
            ps.setString(2, file.fileId());
            ps.setString(3, file.fileName());
            ps.setLong(4, file.size());
            ps.setString(5, file.md5());
            ps.setString(6, file.sha1());
            ps.setString(7, file.sha256().hex());
            ps.setObject(8, utc(file.uploadedAt()));
            ps.setInt(9, seq);
            ps.executeUpdate();
          }
          result[0] = AddFileResult.ADDED;
          return true;
        });
    return result[0];
  }

  @Override
  public boolean putFileInfo(HotlineReport report, FileInfoDocument info) {
    if (info.reportId() != report.id()) {
      throw new IllegalArgumentException(
          "fileinfo of report " + info.reportId() + " put on report " + report.id());
    }
    return inTransaction(
        "store fileinfo for report " + report.id(),
        c -> {
          if (!touchOpen(c, report, info.receivedAt())) {
            return false;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM hotline_file WHERE file_id = ? AND report_id = ?")) {
            ps.setString(1, info.fileId());
            ps.setLong(2, info.reportId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalArgumentException(
                    "report " + info.reportId() + " has no file " + info.fileId());
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM hotline_file_info WHERE file_id = ?")) {
            ps.setString(1, info.fileId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO hotline_file_info (file_id, report_id, xml, sha256, received_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, info.fileId());
            ps.setLong(2, info.reportId());
            ps.setBytes(3, info.xml());
            ps.setString(4, info.sha256().hex());
            ps.setObject(5, utc(info.receivedAt()));
            ps.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public boolean transition(HotlineReport expected, ReportState to, Instant at) {
    String sql =
        to == ReportState.OPEN
            ? "UPDATE hotline_report SET state = ?, version = version + 1, closed_at = NULL,"
                + " last_change_at = ?, expires_at = ?"
                + " WHERE id = ? AND state = ? AND version = ?"
            : "UPDATE hotline_report SET state = ?, version = version + 1,"
                + " closed_at = COALESCE(closed_at, ?)"
                + " WHERE id = ? AND state = ? AND version = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, to.name());
      ps.setObject(i++, utc(at));
      if (to == ReportState.OPEN) {
        ps.setObject(i++, utc(deadline(expected.openedAt(), at)));
      }
      ps.setLong(i++, expected.id());
      ps.setString(i++, expected.state().name());
      ps.setLong(i, expected.version());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new HotlineStoreException(
          "move report " + expected.id() + " from " + expected.state() + " to " + to, e);
    }
  }

  @Override
  public boolean finished(HotlineReport expected, TipId tip, Instant at) {
    if (expected.state() != ReportState.FINISHING) {
      return false;
    }
    String sql =
        "UPDATE hotline_report SET state = 'FINISHED', tip_id = ?, version = version + 1,"
            + " closed_at = COALESCE(closed_at, ?)"
            + " WHERE id = ? AND state = 'FINISHING' AND version = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tip.value());
      ps.setObject(2, utc(at));
      ps.setLong(3, expected.id());
      ps.setLong(4, expected.version());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new HotlineStoreException("mark report " + expected.id() + " finished", e);
    }
  }

  @Override
  public List<HotlineReport> inState(ReportState state, int limit) {
    return list(
        "SELECT "
            + REPORT_COLUMNS
            + " FROM hotline_report WHERE state = ? ORDER BY opened_at, id"
            + " FETCH FIRST ? ROWS ONLY",
        ps -> {
          ps.setString(1, state.name());
          ps.setInt(2, limit);
        },
        "list " + state + " reports");
  }

  @Override
  public List<HotlineReport> openExpiredAt(Instant now, int limit) {
    return list(
        "SELECT "
            + REPORT_COLUMNS
            + " FROM hotline_report WHERE state = 'OPEN' AND expires_at <= ?"
            + " ORDER BY opened_at, id FETCH FIRST ? ROWS ONLY",
        ps -> {
          ps.setObject(1, utc(now));
          ps.setInt(2, limit);
        },
        "list expired reports");
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The first statement of every addition: bumps the version and moves the last change (and the
   * deadline) forward, if the report is still OPEN. Locks the report row until commit.
   */
  private static boolean touchOpen(Connection c, HotlineReport report, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE hotline_report SET version = version + 1,"
                + " last_change_at = CASE WHEN last_change_at < ? THEN ? ELSE last_change_at END,"
                + " expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END"
                + " WHERE id = ? AND state = 'OPEN'")) {
      OffsetDateTime when = utc(at);
      OffsetDateTime deadline = utc(deadline(report.openedAt(), at));
      ps.setObject(1, when);
      ps.setObject(2, when);
      ps.setObject(3, deadline);
      ps.setObject(4, deadline);
      ps.setLong(5, report.id());
      return ps.executeUpdate() == 1;
    }
  }

  /** Same rule as {@link HotlineReport#expiresAt()}, stored for the sweep's index. */
  private static Instant deadline(Instant openedAt, Instant lastChangeAt) {
    Instant byAge = openedAt.plus(HotlineReport.OPEN_LIFETIME);
    Instant byIdle = lastChangeAt.plus(HotlineReport.IDLE_LIFETIME);
    return byAge.isAfter(byIdle) ? byAge : byIdle;
  }

  private interface Work {
    boolean run(Connection c) throws SQLException;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean inTransaction(String what, Work work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        boolean done = work.run(c);
        if (done) {
          c.commit();
        } else {
          c.rollback();
        }
        return done;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new HotlineStoreException(what, e);
    }
  }

  private List<HotlineReport> list(String sql, Binder binder, String what) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<HotlineReport> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(report(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new HotlineStoreException(what, e);
    }
  }

  private static HotlineReport report(ResultSet rs) throws SQLException {
    long tip = rs.getLong(9);
    Optional<TipId> tipId = rs.wasNull() ? Optional.empty() : Optional.of(new TipId(tip));
    OffsetDateTime closed = rs.getObject(10, OffsetDateTime.class);
    return new HotlineReport(
        rs.getLong(1),
        new Platform(rs.getString(2), new AgencyId(rs.getString(3))),
        ReportState.valueOf(rs.getString(4)),
        instant(rs, 5),
        instant(rs, 6),
        rs.getLong(7),
        new Sha256(rs.getString(8)),
        tipId,
        Optional.ofNullable(closed).map(OffsetDateTime::toInstant));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
