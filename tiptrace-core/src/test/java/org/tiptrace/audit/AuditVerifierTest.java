package org.tiptrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrace.audit.VerificationResult.Reason;
import org.tiptrace.tip.AgencyId;

class AuditVerifierTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"), ZoneOffset.UTC);
  private static final AgencyId AGENCY = new AgencyId("ICAC-TEST");

  private static ListAuditLog logOf(int n) {
    ListAuditLog log = new ListAuditLog(CLOCK);
    for (int i = 1; i <= n; i++) {
      log.append(
          AuditEvent.of(
              "analyst" + i, AGENCY, AuditAction.TIP_VIEWED, AuditSubjectType.TIP, "" + i));
    }
    return log;
  }

  @Test
  void emptyLogIsIntactWithGenesisHead() {
    VerificationResult r = new AuditVerifier(new ListAuditLog(CLOCK)).verify();
    assertThat(r.intact()).isTrue();
    assertThat(r.entriesChecked()).isZero();
    assertThat(r.head().sequence()).isZero();
    assertThat(r.headHash()).isEqualTo(AuditChain.GENESIS);
  }

  @Test
  void intactChainAcrossPages() {
    ListAuditLog log = logOf(25);
    VerificationResult r = new AuditVerifier(log, 7).verify();
    assertThat(r.intact()).isTrue();
    assertThat(r.entriesChecked()).isEqualTo(25);
    assertThat(r.head().sequence()).isEqualTo(25);
    assertThat(r.headHash()).isEqualTo(log.entries.get(24).hash());
    assertThat(log.entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
  }

  @Test
  void editedDetailIsNamed() {
    ListAuditLog log = logOf(10);
    AuditEntry e = log.entries.get(4);
    log.entries.set(
        4,
        new AuditEntry(
            e.formatVersion(),
            e.sequence(),
            e.at(),
            "someone-else",
            e.agency(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            e.detail(),
            e.previousHash(),
            e.hash()));
    VerificationResult r = new AuditVerifier(log, 3).verify();
    assertThat(r.intact()).isFalse();
    assertThat(r.firstBreak().orElseThrow().sequence()).isEqualTo(5);
    assertThat(r.firstBreak().orElseThrow().reason()).isEqualTo(Reason.EDITED);
    assertThat(r.firstBreak().orElseThrow().action()).contains(AuditAction.TIP_VIEWED);
    assertThat(r.head().sequence()).isEqualTo(4);
  }

  @Test
  void deletedMiddleEntryIsNamed() {
    ListAuditLog log = logOf(10);
    log.entries.remove(3);
    VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
    assertThat(b.sequence()).isEqualTo(5);
    assertThat(b.reason()).isEqualTo(Reason.DELETED);
  }

  @Test
  void swappedEntriesAreNamed() {
    ListAuditLog log = logOf(10);
    AuditEntry a = log.entries.get(5);
    AuditEntry b = log.entries.get(6);
    log.entries.set(5, renumber(b, 6));
    log.entries.set(6, renumber(a, 7));
    VerificationResult.Break br = new AuditVerifier(log).verify().firstBreak().orElseThrow();
    assertThat(br.sequence()).isEqualTo(6);
    assertThat(br.reason()).isEqualTo(Reason.REORDERED);
  }

  @Test
  void cutOffTailIsNamedAgainstRecordedHead() {
    ListAuditLog log = logOf(10);
    log.entries.remove(9);
    VerificationResult r = new AuditVerifier(log).verify();
    assertThat(r.firstBreak().orElseThrow().reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(r.firstBreak().orElseThrow().sequence()).isEqualTo(10);
    assertThat(r.head().sequence()).isEqualTo(9);
  }

  @Test
  void unknownFormatVersionIsNamed() {
    ListAuditLog log = logOf(3);
    AuditEntry e = log.entries.get(1);
    log.entries.set(
        1,
        new AuditEntry(
            9,
            e.sequence(),
            e.at(),
            e.actor(),
            e.agency(),
            e.action(),
            e.subjectType(),
            e.subjectId(),
            e.detail(),
            e.previousHash(),
            e.hash()));
    VerificationResult.Break b = new AuditVerifier(log).verify().firstBreak().orElseThrow();
    assertThat(b.sequence()).isEqualTo(2);
    assertThat(b.reason()).isEqualTo(Reason.UNKNOWN_FORMAT);
  }

  /** The encoding is a format: pin version 1 so a change cannot slip through unnoticed. */
  @Test
  void encodingVersion1IsPinned() {
    AuditEntry e =
        AuditEntry.chain(
            1,
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            new AuditEvent(
                "ana",
                Optional.of(AGENCY),
                AuditAction.LOGIN_SUCCEEDED,
                AuditSubjectType.NONE,
                "",
                "é"),
            AuditChain.GENESIS);
    String hex = HexFormat.of().formatHex(AuditChain.encode(e));
    assertThat(hex)
        .startsWith("00000001" + "0000000000000001")
        .contains("00000003" + HexFormat.of().formatHex("ana".getBytes(StandardCharsets.UTF_8)))
        .contains("00000002c3a9")
        .endsWith(AuditChain.GENESIS.hex());
    assertThat(e.hash()).isEqualTo(AuditChain.hash(e));
    assertThat(AuditChain.GENESIS.hex())
        .isEqualTo(
            org.tiptrace.tip.Sha256.of(
                    "tiptrace audit chain genesis v1".getBytes(StandardCharsets.UTF_8))
                .hex());
  }

  @Test
  void lengthPrefixesKeepFieldBoundaries() {
    Instant t = CLOCK.instant();
    AuditEntry a =
        AuditEntry.chain(
            1,
            t,
            new AuditEvent(
                "ab", Optional.empty(), AuditAction.LOGIN_FAILED, AuditSubjectType.NONE, "", "c"),
            AuditChain.GENESIS);
    AuditEntry b =
        AuditEntry.chain(
            1,
            t,
            new AuditEvent(
                "a", Optional.empty(), AuditAction.LOGIN_FAILED, AuditSubjectType.NONE, "", "bc"),
            AuditChain.GENESIS);
    assertThat(a.hash()).isNotEqualTo(b.hash());
  }

  private static AuditEntry renumber(AuditEntry e, long seq) {
    return new AuditEntry(
        e.formatVersion(),
        seq,
        e.at(),
        e.actor(),
        e.agency(),
        e.action(),
        e.subjectType(),
        e.subjectId(),
        e.detail(),
        e.previousHash(),
        e.hash());
  }
}
