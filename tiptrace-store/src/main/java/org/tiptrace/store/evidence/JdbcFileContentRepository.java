package org.tiptrace.store.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.evidence.ContentSource;
import org.tiptrace.evidence.FileContent;
import org.tiptrace.evidence.FileContentRepository;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.TipId;

/**
 * {@link FileContentRepository} over {@code evidence_file_content}. The bytes must already be in
 * the raw archive (a foreign key makes sure). One content per file: attaching other bytes to a file
 * that has some is a {@link AttachOutcome#CONFLICT}, never a replacement.
 */
public final class JdbcFileContentRepository implements FileContentRepository {
  private final DataSource dataSource;

  public JdbcFileContentRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public AttachOutcome attach(
      AgencyId agency,
      TipId tip,
      FileRef file,
      Sha256 sha256,
      long size,
      String attachedBy,
      Instant attachedAt) {
    try {
      return EvidenceSql.inTransaction(
          dataSource,
          c -> {
            if (!EvidenceSql.lockTip(c, agency, tip)) {
              return AttachOutcome.NO_SUCH_TIP;
            }
            Optional<FileContent> existing = find(c, agency, tip, file);
            if (existing.isPresent()) {
              return existing.get().sha256().equals(sha256)
                  ? AttachOutcome.ALREADY_ATTACHED
                  : AttachOutcome.CONFLICT;
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO evidence_file_content (agency, tip_id, file_ref, sha256, size,"
                        + " attached_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
              ps.setString(1, agency.code());
              ps.setLong(2, tip.value());
              ps.setString(3, file.value());
              ps.setString(4, sha256.hex());
              ps.setLong(5, size);
              ps.setString(6, attachedBy);
              ps.setObject(7, EvidenceSql.utc(attachedAt));
              ps.executeUpdate();
            }
            return AttachOutcome.ATTACHED;
          });
    } catch (SQLException e) {
      throw new StoreException("cannot attach content to file " + file + " of tip " + tip, e);
    }
  }

  @Override
  public Optional<FileContent> find(AgencyId agency, TipId tip, FileRef file) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, agency, tip, file);
    } catch (SQLException e) {
      throw new StoreException("cannot read the content of file " + file + " of tip " + tip, e);
    }
  }

  private static Optional<FileContent> find(Connection c, AgencyId agency, TipId tip, FileRef file)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sha256, size, attached_by, attached_at FROM evidence_file_content"
                + " WHERE agency = ? AND tip_id = ? AND file_ref = ?")) {
      ps.setString(1, agency.code());
      ps.setLong(2, tip.value());
      ps.setString(3, file.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new FileContent(
                file,
                new Sha256(rs.getString("sha256")),
                rs.getLong("size"),
                ContentSource.ATTACHED,
                Optional.of(rs.getString("attached_by")),
                Optional.of(EvidenceSql.instant(rs, "attached_at"))));
      }
    }
  }
}
