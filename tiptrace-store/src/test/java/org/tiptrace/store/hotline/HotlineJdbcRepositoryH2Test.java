package org.tiptrace.store.hotline;

import org.junit.jupiter.api.AfterEach;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.intake.hotline.HotlineRepositoryContract;

/** The repository contract on H2. */
class HotlineJdbcRepositoryH2Test extends HotlineRepositoryContract {
  private HotlineTestDatabase db;

  @Override
  protected HotlineRepository newRepository() {
    db = HotlineTestDatabase.h2();
    return new JdbcHotlineRepository(db.dataSource());
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }
}
