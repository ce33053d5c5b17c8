package org.tiptrace.app.testing;

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

/**
 * A {@link RawArchive} in memory for tests: content-addressed per agency, idempotent (storing the
 * same bytes again returns the existing entry unchanged), thread-safe by one lock.
 */
public final class InMemoryRawArchive implements RawArchive {
  private record Key(AgencyId agency, Sha256 sha256) {}

  private final Map<Key, ArchivedDocument> documents = new HashMap<>();
  private final Map<Key, byte[]> bytes = new HashMap<>();

  @Override
  public synchronized ArchivedDocument store(
      AgencyId agency, Sha256 sha256, String sourceName, byte[] content, Instant receivedAt) {
    if (!Sha256.of(content).equals(sha256)) {
      throw new IllegalArgumentException("digest does not match the bytes of " + sourceName);
    }
    Key key = new Key(agency, sha256);
    ArchivedDocument existing = documents.get(key);
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
    documents.put(key, doc);
    bytes.put(key, content.clone());
    return doc;
  }

  @Override
  public synchronized void recordOutcome(
      AgencyId agency, Sha256 sha256, ArchiveStatus status, List<Problem> problems) {
    Key key = new Key(agency, sha256);
    ArchivedDocument d = documents.get(key);
    if (d == null) {
      throw new IllegalArgumentException("not archived: " + sha256 + " for " + agency);
    }
    documents.put(
        key,
        new ArchivedDocument(
            d.sha256(), d.agency(), d.sourceName(), d.size(), d.receivedAt(), status, problems));
  }

  @Override
  public synchronized Optional<ArchivedDocument> find(AgencyId agency, Sha256 sha256) {
    return Optional.ofNullable(documents.get(new Key(agency, sha256)));
  }

  @Override
  public synchronized Optional<byte[]> bytes(AgencyId agency, Sha256 sha256) {
    return Optional.ofNullable(bytes.get(new Key(agency, sha256))).map(byte[]::clone);
  }

  @Override
  public synchronized List<ArchivedDocument> list(
      AgencyId agency, ArchiveStatus status, int limit) {
    List<ArchivedDocument> out = new ArrayList<>();
    for (ArchivedDocument d : documents.values()) {
      if (d.agency().equals(agency) && d.status() == status) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(ArchivedDocument::receivedAt).reversed());
    return out.subList(0, Math.min(limit, out.size()));
  }

  public synchronized int size() {
    return documents.size();
  }
}
