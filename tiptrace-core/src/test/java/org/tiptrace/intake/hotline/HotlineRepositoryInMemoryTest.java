package org.tiptrace.intake.hotline;

/** {@link HotlineRepositoryContract} on the in-memory double, so the double is proven too. */
class HotlineRepositoryInMemoryTest extends HotlineRepositoryContract {
  @Override
  protected HotlineRepository newRepository() {
    return new InMemoryHotlineRepository();
  }
}
