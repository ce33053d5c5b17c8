package org.tiptrace.app.hashsets;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.tiptrace.hash.sets.StoredHashSet;
import org.tiptrace.hash.sets.VicsCategoryMap;

/**
 * At start, finds the sets imported under another VICS category map version than the one in this
 * jar (a release changed {@code vics-categories.yaml}) and queues the job that re-derives their
 * stored matches ({@link HashSetJobs#startCategoryMap}), so a changed map takes effect without
 * waiting for the next import (decision 0020). The job is national, recorded under {@link
 * HashSetJobs#NATIONAL}, and linked from the hash-sets page while it is the latest.
 */
@Component
final class CategoryMapStartup implements ApplicationRunner {
  private static final System.Logger LOG = System.getLogger(CategoryMapStartup.class.getName());
  private final HashSetJobs jobs;

  CategoryMapStartup(HashSetJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<StoredHashSet> stale = jobs.staleCategoryMap();
    if (stale.isEmpty()) {
      return;
    }
    HashSetJobs.View job = jobs.startCategoryMap(HashSetJobs.NATIONAL, "start-up");
    LOG.log(
        System.Logger.Level.WARNING,
        "hash sets {0} were imported under another VICS category map than {1}: job {2}"
            + " re-derives their matches",
        stale.stream()
            .map(s -> s.info().name() + " (" + s.categoryMap().orElse("none") + ")")
            .collect(Collectors.joining(", ")),
        VicsCategoryMap.bundled().label(),
        job.id());
  }
}
