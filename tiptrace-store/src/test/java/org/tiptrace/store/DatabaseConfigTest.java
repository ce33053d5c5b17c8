package org.tiptrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigTest {

  @Test
  void anUnsupportedUrlIsNamedWithItsPropertyAndWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                DatabaseConfig.of(
                    "jdbc:mysql://db.example/tips?user=u&password=hunter2", "u", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DatabaseConfig.URL_PROPERTY)
        .hasMessageContaining("jdbc:mysql://db.example/tips?user=u&password=****")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aBlankUrlIsRefused() {
    assertThatThrownBy(() -> DatabaseConfig.of(" ", null, null))
        .hasMessageContaining(DatabaseConfig.URL_PROPERTY);
  }

  @Test
  void thePoolSizeIsChecked() {
    assertThatThrownBy(() -> DatabaseConfig.of("jdbc:h2:mem:x", null, null).withMaximumPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DatabaseConfig.POOL_SIZE_PROPERTY)
        .hasMessageContaining("was 0");
  }

  @Test
  void passwordsAreMaskedWhereverTheyAppear() {
    DatabaseConfig c =
        new DatabaseConfig(
            "jdbc:postgresql://127.0.0.1:5432/tips?user=tt&PASSWORD=s3cret&ssl=true",
            Optional.of("tt"),
            Optional.of("other-s3cret"),
            4);
    assertThat(c.vendor()).isEqualTo(Vendor.POSTGRESQL);
    assertThat(c.maskedUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/tips?user=tt&PASSWORD=****&ssl=true");
    assertThat(c.toString()).doesNotContain("s3cret").contains("password=****");
    assertThat(DatabaseConfig.mask("jdbc:h2:file:/d/tiptrace;USER=sa;PASSWORD=pw;WRITE_DELAY=0"))
        .isEqualTo("jdbc:h2:file:/d/tiptrace;USER=sa;PASSWORD=****;WRITE_DELAY=0");
  }

  @Test
  void theDefaultIsAnH2FileInTheDataFolderThatWritesEveryCommit(@TempDir Path dir) {
    DatabaseConfig c = DatabaseConfig.h2File(dir.resolve("data"));
    assertThat(c.vendor()).isEqualTo(Vendor.H2);
    assertThat(c.inMemory()).isFalse();
    assertThat(c.url())
        .isEqualTo(
            "jdbc:h2:file:"
                + dir.resolve("data").toAbsolutePath().toString().replace('\\', '/')
                + "/tiptrace;WRITE_DELAY=0");
  }

  @Test
  void aDataFolderWithASemicolonIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> DatabaseConfig.h2File(dir.resolve("a;b")))
        .hasMessageContaining(DatabaseConfig.DATA_DIR_PROPERTY)
        .hasMessageContaining("a;b");
  }

  @Test
  void inMemoryNamesAreChecked() {
    assertThat(DatabaseConfig.h2InMemory("ok_name-1").inMemory()).isTrue();
    assertThatThrownBy(() -> DatabaseConfig.h2InMemory("no;settings"))
        .hasMessageContaining("no;settings");
  }
}
