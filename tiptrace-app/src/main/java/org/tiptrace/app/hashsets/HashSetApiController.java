package org.tiptrace.app.hashsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tiptrace.app.system.AuditTrail;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.web.ApiEndpoint;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.StoredHashSet;

/**
 * {@code GET /api/v1/hashsets}: every known-hash set, for administrators. The sets are national
 * data shared by every agency (the answer says so in {@code scope}); they hold digests and
 * provenance, no agency's tips. Each listing is audited.
 */
@RestController
class HashSetApiController implements ApiEndpoint {
  private final TiptraceBackend backend;
  private final AuditTrail audit;
  private final HashSetJobs jobs;

  HashSetApiController(TiptraceBackend backend, AuditTrail audit, HashSetJobs jobs) {
    this.backend = backend;
    this.audit = audit;
    this.jobs = jobs;
  }

  @GetMapping(value = "/api/v1/hashsets", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> list() {
    List<StoredHashSet> sets = backend.hashSets().list();
    audit.record(
        AuditAction.HASH_SETS_LISTED, AuditSubjectType.HASH_SET, "all", sets.size() + " sets");
    java.util.Set<String> stale = new java.util.HashSet<>();
    jobs.staleCategoryMap().forEach(s -> stale.add(s.info().name()));
    List<Map<String, Object>> items = new ArrayList<>();
    for (StoredHashSet s : sets) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", s.info().name());
      o.put("version", s.info().version());
      o.put("kind", s.info().kind().name());
      o.put("enabled", s.info().enabled());
      o.put("format", s.format().name().toLowerCase(Locale.ROOT));
      o.put("entries", s.entryCount());
      o.put("categoryScheme", s.info().categoryScheme());
      o.put("categoryMap", s.categoryMap().orElse(null));
      // imported under another VICS category map version: its matches are being or must be
      // re-derived (decision 0020)
      o.put("categoryMapStale", stale.contains(s.info().name()));
      o.put("source", s.info().source().orElse(null));
      o.put("licence", s.info().licence().orElse(null));
      items.add(o);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scope", "national: shared by every agency");
    out.put("categoryMap", org.tiptrace.hash.sets.VicsCategoryMap.bundled().label());
    out.put("sets", items);
    return out;
  }
}
