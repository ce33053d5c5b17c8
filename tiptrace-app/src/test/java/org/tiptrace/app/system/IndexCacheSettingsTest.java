package org.tiptrace.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.hash.sets.SetIndexCache;
import org.tiptrace.store.hashsets.FileSetIndexCache;

/** Where the hash-set index cache of an opened backend is (decision 0019). */
class IndexCacheSettingsTest {
  @TempDir Path dir;

  @Test
  void anH2FileDatabaseKeepsItsCacheBesideItUnlessOneIsConfigured() {
    try (TiptraceBackend backend = TiptraceBackend.open(TiptraceBackend.defaultSettings(dir))) {
      assertThat(backend.hashSets().indexCache())
          .isInstanceOfSatisfying(
              FileSetIndexCache.class,
              c ->
                  assertThat(c.directory()).isEqualTo(dir.toAbsolutePath().resolve("index-cache")));
    }
    Path elsewhere = dir.resolve("configured-cache");
    try (TiptraceBackend backend =
        TiptraceBackend.open(TiptraceBackend.defaultSettings(dir).withIndexCache(elsewhere))) {
      assertThat(backend.hashSets().indexCache())
          .isInstanceOfSatisfying(
              FileSetIndexCache.class, c -> assertThat(c.directory()).isEqualTo(elsewhere));
      assertThat(elsewhere).isDirectory();
    }
  }

  @Test
  void anInMemoryDatabaseHasNone() {
    try (TiptraceBackend backend =
        TiptraceBackend.open(
            new DatabaseSettings(
                "jdbc:h2:mem:index-cache-" + System.nanoTime(),
                java.util.Optional.empty(),
                java.util.Optional.empty()))) {
      assertThat(backend.hashSets().indexCache()).isSameAs(SetIndexCache.NONE);
    }
  }
}
