package org.tiptrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.cli.AgencyTriage;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditEntry;
import org.tiptrace.audit.AuditLog;
import org.tiptrace.link.Subject;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipJson;
import org.tiptrace.triage.StoredTriage;

/**
 * The investigator pages over real HTTP, on synthetic tips of agency ICAC-P ({@link PagesSeed})
 * with their IP assessments stored at intake: what each page shows, agency scoping (another
 * agency's tip or subject is 404), roles, audit entries and the htmx fragments.
 */
class PagesWebTest extends WebTest {
  private static final Pattern TIER_CELL = Pattern.compile("<td>(Tier [1-4]|Informational)</td>");

  private List<Tip> tips;

  @BeforeEach
  void seed() {
    PagesSeed.ensure(backend);
    tips = AgencyTriage.loadTips(backend.tips(), PagesSeed.AGENCY_P);
  }

  private HttpClient pat() {
    return formLogin("pat", "pat-secret");
  }

  private HttpResponse<String> get(HttpClient client, String path) {
    String accept = path.endsWith(".json") ? "application/json" : "text/html";
    return send(client, request(path).header("Accept", accept).GET().build());
  }

  private List<AuditEntry> audit(AuditAction action, String actor) {
    List<AuditEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<AuditEntry> page = backend.auditLog().read(after, AuditLog.MAX_PAGE);
      all.addAll(page);
      if (page.size() < AuditLog.MAX_PAGE) {
        return all.stream().filter(e -> e.action() == action && e.actor().equals(actor)).toList();
      }
      after = page.getLast().sequence();
    }
  }

  private static List<Integer> tierRanks(String body) {
    List<Integer> out = new ArrayList<>();
    Matcher m = TIER_CELL.matcher(body);
    while (m.find()) {
      out.add(m.group(1).equals("Informational") ? 5 : m.group(1).charAt(5) - '0');
    }
    return out;
  }

  /** A subject of ICAC-P seen in two tips or more (the seed has some). */
  private Subject linkedSubject() {
    return AgencyTriage.load(backend.tips(), PagesSeed.AGENCY_P, Optional.empty())
        .linker()
        .subjects()
        .stream()
        .filter(s -> s.tips().size() > 1)
        .findFirst()
        .orElseThrow(() -> new AssertionError("seed " + PagesSeed.SEED + " links no tips"));
  }

  @Test
  void loginLandsOnTheQueue() {
    HttpClient client = client();
    String token = csrfToken(client, "/login");
    HttpResponse<String> r =
        send(client, formPost("/login", "pat", "pat-secret", Optional.of(token)));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/queue");
  }

  @Test
  void queueShowsTheAgencysTipsInTierOrderWithPaging() {
    HttpResponse<String> r = get(pat(), "/queue");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<span>" + tips.size() + "</span> of <span>" + tips.size() + "</span> tips")
        .contains("<a class=\"skip-link\" href=\"#main\">")
        .contains("<main id=\"main\"")
        .contains("href=\"/queue?page=1\"");
    List<Integer> ranks = tierRanks(r.body());
    assertThat(ranks).hasSize(QueueFilter.PAGE_SIZE).isSorted();
    assertThat(audit(AuditAction.TIP_LISTED, "pat"))
        .anyMatch(e -> e.detail().startsWith("page queue"));
  }

  @Test
  void queueIsThePersistedTriageInTheOrderOfTheApi() throws Exception {
    HttpResponse<String> page = get(pat(), "/queue");
    List<String> shown = new ArrayList<>();
    Matcher m = Pattern.compile("<td><a href=\"/tips/([0-9]+)\">").matcher(page.body());
    while (m.find()) {
      shown.add(m.group(1));
    }
    HttpResponse<String> api =
        send(basic("/api/v1/queue?limit=" + QueueFilter.PAGE_SIZE, "pat", "pat-secret"));
    List<String> stored = new ArrayList<>();
    TipJson.mapper()
        .readTree(api.body())
        .get("items")
        .forEach(i -> stored.add(i.get("tip").asText()));

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(shown).hasSize(QueueFilter.PAGE_SIZE).isEqualTo(stored);
    assertThat(backend.triageStore().all(PagesSeed.AGENCY_P))
        .as("every seeded tip has a stored result once the queue was shown")
        .hasSize(tips.size());
    assertThat(page.body()).contains("Stored triage results (" + tips.size() + " tips");
  }

  @Test
  void explanationShowsTheStoredResult() {
    Tip tip = tips.get(1);
    get(pat(), "/queue");
    StoredTriage stored = backend.triageStore().find(PagesSeed.AGENCY_P, tip.id()).orElseThrow();
    HttpResponse<String> r = get(pat(), "/queue/" + tip.id() + "/explanation");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("scores <span>" + stored.result().score() + "</span>")
        .contains("rules <span>" + stored.result().rulesVersion() + "</span>")
        .contains(
            "computed <span>" + QueuePageController.TIME.format(stored.computedAt()) + "</span>");
    for (var line : stored.result().lines()) {
      assertThat(r.body()).contains("<td>" + line.rule() + "</td>");
    }
  }

  @Test
  void htmxFilterAnswersOnlyTheResultsFragment() {
    HttpClient pat = pat();
    HttpResponse<String> full = get(pat, "/queue?tier=TIER_2");
    HttpResponse<String> fragment =
        send(pat, request("/queue?tier=TIER_2").header("HX-Request", "true").GET().build());

    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body())
        .doesNotContain("<html")
        .doesNotContain("<main")
        .contains("queue-results");
    assertThat(tierRanks(fragment.body())).isNotEmpty().allMatch(rank -> rank == 2);
    assertThat(tierRanks(fragment.body())).isEqualTo(tierRanks(full.body()));
  }

  @Test
  void deadlineFilterKeepsOnlyTipsWithADeadline() {
    HttpResponse<String> all = get(pat(), "/queue?days=3650");
    HttpResponse<String> soon = get(pat(), "/queue?days=1");

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("<tbody>").doesNotContain("<td>none known</td>");
    assertThat(soon.body()).doesNotContain("<td>none known</td>");
  }

  @Test
  void countryFilterKeepsTheTipsPointingThere() {
    long us =
        tips.stream()
            .filter(t -> org.tiptrace.triage.QueueFacets.of(t.report()).countries().contains("US"))
            .count();
    HttpResponse<String> r = get(pat(), "/queue?country=us");
    HttpResponse<String> none = get(pat(), "/queue?country=ZZ");

    assertThat(us).as("seed tips pointing to US").isPositive();
    assertThat(r.body()).contains("<span>" + us + "</span> of <span>" + tips.size() + "</span>");
    assertThat(none.body()).contains("<span>0</span> of").contains("No tips match these filters.");
  }

  @Test
  void badFilterIsA400NamingTheParameter() {
    HttpResponse<String> r =
        send(pat(), request("/queue?days=soon").header("HX-Request", "true").GET().build());
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void explanationIsOneFragmentAwayAndScopedToTheAgency() {
    Tip tip = tips.getFirst();
    HttpResponse<String> r = get(pat(), "/queue/" + tip.id() + "/explanation");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("Why tip <span>" + tip.id() + "</span>")
        .contains("<th scope=\"col\">Rule</th>");
    assertThat(r.body()).doesNotContain("<html");
    assertThat(audit(AuditAction.TIP_VIEWED, "pat"))
        .anyMatch(
            e -> e.subjectId().equals(tip.id().toString()) && e.detail().contains("explanation"));

    HttpResponse<String> bob =
        get(formLogin("bob", "bob-secret"), "/queue/" + tip.id() + "/explanation");
    assertThat(bob.statusCode()).isEqualTo(404);
  }

  @Test
  void tipPageShowsIpAssessmentsAndAFilesPanelThatSaysWhenItCannotLoad() {
    Tip tip = tips.getFirst();
    HttpResponse<String> r = get(pat(), "/tips/" + tip.id());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("IP events: attribution and retention deadlines")
        .contains("likely gone after")
        .contains("hx-get=\"/tips/" + tip.id() + "/files\"")
        .contains("data-load-error=\"The files panel could not be loaded.")
        .contains("href=\"/tips/" + tip.id() + "/graph\"");
  }

  @Test
  void graphJsonOfATipHoldsItsSubjectsMergesAndEvidence() throws Exception {
    Subject subject = linkedSubject();
    String tip = subject.tips().getFirst().toString();
    String other = subject.tips().get(1).toString();

    HttpResponse<String> api = send(basic("/api/v1/tips/" + tip + "/graph", "pat", "pat-secret"));
    HttpResponse<String> page = get(pat(), "/tips/" + tip + "/graph.json");

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).isEqualTo(page.body());
    JsonNode graph = TipJson.mapper().readTree(api.body());
    List<String> nodes = new ArrayList<>();
    graph.get("nodes").forEach(n -> nodes.add(n.get("id").asText()));
    assertThat(nodes).contains("tip:" + tip, "tip:" + other, "subject:" + subject.id());
    JsonNode merge = null;
    for (JsonNode e : graph.get("edges")) {
      if (e.get("kind").asText().equals("merge")
          && e.get("target").asText().equals("tip:" + other)) {
        merge = e;
      }
    }
    assertThat(merge).as("merge edge to tip " + other).isNotNull();
    assertThat(merge.get("evidence").toString()).contains("same ");
    assertThat(audit(AuditAction.TIP_VIEWED, "pat"))
        .anyMatch(e -> e.subjectId().equals(tip) && e.detail().equals("api graph"));
  }

  @Test
  void anotherAgencysGraphsAre404AndLeakNothing() {
    Subject subject = linkedSubject();
    String tip = subject.tips().getFirst().toString();
    String token = SubjectGraph.token(subject.id());

    HttpResponse<String> api = send(bob("/api/v1/tips/" + tip + "/graph"));
    HttpClient alice = formLogin("alice", "alice-secret");
    HttpResponse<String> tipPage = get(alice, "/tips/" + tip + "/graph");
    HttpResponse<String> json = get(alice, "/tips/" + tip + "/graph.json");
    HttpResponse<String> subjectPage = get(alice, "/subjects/" + token + "/graph");

    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(tipPage.statusCode()).isEqualTo(404);
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(subjectPage.statusCode()).isEqualTo(404);
    for (HttpResponse<String> r : List.of(api, tipPage, json, subjectPage)) {
      assertThat(r.body()).doesNotContain("identifier:").doesNotContain("example.net");
    }
    assertThat(audit(AuditAction.SUBJECT_VIEWED, "alice"))
        .anyMatch(e -> e.subjectId().equals(token));
  }

  @Test
  void subjectPagesListLinkedSubjectsAndDrawTheirGraph() {
    Subject subject = linkedSubject();
    HttpClient pat = pat();
    HttpResponse<String> list = get(pat, "/subjects");
    HttpResponse<String> graph =
        get(pat, "/subjects/" + SubjectGraph.token(subject.id()) + "/graph");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(subject.id().toString());
    assertThat(graph.statusCode()).isEqualTo(200);
    assertThat(graph.body())
        .contains("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js")
        .contains(
            "data-graph-url=\"/subjects/" + SubjectGraph.token(subject.id()) + "/graph.json\"");
    for (var t : subject.tips()) {
      assertThat(graph.body()).contains("href=\"/tips/" + t + "\"");
    }
  }

  @Test
  void deadlinesListEveryStoredDeadlineSoonestFirst() {
    int withDeadline = 0;
    int preserveNow = 0;
    for (Tip t : tips) {
      for (JsonNode a :
          backend.ipAssessments().find(t.agency(), t.id()).orElseThrow().assessments()) {
        if (!a.path("deadline").path("likelyGoneAt").isMissingNode()
            && !a.path("deadline").path("likelyGoneAt").isNull()) {
          withDeadline++;
          if (a.path("deadline").path("signal").asText().equals("PRESERVE_NOW")) {
            preserveNow++;
          }
        }
      }
    }
    HttpResponse<String> r = get(pat(), "/deadlines");

    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m =
        Pattern.compile("<td>likely gone after ([0-9-]+ [0-9:]+) UTC</td>").matcher(r.body());
    List<String> upcoming = new ArrayList<>();
    int rows = 0;
    String body = r.body();
    int expiredAt = body.indexOf("id=\"expired-heading\"");
    while (m.find()) {
      rows++;
      if (m.start() < expiredAt) {
        upcoming.add(m.group(1));
      }
    }
    assertThat(rows).isEqualTo(withDeadline);
    assertThat(upcoming).isSorted();
    int marks = body.split("<strong class=\"preserve\">Preserve now</strong>", -1).length - 1;
    assertThat(marks).isEqualTo(preserveNow);
  }

  @Test
  void dashboardCountsTheAgencysTipsAndNeverInventsActionTimes() {
    HttpResponse<String> r = get(pat(), "/dashboard");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("No actions recorded yet").contains("<svg");
    // Backlog by tier: the table rows of the second chart sum to the agency's tips.
    String backlog =
        r.body().substring(r.body().indexOf("id=\"chart-1\""), r.body().indexOf("id=\"chart-2\""));
    Matcher m = Pattern.compile("<th scope=\"row\">[^<]+</th><td>([0-9]+)</td>").matcher(backlog);
    int sum = 0;
    while (m.find()) {
      sum += Integer.parseInt(m.group(1));
    }
    assertThat(sum).isEqualTo(tips.size());
  }

  @Test
  void adminIsForAdministratorsAndShowsNoPasswordHashes() {
    HttpResponse<String> r = get(pat(), "/admin");
    HttpResponse<String> bob = get(formLogin("bob", "bob-secret"), "/admin");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<td>pat</td>")
        .doesNotContain("<td>alice</td>") // another agency's user (issue 6: own agency only)
        .contains("ICAC-P")
        .contains("Hash sets")
        .contains("mode SYNTHETIC_DATA")
        .doesNotContain("$2a$");
    assertThat(bob.statusCode()).isEqualTo(403);
  }

  @Test
  void pageLibrariesAreServedAndThePolicyStaysStrict() {
    HttpResponse<String> htmx = send(request("/webjars/htmx.org/2.0.4/dist/htmx.min.js").GET());
    HttpResponse<String> queue = get(pat(), "/queue");

    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(queue.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'self';")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(queue.body()).doesNotContain("<script>").doesNotContain("style=");
  }

  @Test
  void unknownTipsAndSubjectsAre404() {
    HttpClient pat = pat();
    assertThat(get(pat, "/tips/abc/graph").statusCode()).isEqualTo(404);
    assertThat(get(pat, "/subjects/t999999-R0/graph").statusCode()).isEqualTo(404);
    assertThat(get(pat, "/subjects/nonsense/graph.json").statusCode()).isEqualTo(404);
    assertThat(get(pat, "/queue/999999/explanation").statusCode()).isEqualTo(404);
  }
}
