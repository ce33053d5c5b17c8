package org.tiptrace.store.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.tiptrace.account.OidcLink;
import org.tiptrace.account.OidcLinkRepository;
import org.tiptrace.store.StoreException;

/**
 * {@link OidcLinkRepository} in plain JDBC over the V15 table {@code account_oidc_link}; the same
 * SQL on H2 and PostgreSQL. Both rules (one account per identity, one identity per account and
 * issuer) are unique keys, so two concurrent links cannot both win: the loser's insert fails with
 * SQLState 23505 and is answered from the row that won.
 */
public final class JdbcOidcLinkRepository implements OidcLinkRepository {
  private static final String SELECT =
      "SELECT l.issuer, l.subject, u.username, l.linked_at, l.linked_by"
          + " FROM account_oidc_link l JOIN account_user u ON u.username_key = l.username_key";

  private final DataSource dataSource;

  public JdbcOidcLinkRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  @Override
  public LinkOutcome link(OidcLink link) {
    try (Connection c = dataSource.getConnection()) {
      Optional<LinkOutcome> refused = refusal(c, link);
      if (refused.isPresent()) {
        return refused.get();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO account_oidc_link (issuer, subject, username_key, linked_at, linked_by)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, link.issuer());
        ps.setString(2, link.subject());
        ps.setString(3, key(link.username()));
        ps.setObject(4, link.linkedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        ps.setString(5, link.linkedBy());
        ps.executeUpdate();
        return LinkOutcome.LINKED;
      } catch (SQLException e) {
        if ("23505".equals(e.getSQLState())) {
          return refusal(c, link).orElseThrow(() -> e);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot link " + link.issuer() + " subject " + link.subject() + " to " + link.username(),
          e);
    }
  }

  /** Why {@code link} cannot be inserted, or empty when it can. */
  private static Optional<LinkOutcome> refusal(Connection c, OidcLink link) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM account_user WHERE username_key = ?")) {
      ps.setString(1, key(link.username()));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.of(LinkOutcome.NO_SUCH_ACCOUNT);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT username_key FROM account_oidc_link WHERE issuer = ? AND subject = ?")) {
      ps.setString(1, link.issuer());
      ps.setString(2, link.subject());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return Optional.of(
              rs.getString(1).equals(key(link.username()))
                  ? LinkOutcome.ALREADY_LINKED
                  : LinkOutcome.IDENTITY_TAKEN);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM account_oidc_link WHERE username_key = ? AND issuer = ?")) {
      ps.setString(1, key(link.username()));
      ps.setString(2, link.issuer());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return Optional.of(LinkOutcome.ACCOUNT_HAS_OTHER_SUBJECT);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<OidcLink> find(String issuer, String subject) {
    List<OidcLink> found = query(SELECT + " WHERE l.issuer = ? AND l.subject = ?", issuer, subject);
    return found.stream().findFirst();
  }

  @Override
  public List<OidcLink> links(String username) {
    return query(SELECT + " WHERE l.username_key = ? ORDER BY l.issuer", key(username));
  }

  @Override
  public boolean unlink(String username, String issuer) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM account_oidc_link WHERE username_key = ? AND issuer = ?")) {
      ps.setString(1, key(username));
      ps.setString(2, issuer);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot unlink " + username + " from " + issuer, e);
    }
  }

  private List<OidcLink> query(String sql, String... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      List<OidcLink> links = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          links.add(
              new OidcLink(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class).toInstant(),
                  rs.getString(5)));
        }
      }
      return links;
    } catch (SQLException e) {
      throw new StoreException("cannot read OIDC links", e);
    }
  }
}
