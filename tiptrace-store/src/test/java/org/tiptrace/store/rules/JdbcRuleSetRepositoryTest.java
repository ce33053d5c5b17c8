package org.tiptrace.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.rules.RuleKind;
import org.tiptrace.rules.RuleSetRepository;
import org.tiptrace.rules.StoredRuleSet;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.tip.Sha256;

class JdbcRuleSetRepositoryTest {
  private static final Instant AT = Instant.parse("2026-11-23T04:10:00.123456789Z");

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void seedAddActivateAndRollBack(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      RuleSetRepository repo = new JdbcRuleSetRepository(db.database().dataSource());
      assertThat(repo.active(RuleKind.TRIAGE)).isEmpty();

      // Bytes kept exactly: CRLF, a trailing space, non-ASCII.
      byte[] v1 = utf8("version: \"a\"\r\nnote: café \n");
      StoredRuleSet seeded = repo.seedIfEmpty(RuleKind.TRIAGE, 1, "a", v1, AT, "the jar's file");
      assertThat(seeded.version()).isEqualTo(1);
      assertThat(seeded.active()).isTrue();
      assertThat(seeded.bytes()).isEqualTo(v1);
      assertThat(seeded.sha256()).isEqualTo(Sha256.of(v1));
      assertThat(seeded.submittedBy()).isEqualTo("system");
      assertThat(seeded.submittedAt()).isEqualTo(Instant.parse("2026-11-23T04:10:00.123456Z"));
      // A second seed (another start) changes nothing.
      assertThat(repo.seedIfEmpty(RuleKind.TRIAGE, 1, "other", utf8("x"), AT, "again"))
          .isEqualTo(seeded);
      assertThat(repo.list(RuleKind.VIEWING_GATE)).isEmpty();

      byte[] v2 = utf8("version: \"b\"\n");
      StoredRuleSet added =
          repo.add(RuleKind.TRIAGE, "b", v2, Sha256.of(v2), "pat", AT, "raise enticement");
      assertThat(added.version()).isEqualTo(2);
      assertThat(added.active()).isFalse();
      assertThat(repo.find(RuleKind.TRIAGE, 2)).contains(added);
      assertThat(repo.active(RuleKind.TRIAGE).orElseThrow().version()).isEqualTo(1);

      assertThat(repo.activate(RuleKind.TRIAGE, 2)).isTrue();
      assertThat(repo.active(RuleKind.TRIAGE).orElseThrow().version()).isEqualTo(2);
      assertThat(repo.activeVersion(RuleKind.TRIAGE)).hasValue(2);
      assertThat(repo.activeVersion(RuleKind.VIEWING_GATE)).isEmpty();
      assertThat(repo.list(RuleKind.TRIAGE))
          .extracting(StoredRuleSet::version, StoredRuleSet::active)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, false),
              org.assertj.core.groups.Tuple.tuple(2, true));

      // Roll back.
      assertThat(repo.activate(RuleKind.TRIAGE, 1)).isTrue();
      assertThat(repo.active(RuleKind.TRIAGE).orElseThrow().bytes()).isEqualTo(v1);
      assertThat(repo.activate(RuleKind.TRIAGE, 9)).isFalse();
      assertThat(repo.active(RuleKind.TRIAGE).orElseThrow().version()).isEqualTo(1);
      assertThat(repo.find(RuleKind.TRIAGE, 9)).isEmpty();

      // Kinds are independent; the gate seed keeps the file's own version.
      StoredRuleSet gate =
          repo.seedIfEmpty(RuleKind.VIEWING_GATE, 1, "1", utf8("version: 1\n"), AT, "jar");
      assertThat(gate.version()).isEqualTo(1);
      assertThat(repo.active(RuleKind.TRIAGE).orElseThrow().version()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void concurrentSubmissionsGetDistinctVersions(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      RuleSetRepository repo = new JdbcRuleSetRepository(db.database().dataSource());
      repo.seedIfEmpty(RuleKind.TRIAGE, 1, "a", utf8("a"), AT, "seed");
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          byte[] b = utf8("n" + i);
          work.add(
              () ->
                  repo.add(RuleKind.TRIAGE, "n", b, Sha256.of(b), "pat", AT, "concurrent")
                      .version());
        }
        List<Integer> versions = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(work)) {
          versions.add(f.get());
        }
        assertThat(versions).containsExactlyInAnyOrder(2, 3, 4);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
