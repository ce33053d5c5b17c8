package org.tiptrace.store.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.tiptrace.link.Association;
import org.tiptrace.link.Evidence;
import org.tiptrace.link.Hold;
import org.tiptrace.link.Identifier;
import org.tiptrace.link.LinkStore;
import org.tiptrace.link.ManualDecision;
import org.tiptrace.link.PersonIdentifiers;
import org.tiptrace.link.PersonRef;
import org.tiptrace.link.StoredSubject;
import org.tiptrace.link.Subject;
import org.tiptrace.link.SubjectId;
import org.tiptrace.store.StoreException;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.TipJson;
import org.tiptrace.tip.UserRole;

/**
 * {@link LinkStore} in plain JDBC over the V6 tables; the same SQL runs on H2 2.x and PostgreSQL.
 * Lists of values (identifiers, evidence, associations) are canonical JSON ({@link TipJson}) in
 * text columns: they are read and written whole, never queried inside.
 */
public final class JdbcLinkStore implements LinkStore {
  private static final TypeReference<List<Identifier>> IDENTIFIERS = new TypeReference<>() {};
  private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};
  private static final TypeReference<List<Association>> ASSOCIATIONS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final DataSource dataSource;

  public JdbcLinkStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T run(String what, boolean transaction, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!transaction) {
        return work.apply(c);
      }
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T out = work.apply(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  @Override
  public List<LinkedTip> linkedTips() {
    return run(
        "list linked tips",
        false,
        c -> {
          List<LinkedTip> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT DISTINCT tip_id, agency FROM link_person ORDER BY tip_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(new LinkedTip(new TipId(rs.getLong(1)), new AgencyId(rs.getString(2))));
            }
          }
          return out;
        });
  }

  @Override
  public boolean isLinked(TipId tip) {
    return run(
        "read link state of tip " + tip,
        false,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM link_person WHERE tip_id = ?")) {
            ps.setLong(1, tip.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public void recordPersons(AgencyId agency, TipId tip, List<PersonIdentifiers> persons) {
    run(
        "store the persons of tip " + tip,
        true,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO link_person (tip_id, role, person_index, agency, seq, identifiers)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (PersonIdentifiers p : persons) {
              if (!p.person().tip().equals(tip)) {
                throw new IllegalArgumentException(
                    "person " + p.person() + " is not of tip " + tip);
              }
              ps.setLong(1, tip.value());
              ps.setString(2, p.person().role().name());
              ps.setInt(3, p.person().index());
              ps.setString(4, agency.code());
              ps.setInt(5, seq++);
              ps.setString(6, TipJson.write(p.identifiers()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<PersonIdentifiers> persons(TipId tip) {
    return run(
        "read the persons of tip " + tip,
        false,
        c -> {
          List<PersonIdentifiers> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT role, person_index, identifiers FROM link_person WHERE tip_id = ?"
                      + " ORDER BY seq")) {
            ps.setLong(1, tip.value());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                PersonRef ref = new PersonRef(tip, UserRole.valueOf(rs.getString(1)), rs.getInt(2));
                out.add(new PersonIdentifiers(ref, read(rs.getString(3), IDENTIFIERS)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void replaceSubjects(Collection<StoredSubject> current, Collection<SubjectId> gone) {
    Set<String> delete = new TreeSet<>();
    gone.forEach(id -> delete.add(id.toString()));
    current.forEach(s -> delete.add(s.subject().id().toString()));
    run(
        "store " + current.size() + " subjects",
        true,
        c -> {
          try (PreparedStatement members =
                  c.prepareStatement("DELETE FROM link_subject_member WHERE subject_id = ?");
              PreparedStatement subjects =
                  c.prepareStatement("DELETE FROM link_subject WHERE subject_id = ?")) {
            for (String id : delete) {
              members.setString(1, id);
              members.addBatch();
              subjects.setString(1, id);
              subjects.addBatch();
            }
            members.executeBatch();
            subjects.executeBatch();
          }
          // A person moves between subjects: its old membership row goes first.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM link_subject_member WHERE tip_id = ? AND role = ?"
                      + " AND person_index = ?")) {
            for (StoredSubject s : current) {
              for (PersonRef m : s.subject().members()) {
                ps.setLong(1, m.tip().value());
                ps.setString(2, m.role().name());
                ps.setInt(3, m.index());
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          try (PreparedStatement subject =
                  c.prepareStatement(
                      "INSERT INTO link_subject (subject_id, member_count, tip_count, evidence,"
                          + " review_flags, associations) VALUES (?, ?, ?, ?, ?, ?)");
              PreparedStatement member =
                  c.prepareStatement(
                      "INSERT INTO link_subject_member (tip_id, role, person_index, agency,"
                          + " subject_id) VALUES (?, ?, ?, ?, ?)")) {
            for (StoredSubject s : current) {
              Subject subj = s.subject();
              String id = subj.id().toString();
              subject.setString(1, id);
              subject.setInt(2, subj.members().size());
              subject.setInt(3, subj.tips().size());
              subject.setString(4, TipJson.write(subj.evidence()));
              subject.setString(5, TipJson.write(subj.reviewFlags()));
              subject.setString(6, TipJson.write(s.associations()));
              subject.addBatch();
            }
            subject.executeBatch();
            for (StoredSubject s : current) {
              String id = s.subject().id().toString();
              for (PersonRef m : s.subject().members()) {
                member.setLong(1, m.tip().value());
                member.setString(2, m.role().name());
                member.setInt(3, m.index());
                member.setString(4, s.tipAgencies().get(m.tip()).code());
                member.setString(5, id);
                member.addBatch();
              }
            }
            member.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<StoredSubject> subject(SubjectId id) {
    String key = id.toString();
    return run(
        "read subject " + id,
        false,
        c -> {
          List<Evidence> evidence;
          List<String> flags;
          List<Association> associations;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT evidence, review_flags, associations FROM link_subject"
                      + " WHERE subject_id = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              evidence = read(rs.getString(1), EVIDENCE);
              flags = read(rs.getString(2), STRINGS);
              associations = read(rs.getString(3), ASSOCIATIONS);
            }
          }
          List<PersonRef> members = new ArrayList<>();
          Map<TipId, AgencyId> agencies = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT tip_id, role, person_index, agency FROM link_subject_member"
                      + " WHERE subject_id = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                TipId tip = new TipId(rs.getLong(1));
                members.add(new PersonRef(tip, UserRole.valueOf(rs.getString(2)), rs.getInt(3)));
                agencies.put(tip, new AgencyId(rs.getString(4)));
              }
            }
          }
          if (members.isEmpty()) {
            return Optional.empty();
          }
          members.sort(null);
          Set<TipId> tips = new LinkedHashSet<>();
          members.stream()
              .map(PersonRef::tip)
              .sorted(java.util.Comparator.comparingLong(TipId::value))
              .forEach(tips::add);
          Subject s = new Subject(id, members, List.copyOf(tips), evidence, flags);
          return Optional.of(new StoredSubject(s, agencies, associations));
        });
  }

  @Override
  public Optional<SubjectId> subjectOf(PersonRef person) {
    return run(
        "read the subject of " + person,
        false,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT subject_id FROM link_subject_member WHERE tip_id = ? AND role = ?"
                      + " AND person_index = ?")) {
            ps.setLong(1, person.tip().value());
            ps.setString(2, person.role().name());
            ps.setInt(3, person.index());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(SubjectId.parse(rs.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<SubjectId> subjectsOf(AgencyId agency) {
    return run(
        "read the subjects of " + agency,
        false,
        c -> {
          Set<SubjectId> out = new TreeSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT subject_id FROM link_subject_member WHERE agency = ?")) {
            ps.setString(1, agency.code());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(SubjectId.parse(rs.getString(1)));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public List<SubjectId> subjectsOfTip(TipId tip) {
    return run(
        "read the subjects of tip " + tip,
        false,
        c -> {
          Set<SubjectId> out = new TreeSet<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT subject_id FROM link_subject_member WHERE tip_id = ?")) {
            ps.setLong(1, tip.value());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(SubjectId.parse(rs.getString(1)));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public void addDecision(AgencyId agency, ManualDecision d) {
    run(
        "store a manual " + d.kind(),
        false,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO link_decision (kind, side_a, side_b, reason, decided_by, agency,"
                      + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.kind().name());
            ps.setString(2, TipJson.write(d.sideA().stream().map(PersonRef::toString).toList()));
            ps.setString(3, TipJson.write(d.sideB().stream().map(PersonRef::toString).toList()));
            ps.setString(4, d.reason());
            ps.setString(5, d.user());
            ps.setString(6, agency.code());
            ps.setObject(7, utc(d.at()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<ManualDecision> decisions() {
    return run(
        "read manual decisions",
        false,
        c -> {
          List<ManualDecision> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT kind, side_a, side_b, reason, decided_by, decided_at"
                          + " FROM link_decision ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new ManualDecision(
                      ManualDecision.Kind.valueOf(rs.getString(1)),
                      persons(rs.getString(2)),
                      persons(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
          }
          return out;
        });
  }

  private static Set<PersonRef> persons(String json) {
    Set<PersonRef> out = new TreeSet<>();
    for (String p : read(json, STRINGS)) {
      out.add(PersonRef.parse(p));
    }
    return out;
  }

  @Override
  public void addHold(Hold h) {
    run(
        "store a hold on tip " + h.tip(),
        false,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO link_hold (agency, tip_id, case_number, contact, since)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, h.agency().code());
            ps.setLong(2, h.tip().value());
            ps.setString(3, h.caseNumber());
            ps.setString(4, h.contact());
            ps.setObject(5, utc(h.since()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<Hold> holds() {
    return run(
        "read holds",
        false,
        c -> {
          List<Hold> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT agency, tip_id, case_number, contact, since FROM link_hold"
                          + " ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new Hold(
                      new AgencyId(rs.getString(1)),
                      new TipId(rs.getLong(2)),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
          }
          return out;
        });
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return TipJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored link JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** Both databases keep microseconds; truncating first makes the round trip exact. */
  private static OffsetDateTime utc(java.time.Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
