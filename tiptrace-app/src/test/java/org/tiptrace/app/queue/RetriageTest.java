package org.tiptrace.app.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.file;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.InMemoryBackend;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.hash.sets.TipMatching;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.triage.HashVerdict;
import org.tiptrace.triage.ScoreLine;
import org.tiptrace.triage.StoredTriage;
import org.tiptrace.triage.TriageRules;

/**
 * Consuming re-triage marks after a national set changed: every agency's tips are re-matched, but
 * each agency's marks are consumed and cleared on their own (H2 and PostgreSQL).
 */
class RetriageTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String KNOWN_MD5 = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  private static Tip ingest(
      InMemoryBackend backend, LinkTriageService service, AgencyId agency, String doc) {
    Tip tip =
        backend
            .tips()
            .insertIfAbsent(
                agency,
                Sha256.of(doc.getBytes(StandardCharsets.UTF_8)),
                NOW,
                report().reported(user("Example Photos", doc)).file(file(KNOWN_MD5)).build())
            .tip();
    new LinkTriageStep(service).changed(agency, tip.id());
    return tip;
  }

  private void importKnownAbuse(InMemoryBackend backend) throws IOException {
    Path csv = dir.resolve("abuse.csv");
    Files.writeString(csv, "md5,category\n" + KNOWN_MD5 + ",1\n", StandardCharsets.UTF_8);
    backend
        .hashSets()
        .importSet(
            new HashSetInfo(
                "National",
                "1",
                Optional.empty(),
                Optional.empty(),
                "test",
                HashSetKind.KNOWN_ABUSE,
                true),
            HashSetFormat.CSV,
            "00".repeat(32),
            NOW,
            sink ->
                TiptraceBackend.hashSetReaders()
                    .reader(HashSetFormat.CSV)
                    .orElseThrow()
                    .read(csv, sink, ReadProgress.NONE));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void eachAgencysMarksAreConsumedAndClearedOnTheirOwn(TestBackend db) throws IOException {
    try (InMemoryBackend backend = new InMemoryBackend(db)) {
      LinkTriageService service = LinkTriageService.of(backend, TriageRules.defaults(), CLOCK);
      Tip a = ingest(backend, service, A, "owl-a");
      Tip b = ingest(backend, service, B, "owl-b");
      StoredTriage bBefore = backend.triageStore().find(B, b.id()).orElseThrow();
      assertThat(bBefore.signals().files()).containsExactly(HashVerdict.NOT_CHECKED);

      importKnownAbuse(backend);
      TipMatching.Rematch r =
          new TipMatching(backend.hashSets(), backend.tips(), CLOCK)
              .rematchAll("hash set National 1 imported", TipMatching.Progress.NONE);
      assertThat(r.changed()).isEqualTo(2);
      // marks alone change nothing that was scored
      assertThat(backend.triageStore().find(A, a.id()).orElseThrow().signals().files())
          .containsExactly(HashVerdict.NOT_CHECKED);

      Retriage retriage = new Retriage(backend.hashSets(), service);
      assertThat(retriage.consume(A)).isEqualTo(1);
      StoredTriage aAfter = backend.triageStore().find(A, a.id()).orElseThrow();
      assertThat(aAfter.signals().files()).containsExactly(HashVerdict.MATCHED_KNOWN);
      assertThat(aAfter.result().lines()).extracting(ScoreLine::rule).contains("hash.knownMatch");
      assertThat(backend.hashSets().retriageMarks(A)).isEmpty();
      // B's mark and B's stored result are untouched by A's consumption
      assertThat(backend.hashSets().retriageMarks(B))
          .extracting(HashSetRepository.RetriageMark::tip)
          .containsExactly(b.id());
      assertThat(backend.triageStore().find(B, b.id()).orElseThrow()).isEqualTo(bBefore);

      assertThat(retriage.consumeAll()).isEqualTo(new Retriage.Outcome(1, 1));
      assertThat(backend.triageStore().find(B, b.id()).orElseThrow().signals().files())
          .containsExactly(HashVerdict.MATCHED_KNOWN);
      assertThat(backend.hashSets().retriageMarks(B)).isEmpty();
      assertThat(retriage.consumeAll()).isEqualTo(new Retriage.Outcome(0, 0));
    }
  }
}
