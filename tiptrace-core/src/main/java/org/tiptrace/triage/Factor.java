package org.tiptrace.triage;

import java.util.Optional;

/** The rule names the scorer knows; the rule file must give each exactly once. */
enum Factor {
  INCIDENT_CHILD_PORNOGRAPHY("incident.childPornography", Kind.ONCE),
  INCIDENT_ONLINE_ENTICEMENT("incident.onlineEnticement", Kind.ONCE),
  INCIDENT_CHILD_SEX_TRAFFICKING("incident.childSexTrafficking", Kind.ONCE),
  INCIDENT_CHILD_SEX_TOURISM("incident.childSexTourism", Kind.ONCE),
  INCIDENT_CHILD_SEXUAL_MOLESTATION("incident.childSexualMolestation", Kind.ONCE),
  INCIDENT_UNSOLICITED_TO_CHILD("incident.unsolicitedObsceneMaterialToChild", Kind.ONCE),
  INCIDENT_MISLEADING("incident.misleadingContent", Kind.ONCE),
  ESCALATE("report.escalateToHighPriority", Kind.ONCE),
  SEXTORTION("annotation.sextortion", Kind.ONCE),
  CSAM_SOLICITATION("annotation.csamSolicitation", Kind.ONCE),
  MINOR_TO_MINOR("annotation.minorToMinorInteraction", Kind.ONCE),
  SADISTIC("annotation.sadisticOnlineExploitation", Kind.ONCE),
  CLASS_A1("classification.A1", Kind.ONCE),
  CLASS_A2("classification.A2", Kind.ONCE),
  CLASS_B1("classification.B1", Kind.ONCE),
  CLASS_B2("classification.B2", Kind.ONCE),
  FILE_INFANT("file.infant", Kind.ONCE),
  FILE_PHYSICAL_HARM("file.physicalHarm", Kind.ONCE),
  FILE_VIOLENCE_GORE("file.violenceGore", Kind.ONCE),
  FILE_LIVE_STREAMING("file.liveStreaming", Kind.ONCE),
  FILE_SELF_PRODUCTION("file.possibleSelfProduction", Kind.ONCE),
  FILE_BESTIALITY("file.bestiality", Kind.ONCE),
  FILE_GENERATIVE_AI("file.generativeAi", Kind.ONCE),
  HASH_NEW("hash.possibleNewMaterial", Kind.PER_UNIT),
  HASH_KNOWN("hash.knownMatch", Kind.ONCE),
  HASH_NOT_CHECKED("hash.notChecked", Kind.ONCE),
  HASH_ALL_KNOWN_GOOD("hash.allKnownGood", Kind.DEDUCTION),
  FILE_COUNT("files.count", Kind.PER_UNIT),
  RECIPIENTS("distribution.recipients", Kind.PER_UNIT),
  PUBLICLY_AVAILABLE("distribution.publiclyAvailable", Kind.ONCE),
  MINOR_RECIPIENT("recipients.minor", Kind.ONCE),
  VICTIMS("victims.identified", Kind.PER_UNIT),
  PRIOR_TIPS("subject.priorTips", Kind.PER_UNIT),
  LINKED_SUBJECTS("subject.linkedSubjects", Kind.PER_UNIT),
  PAYMENT("subject.payment", Kind.ONCE),
  IP_ATTRIBUTABLE("ip.attributable", Kind.ONCE),
  IP_PERISHABLE("ip.perishable", Kind.ONCE),
  IN_JURISDICTION("jurisdiction.in", Kind.ONCE);

  /** How a rule's points apply. */
  enum Kind {
    /** Points once when the condition holds; points >= 0. */
    ONCE,
    /** Points per unit, up to a cap of total points; points >= 0, cap >= points. */
    PER_UNIT,
    /** Points once, <= 0: the only rules that may lower a score. */
    DEDUCTION
  }

  private final String ruleName;
  private final Kind kind;

  Factor(String ruleName, Kind kind) {
    this.ruleName = ruleName;
    this.kind = kind;
  }

  String ruleName() {
    return ruleName;
  }

  Kind kind() {
    return kind;
  }

  static Optional<Factor> byName(String name) {
    for (Factor f : values()) {
      if (f.ruleName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
