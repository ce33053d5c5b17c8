package org.tiptrace.app.ip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tiptrace.ip.AssessmentRepository;

/** One entry of the routing review list, the same in {@code ip routing --review} and the API. */
public final class RoutingReview {
  private RoutingReview() {}

  public static Map<String, Object> item(AssessmentRepository.ReviewItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tipId", i.tip().value());
    m.put("computedAt", i.computedAt().toString());
    m.put("routing", i.routingTree());
    return m;
  }
}
