package org.tiptrace.link;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.TipId;

/**
 * The persisted state of linking, global across agencies (deconfliction needs every agency's
 * subjects; every read that reaches an agency is scoped by the app with {@link SubjectView#of}).
 *
 * <p>Two kinds of data: what cannot be derived (manual decisions, holds), kept forever and
 * re-applied on every rebuild; and the projection of the linker's state (persons with their
 * identifiers, subjects with members, evidence and associations), replaced subject by subject as
 * tips arrive, so that views need no rebuild.
 */
public interface LinkStore {

  /** A tip whose persons are stored, with its agency: what a rebuild reads. */
  record LinkedTip(TipId tip, AgencyId agency) {}

  /** Every linked tip, ascending by tip id. */
  List<LinkedTip> linkedTips();

  /** Whether the tip's persons are stored (it was linked). */
  boolean isLinked(TipId tip);

  /** Stores the persons and identifiers of a newly linked tip of {@code agency}. */
  void recordPersons(AgencyId agency, TipId tip, List<PersonIdentifiers> persons);

  /** The stored persons of a tip with their identifiers, in extraction order. */
  List<PersonIdentifiers> persons(TipId tip);

  /**
   * Replaces the stored form of {@code current} subjects (members, evidence, flags, associations)
   * and deletes the subjects in {@code gone} (merged into others or split up), in one transaction.
   */
  void replaceSubjects(Collection<StoredSubject> current, Collection<SubjectId> gone);

  /** A stored subject by id. */
  Optional<StoredSubject> subject(SubjectId id);

  /** The subjects with at least one person in the agency's tips, ascending. */
  List<SubjectId> subjectsOf(AgencyId agency);

  /** The subject a person belongs to. */
  Optional<SubjectId> subjectOf(PersonRef person);

  /** The subjects of a tip's persons, ascending. */
  List<SubjectId> subjectsOfTip(TipId tip);

  /** Records a manual split or merge made by a user of {@code agency}. */
  void addDecision(AgencyId agency, ManualDecision decision);

  /** Every manual decision, in the order made. */
  List<ManualDecision> decisions();

  /** Records a hold (deconfliction). */
  void addHold(Hold hold);

  /** Every hold, in the order recorded. */
  List<Hold> holds();
}
