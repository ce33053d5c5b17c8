package org.tiptrace.store.hotline;

import org.junit.jupiter.api.AfterEach;
import org.tiptrace.intake.hotline.HotlineRepository;
import org.tiptrace.intake.hotline.HotlineServiceContract;

/** The whole hotline service contract with its reports stored on H2. */
class HotlineServiceJdbcH2Test extends HotlineServiceContract {
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
