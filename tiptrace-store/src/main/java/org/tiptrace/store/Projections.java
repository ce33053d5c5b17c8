package org.tiptrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.InternetDetail;
import org.tiptrace.tip.IpCaptureEvent;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.ReportedTime;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.TipId;

/**
 * Writes the query tables derived from a tip's report, in the caller's transaction: {@code
 * tip_file_hash} (every hash of every file) and {@code tip_ip_event} (every IP capture: of files,
 * of users in all three user blocks and their associated accounts, and of peer-to-peer details).
 * They are only ever added to, as tips are inserted and files attached.
 */
final class Projections {
  private Projections() {}

  /** An IP event and the file it belongs to (null: not a file's). */
  private record Located(@Nullable Integer fileIndex, IpCaptureEvent event) {}

  static void insertReport(Connection c, TipId tip, Report report) throws SQLException {
    List<ReportedFile> files = report.files();
    List<Located> events = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      for (IpCaptureEvent e : files.get(i).ipCaptureEvents()) {
        events.add(new Located(i, e));
      }
    }
    for (ReportedUser user : report.allUsers()) {
      user.ipCaptureEvents().forEach(e -> events.add(new Located(null, e)));
      for (AssociatedAccount account : user.associatedAccounts()) {
        account.ipCaptureEvents().forEach(e -> events.add(new Located(null, e)));
      }
    }
    for (InternetDetail detail : report.internetDetails()) {
      if (detail instanceof InternetDetail.PeerToPeer p2p) {
        p2p.ipCaptureEvents().forEach(e -> events.add(new Located(null, e)));
      }
    }
    insertHashes(c, tip, files, 0);
    insertEvents(c, tip, events);
  }

  static void insertFile(Connection c, TipId tip, int fileIndex, ReportedFile file)
      throws SQLException {
    insertHashes(c, tip, List.of(file), fileIndex);
    List<Located> events = new ArrayList<>();
    file.ipCaptureEvents().forEach(e -> events.add(new Located(fileIndex, e)));
    insertEvents(c, tip, events);
  }

  private static void insertHashes(
      Connection c, TipId tip, List<ReportedFile> files, int firstIndex) throws SQLException {
    if (files.stream().allMatch(f -> f.hashes().isEmpty())) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip_file_hash (tip_id, file_index, algorithm, hash_value)"
                + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < files.size(); i++) {
        for (FileHash h : files.get(i).hashes()) {
          ps.setLong(1, tip.value());
          ps.setInt(2, firstIndex + i);
          ps.setString(3, h.algorithm().name());
          ps.setString(4, h.value());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static void insertEvents(Connection c, TipId tip, List<Located> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip_ip_event (tip_id, file_index, ip, port, event_name, event_instant,"
                + " zone_known) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Located l : events) {
        IpCaptureEvent e = l.event();
        ps.setLong(1, tip.value());
        if (l.fileIndex() == null) {
          ps.setNull(2, Types.INTEGER);
        } else {
          ps.setInt(2, l.fileIndex());
        }
        ps.setString(3, e.ipAddress());
        Jdbc.setInt(ps, 4, e.port());
        Jdbc.setString(ps, 5, e.eventName().map(Enum::name));
        Jdbc.setInstant(ps, 6, e.dateTime().flatMap(ReportedTime::instant));
        ps.setBoolean(7, e.dateTime().map(ReportedTime::zoneKnown).orElse(false));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
