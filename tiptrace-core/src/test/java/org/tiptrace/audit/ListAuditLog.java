package org.tiptrace.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An audit log in a list, for tests; the list is open so tests can tamper with it. */
final class ListAuditLog implements AuditLog {
  final List<AuditEntry> entries = new ArrayList<>();
  private final Clock clock;
  private Optional<ChainHead> head = Optional.empty();

  ListAuditLog(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized AuditEntry append(AuditEvent event) {
    long seq = head.map(ChainHead::sequence).orElse(0L) + 1;
    AuditEntry e =
        AuditEntry.chain(
            seq, clock.instant(), event, head.map(ChainHead::hash).orElse(AuditChain.GENESIS));
    entries.add(e);
    head = Optional.of(new ChainHead(seq, e.hash()));
    return e;
  }

  @Override
  public synchronized List<AuditEntry> read(long afterSequence, int limit) {
    return entries.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
  }

  @Override
  public synchronized long count() {
    return entries.size();
  }

  @Override
  public synchronized Optional<ChainHead> recordedHead() {
    return head;
  }
}
