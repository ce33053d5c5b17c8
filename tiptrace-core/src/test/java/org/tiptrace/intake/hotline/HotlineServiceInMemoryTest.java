package org.tiptrace.intake.hotline;

/** {@link HotlineServiceContract} on the in-memory repository. */
class HotlineServiceInMemoryTest extends HotlineServiceContract {
  @Override
  protected HotlineRepository newRepository() {
    return new InMemoryHotlineRepository();
  }
}
