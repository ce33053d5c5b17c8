package org.tiptrace.store.hashsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.store.hashsets.HashSetTestData.abuseVics;
import static org.tiptrace.store.hashsets.HashSetTestData.goodHashdeep;
import static org.tiptrace.store.hashsets.HashSetTestData.importText;
import static org.tiptrace.store.hashsets.HashSetTestData.info;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.HashSetRepository;
import org.tiptrace.hash.sets.VicsCategoryMap;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;

/** Each import of a set the VICS category map applies to records the map's version (V14). */
class CategoryMapImportTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void theMapVersionIsRecordedOnEachImportItAppliesTo(TestBackend backend) throws Exception {
    try (TestDatabase db = backend.open()) {
      HashSetRepository repo = new JdbcHashSetRepository(db.database().dataSource());
      importText(
          repo,
          dir,
          HashSetFormat.VICS,
          info("Example VICS", "2026.01", HashSetKind.KNOWN_ABUSE),
          "abuse.json",
          abuseVics());
      importText(
          repo,
          dir,
          HashSetFormat.HASHDEEP,
          info("Example NSRL-like", "7", HashSetKind.KNOWN_GOOD),
          "good.txt",
          goodHashdeep());

      assertThat(repo.find("Example VICS").orElseThrow().categoryMap())
          .contains(VicsCategoryMap.bundled().label())
          .contains("vics-categories 2026.11-1");
      assertThat(repo.find("Example NSRL-like").orElseThrow().categoryMap()).isEmpty();
      assertThat(repo.list()).hasSize(2);
    }
  }
}
