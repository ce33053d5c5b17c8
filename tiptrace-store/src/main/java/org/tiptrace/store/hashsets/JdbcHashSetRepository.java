package org.tiptrace.store.hashsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.tiptrace.hash.content.ComputedHashes;
import org.tiptrace.hash.sets.Digest;
import org.tiptrace.hash.sets.DigestAlgorithm;
import org.tiptrace.hash.sets.EntryFingerprint;
import org.tiptrace.hash.sets.HashEntry;
import org.tiptrace.hash.sets.HashEntrySink;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadSummary;
import org.tiptrace.hash.sets.SetIndexCache;
import org.tiptrace.hash.sets.StoredEntry;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.TipHashMatches;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.TriState;

/**
 * {@link HashSetRepository} in plain JDBC over the V5 tables; the same SQL runs on H2 2.x and
 * PostgreSQL. An import is one transaction on one connection: the old set of the same name is
 * deleted (its entries cascade), the new set row inserted, the entries streamed in as the reader
 * produces them ({@link EntryWriter}: one {@code COPY} on PostgreSQL, JDBC batches elsewhere), and
 * the count written last; a reader error rolls it all back, so a set is never half imported and a
 * replaced set stays until its successor is complete (decision 0013). On PostgreSQL the entries are
 * copied into a temporary table and inserted sorted by digest ({@link PgSortedEntryWriter},
 * decision 0019). The import records an {@link EntryFingerprint} of the entries, against which the
 * {@link #indexCache()} checks its files.
 */
public final class JdbcHashSetRepository implements HashSetRepository {
  /** How entries reach {@code hash_entry} on PostgreSQL. */
  public enum PostgresLoad {
    /** COPY into a temporary table, then one INSERT sorted by (algorithm, digest). */
    SORTED,
    /** COPY straight into {@code hash_entry} (decision 0013; kept for the benchmark). */
    DIRECT
  }

  private static final String SET_COLUMNS =
      "id, name, version, source, licence, category_scheme, kind, enabled, format, file_sha256,"
          + " file_version, entry_count, imported_at, category_map, content_fingerprint";

  private final DataSource dataSource;
  private final JdbcComputedHashes computed;
  private final VicsCategoryMap categoryMap;
  private final SetIndexCache indexCache;
  private final PostgresLoad postgresLoad;

  public JdbcHashSetRepository(DataSource dataSource) {
    this(dataSource, VicsCategoryMap.bundled());
  }

  /**
   * @param categoryMap the VICS category map whose version each import of a set it applies to
   *     records
   */
  public JdbcHashSetRepository(DataSource dataSource, VicsCategoryMap categoryMap) {
    this(dataSource, categoryMap, SetIndexCache.NONE, PostgresLoad.SORTED);
  }

  private JdbcHashSetRepository(
      DataSource dataSource,
      VicsCategoryMap categoryMap,
      SetIndexCache indexCache,
      PostgresLoad postgresLoad) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.computed = new JdbcComputedHashes(dataSource);
    this.categoryMap = Objects.requireNonNull(categoryMap, "categoryMap");
    this.indexCache = Objects.requireNonNull(indexCache, "indexCache");
    this.postgresLoad = Objects.requireNonNull(postgresLoad, "postgresLoad");
  }

  /** The same store, whose matchers keep their built set indexes in {@code cache}. */
  public JdbcHashSetRepository withIndexCache(SetIndexCache cache) {
    return new JdbcHashSetRepository(dataSource, categoryMap, cache, postgresLoad);
  }

  /** The same store, importing into PostgreSQL the given way. */
  public JdbcHashSetRepository withPostgresLoad(PostgresLoad load) {
    return new JdbcHashSetRepository(dataSource, categoryMap, indexCache, load);
  }

  @Override
  public SetIndexCache indexCache() {
    return indexCache;
  }

  @Override
  public Imported importSet(
      HashSetInfo info,
      HashSetFormat format,
      String fileSha256,
      Instant importedAt,
      EntrySource source)
      throws IOException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Optional<StoredHashSet> old = find(c, info.name());
        if (old.isPresent()) {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM hash_set WHERE id = ?")) {
            ps.setLong(1, old.get().id());
            ps.executeUpdate();
          }
        }
        long setId = insertSet(c, info, format, fileSha256, importedAt);
        ReadSummary summary;
        long count;
        EntryFingerprint fingerprint = new EntryFingerprint();
        try (EntryWriter writer = EntryWriter.open(c, setId, postgresLoad)) {
          summary = source.fill(new WriterSink(writer, fingerprint));
          count = writer.finish();
        } catch (UncheckedSql e) {
          throw e.getCause();
        }
        if (count != fingerprint.count()) {
          throw new SQLException(
              "hash set '"
                  + info.name()
                  + "': "
                  + fingerprint.count()
                  + " entries read, "
                  + count
                  + " stored");
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE hash_set SET entry_count = ?, file_version = ?, category_scheme = ?,"
                    + " category_map = ?, content_fingerprint = ? WHERE id = ?")) {
          String scheme = summary.categoryScheme().orElse(info.categoryScheme());
          ps.setLong(1, count);
          ps.setString(2, summary.fileVersion().orElse(null));
          ps.setString(3, scheme);
          // The category map in force, recorded with the import (V14).
          ps.setString(4, categoryMap.appliesTo(info.kind(), scheme) ? categoryMap.label() : null);
          ps.setString(5, fingerprint.value());
          ps.setLong(6, setId);
          ps.executeUpdate();
        }
        StoredHashSet stored = find(c, info.name()).orElseThrow();
        c.commit();
        return new Imported(stored, summary, old);
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot import hash set '" + info.name() + "'", e);
    }
  }

  /** The reader's sink; SQL errors leave it unchecked and are unwrapped above. */
  private record WriterSink(EntryWriter writer, EntryFingerprint fingerprint)
      implements HashEntrySink {
    @Override
    public void accept(HashEntry e) {
      try {
        writer.write(e);
        fingerprint.add(e.digest().algorithm(), e.digest().bytes());
      } catch (SQLException ex) {
        throw new UncheckedSql(ex);
      }
    }
  }

  private static final class UncheckedSql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSql(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  private static long insertSet(
      Connection c, HashSetInfo info, HashSetFormat format, String fileSha256, Instant importedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO hash_set (name, version, source, licence, category_scheme, kind, enabled,"
                + " format, file_sha256, entry_count, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, info.name());
      ps.setString(2, info.version());
      ps.setString(3, info.source().orElse(null));
      ps.setString(4, info.licence().orElse(null));
      ps.setString(5, info.categoryScheme());
      ps.setString(6, info.kind().name());
      ps.setBoolean(7, info.enabled());
      ps.setString(8, format.name());
      ps.setString(9, fileSha256);
      ps.setObject(10, utc(importedAt));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public boolean remove(String name) {
    return update("DELETE FROM hash_set WHERE name = ?", name, null, "remove hash set " + name);
  }

  @Override
  public boolean setEnabled(String name, boolean enabled) {
    return update(
        "UPDATE hash_set SET enabled = ? WHERE name = ?", name, enabled, "enable hash set " + name);
  }

  private boolean update(String sql, String name, @Nullable Boolean flag, String what) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (flag == null) {
        ps.setString(1, name);
      } else {
        ps.setBoolean(1, flag);
        ps.setString(2, name);
      }
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  @Override
  public List<StoredHashSet> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + SET_COLUMNS + " FROM hash_set ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      List<StoredHashSet> out = new ArrayList<>();
      while (rs.next()) {
        out.add(set(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list hash sets", e);
    }
  }

  @Override
  public Optional<StoredHashSet> find(String name) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, name);
    } catch (SQLException e) {
      throw new StoreException("cannot read hash set " + name, e);
    }
  }

  private static Optional<StoredHashSet> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + SET_COLUMNS + " FROM hash_set WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(set(rs)) : Optional.empty();
      }
    }
  }

  private static StoredHashSet set(ResultSet rs) throws SQLException {
    HashSetInfo info =
        new HashSetInfo(
            rs.getString(2),
            rs.getString(3),
            Optional.ofNullable(rs.getString(4)),
            Optional.ofNullable(rs.getString(5)),
            rs.getString(6),
            HashSetKind.valueOf(rs.getString(7)),
            rs.getBoolean(8));
    return new StoredHashSet(
        rs.getLong(1),
        info,
        HashSetFormat.valueOf(rs.getString(9)),
        rs.getLong(12),
        rs.getObject(13, OffsetDateTime.class).toInstant(),
        rs.getString(10),
        Optional.ofNullable(rs.getString(11)),
        Optional.ofNullable(rs.getString(14)),
        Optional.ofNullable(rs.getString(15)));
  }

  @Override
  public void forEachEntryOf(long setId, EntryVisitor visitor) {
    // No ORDER BY: the index sorts anyway, and the database may read the rows in heap order.
    String sql = "SELECT id, set_id, algorithm, digest FROM hash_entry WHERE set_id = ?";
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(10_000);
        ps.setLong(1, setId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            visitor.visit(
                rs.getLong(1),
                rs.getLong(2),
                DigestAlgorithm.valueOf(rs.getString(3)),
                rs.getBytes(4));
          }
        }
        c.commit();
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the entries of hash set " + setId, e);
    }
  }

  @Override
  public Map<Long, StoredEntry> entries(Collection<Long> ids) {
    Map<Long, StoredEntry> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<Long> all = List.copyOf(ids);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += 100) {
        List<Long> chunk = all.subList(from, Math.min(all.size(), from + 100));
        String sql =
            "SELECT id, set_id, algorithm, digest, category, series, victim_identified"
                + " FROM hash_entry WHERE id IN ("
                + "?,".repeat(chunk.size() - 1)
                + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              HashEntry e =
                  new HashEntry(
                      Digest.of(DigestAlgorithm.valueOf(rs.getString(3)), rs.getBytes(4)),
                      Optional.ofNullable(rs.getString(5)),
                      Optional.ofNullable(rs.getString(6)),
                      TriState.valueOf(rs.getString(7)));
              out.put(rs.getLong(1), new StoredEntry(rs.getLong(1), rs.getLong(2), e));
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read hash entries", e);
    }
  }

  @Override
  public boolean replaceMatches(
      AgencyId agency, TipId tip, TipHashMatches matches, Instant computedAt) {
    String json = TipJson.write(matches);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (!lockTip(c, agency, tip)) {
          c.rollback();
          return false;
        }
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM tip_hash_match WHERE tip_id = ? AND agency = ?")) {
          ps.setLong(1, tip.value());
          ps.setString(2, agency.code());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tip_hash_match (tip_id, agency, hash_sets, computed_at, matches)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
          ps.setLong(1, tip.value());
          ps.setString(2, agency.code());
          ps.setString(3, matches.sets());
          ps.setObject(4, utc(computedAt));
          ps.setString(5, json);
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
      throw new StoreException("cannot store hash matches of tip " + tip, e);
    }
  }

  private static boolean lockTip(Connection c, AgencyId agency, TipId tip) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM tip WHERE id = ? AND agency = ? FOR UPDATE")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public Optional<StoredMatches> findMatches(AgencyId agency, TipId tip) {
    String sql = "SELECT matches, computed_at FROM tip_hash_match WHERE tip_id = ? AND agency = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        TipHashMatches m;
        try {
          m = TipJson.mapper().readValue(rs.getString(1), TipHashMatches.class);
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException("unreadable hash matches of tip " + tip, e);
        }
        return Optional.of(new StoredMatches(m, rs.getObject(2, OffsetDateTime.class).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read hash matches of tip " + tip, e);
    }
  }

  @Override
  public List<TipRef> allTips() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT agency, id FROM tip ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<TipRef> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new TipRef(new AgencyId(rs.getString(1)), new TipId(rs.getLong(2))));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list tips", e);
    }
  }

  @Override
  public void markForRetriage(AgencyId agency, TipId tip, String reason, Instant markedAt) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (!lockTip(c, agency, tip)) {
          c.rollback();
          return;
        }
        try (PreparedStatement ps =
            c.prepareStatement("DELETE FROM tips_retriage WHERE tip_id = ? AND agency = ?")) {
          ps.setLong(1, tip.value());
          ps.setString(2, agency.code());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tips_retriage (tip_id, agency, reason, marked_at) VALUES (?, ?, ?, ?)")) {
          ps.setLong(1, tip.value());
          ps.setString(2, agency.code());
          ps.setString(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
          ps.setObject(4, utc(markedAt));
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
      throw new StoreException("cannot mark tip " + tip + " for re-triage", e);
    }
  }

  @Override
  public List<RetriageMark> retriageMarks(AgencyId agency) {
    String sql =
        "SELECT tip_id, reason, marked_at FROM tips_retriage WHERE agency = ?"
            + " ORDER BY marked_at, tip_id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, agency.code());
      List<RetriageMark> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RetriageMark(
                  agency,
                  new TipId(rs.getLong(1)),
                  rs.getString(2),
                  rs.getObject(3, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list tips marked for re-triage", e);
    }
  }

  @Override
  public boolean clearRetriage(AgencyId agency, TipId tip) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM tips_retriage WHERE tip_id = ? AND agency = ?")) {
      ps.setLong(1, tip.value());
      ps.setString(2, agency.code());
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot clear the re-triage mark of tip " + tip, e);
    }
  }

  @Override
  public boolean replaceComputed(
      AgencyId agency, TipId tip, int fileIndex, ComputedHashes hashes, Instant computedAt) {
    return computed.replace(agency, tip, fileIndex, hashes, computedAt);
  }

  @Override
  public Map<Integer, ComputedHashes> findComputed(AgencyId agency, TipId tip) {
    return computed.find(agency, tip);
  }

  /** Rows per {@code IN (...)} list: well inside both databases' parameter limits. */
  private static final int IN_CHUNK = 500;

  private static String marks(int n) {
    return "?,".repeat(n - 1) + "?";
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      out.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
    }
    return out;
  }

  @Override
  public List<TipRef> tipPage(long afterId, int limit) {
    String sql = "SELECT agency, id FROM tip WHERE id > ? ORDER BY id LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      List<TipRef> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TipRef(new AgencyId(rs.getString(1)), new TipId(rs.getLong(2))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot list tips after id " + afterId, e);
    }
  }

  @Override
  public long tipCount() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tip");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count tips", e);
    }
  }

  @Override
  public Map<TipRef, StoredMatches> findMatches(Collection<TipRef> tips) {
    Map<TipRef, StoredMatches> out = new HashMap<>();
    if (tips.isEmpty()) {
      return out;
    }
    Map<Long, TipRef> byId = new HashMap<>();
    tips.forEach(t -> byId.put(t.tip().value(), t));
    try (Connection c = dataSource.getConnection()) {
      for (List<Long> chunk : chunks(List.copyOf(byId.keySet()))) {
        String sql =
            "SELECT tip_id, agency, matches, computed_at FROM tip_hash_match WHERE tip_id IN ("
                + marks(chunk.size())
                + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              TipRef ref = byId.get(rs.getLong(1));
              if (!ref.agency().code().equals(rs.getString(2))) {
                continue; // another agency's row: never read across agencies
              }
              TipHashMatches m;
              try {
                m = TipJson.mapper().readValue(rs.getString(3), TipHashMatches.class);
              } catch (JsonProcessingException e) {
                throw new UncheckedIOException("unreadable hash matches of tip " + ref.tip(), e);
              }
              out.put(ref, new StoredMatches(m, rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the hash matches of " + tips.size() + " tips", e);
    }
  }

  @Override
  public Map<TipRef, Map<Integer, ComputedHashes>> findComputed(Collection<TipRef> tips) {
    return computed.findAll(tips);
  }

  @Override
  public java.util.Set<TipRef> replaceMatches(List<MatchUpdate> updates, Instant computedAt) {
    java.util.Set<TipRef> written = new java.util.LinkedHashSet<>();
    if (updates.isEmpty()) {
      return written;
    }
    // Locked in id order, so two writers over overlapping pages cannot deadlock.
    List<MatchUpdate> sorted = new ArrayList<>(updates);
    sorted.sort(java.util.Comparator.comparingLong(u -> u.tip().tip().value()));
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        Map<Long, String> agencyOf = new HashMap<>();
        List<Long> ids = sorted.stream().map(u -> u.tip().tip().value()).toList();
        for (List<Long> chunk : chunks(ids)) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, agency FROM tip WHERE id IN ("
                      + marks(chunk.size())
                      + ") ORDER BY id FOR UPDATE")) {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setLong(i + 1, chunk.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                agencyOf.put(rs.getLong(1), rs.getString(2));
              }
            }
          }
        }
        List<MatchUpdate> ok = new ArrayList<>();
        for (MatchUpdate u : sorted) {
          if (u.tip().agency().code().equals(agencyOf.get(u.tip().tip().value()))) {
            ok.add(u);
          }
        }
        List<Long> okIds = ok.stream().map(u -> u.tip().tip().value()).toList();
        for (List<Long> chunk : chunks(okIds)) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM tip_hash_match WHERE tip_id IN (" + marks(chunk.size()) + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setLong(i + 1, chunk.get(i));
            }
            ps.executeUpdate();
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tip_hash_match (tip_id, agency, hash_sets, computed_at, matches)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
          for (MatchUpdate u : ok) {
            ps.setLong(1, u.tip().tip().value());
            ps.setString(2, u.tip().agency().code());
            ps.setString(3, u.matches().sets());
            ps.setObject(4, utc(computedAt));
            ps.setString(5, TipJson.write(u.matches()));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        List<MatchUpdate> marked = ok.stream().filter(u -> u.retriageReason().isPresent()).toList();
        List<Long> markedIds = marked.stream().map(u -> u.tip().tip().value()).toList();
        for (List<Long> chunk : chunks(markedIds)) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM tips_retriage WHERE tip_id IN (" + marks(chunk.size()) + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setLong(i + 1, chunk.get(i));
            }
            ps.executeUpdate();
          }
        }
        if (!marked.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tips_retriage (tip_id, agency, reason, marked_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            for (MatchUpdate u : marked) {
              String reason = u.retriageReason().orElseThrow();
              ps.setLong(1, u.tip().tip().value());
              ps.setString(2, u.tip().agency().code());
              ps.setString(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
              ps.setObject(4, utc(computedAt));
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
        for (MatchUpdate u : updates) {
          if (ok.contains(u)) {
            written.add(u.tip());
          }
        }
        return written;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot store the hash matches of " + updates.size() + " re-matched tips", e);
    }
  }

  @Override
  public boolean recordCategoryMap(long setId, String label) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE hash_set SET category_map = ? WHERE id = ?")) {
      ps.setString(1, label);
      ps.setLong(2, setId);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot record the category map of hash set " + setId, e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
