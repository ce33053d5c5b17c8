package org.tiptrace.intake.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tiptrace.intake.ArchiveStatus;
import org.tiptrace.intake.ArchivedDocument;
import org.tiptrace.intake.Problem;
import org.tiptrace.intake.RawArchive;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;

/** {@link RawArchive} in memory: content-addressed per agency, idempotent store. */
public final class InMemoryRawArchive implements RawArchive {
  private record Key(AgencyId agency, Sha256 sha256) {}

  private final Map<Key, ArchivedDocument> docs = new HashMap<>();
  private final Map<Key, byte[]> bytes = new HashMap<>();

  @Override
  public synchronized ArchivedDocument store(
      AgencyId agency, Sha256 sha256, String sourceName, byte[] content, Instant receivedAt) {
    if (!Sha256.of(content).equals(sha256)) {
      throw new IllegalArgumentException("digest does not match the bytes");
    }
    Key key = new Key(agency, sha256);
    ArchivedDocument existing = docs.get(key);
    if (existing != null) {
      return existing;
    }
    ArchivedDocument doc =
        new ArchivedDocument(
            sha256,
            agency,
            sourceName,
            content.length,
            receivedAt,
            ArchiveStatus.RECEIVED,
            List.of());
    docs.put(key, doc);
    bytes.put(key, content.clone());
    return doc;
  }

  @Override
  public synchronized void recordOutcome(
      AgencyId agency, Sha256 sha256, ArchiveStatus status, List<Problem> problems) {
    Key key = new Key(agency, sha256);
    ArchivedDocument d = docs.get(key);
    if (d == null) {
      throw new IllegalArgumentException("not archived: " + sha256);
    }
    docs.put(
        key,
        new ArchivedDocument(
            d.sha256(), d.agency(), d.sourceName(), d.size(), d.receivedAt(), status, problems));
  }

  @Override
  public synchronized Optional<ArchivedDocument> find(AgencyId agency, Sha256 sha256) {
    return Optional.ofNullable(docs.get(new Key(agency, sha256)));
  }

  @Override
  public synchronized Optional<byte[]> bytes(AgencyId agency, Sha256 sha256) {
    return Optional.ofNullable(bytes.get(new Key(agency, sha256))).map(byte[]::clone);
  }

  @Override
  public synchronized List<ArchivedDocument> list(
      AgencyId agency, ArchiveStatus status, int limit) {
    List<ArchivedDocument> out = new ArrayList<>();
    for (ArchivedDocument d : docs.values()) {
      if (d.agency().equals(agency) && d.status() == status) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(ArchivedDocument::receivedAt).reversed());
    return out.subList(0, Math.min(limit, out.size()));
  }

  public synchronized int size() {
    return docs.size();
  }
}
