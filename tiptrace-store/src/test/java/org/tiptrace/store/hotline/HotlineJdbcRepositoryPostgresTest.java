package org.tiptrace.store.hotline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.intake.hotline.HotlineRepositoryContract;

/** The repository contract on PostgreSQL, in a random schema dropped afterwards. */
@EnabledIfEnvironmentVariable(
    named = HotlineTestDatabase.PG_URL_VARIABLE,
    matches = ".+",
    disabledReason =
        "TIPTRACE_TEST_PG_URL is not set (e.g. jdbc:postgresql://127.0.0.1:5432/postgres"
            + "?user=postgres): PostgreSQL store tests skipped")
class HotlineJdbcRepositoryPostgresTest extends HotlineRepositoryContract {
  private static HotlineTestDatabase db;

  @BeforeAll
  static void createSchema() {
    db = HotlineTestDatabase.postgres();
  }

  @AfterAll
  static void dropSchema() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected HotlineRepository newRepository() {
    db.clear();
    return new JdbcHotlineRepository(db.dataSource());
  }
}
