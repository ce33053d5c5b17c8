package org.tiptrace.store.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.store.test.TestReports.ip;
import static org.tiptrace.store.test.TestReports.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.ip.AttributionMode;
import org.tiptrace.ip.EventContext;
import org.tiptrace.ip.IpAttribution;
import org.tiptrace.ip.IpEventAssessment;
import org.tiptrace.ip.RoutingDecision;
import org.tiptrace.store.test.TestBackend;
import org.tiptrace.store.test.TestDatabase;
import org.tiptrace.store.test.TestReports;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.Sha256;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TipId;
import org.tiptrace.tip.UserRole;

class JdbcAssessmentRepositoryTest {
  private static final AgencyId A = new AgencyId("icac-a");
  private static final AgencyId B = new AgencyId("icac-b");
  private static final Instant T0 = Instant.parse("2026-01-05T10:15:30.123456789Z");

  private static Report report() {
    return TestReports.report()
        .reportId("300001")
        .user(
            user(
                UserRole.REPORTED,
                "sunflower42",
                ip("198.51.100.23", 61022, "2025-03-14T21:07:31Z"),
                ip("203.0.113.9", -1, "2025-03-14T21:08:00Z")))
        .build();
  }

  private static List<IpEventAssessment> assess(Report report) {
    IpAttribution attribution =
        IpAttribution.builder(Clock.fixed(T0, ZoneOffset.UTC))
            .mode(AttributionMode.SYNTHETIC_DATA)
            .build();
    return attribution.assess(report, EventContext.of(report.cybertipReportId()));
  }

  private static Tip insert(TestDatabase db, AgencyId agency, String source) {
    return db.tips()
        .insertIfAbsent(agency, Sha256.of(source.getBytes(StandardCharsets.UTF_8)), T0, report())
        .tip();
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void storedAssessmentsReadBackAsTheirCanonicalJson(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AssessmentRepository repo = new JdbcAssessmentRepository(db.database().dataSource());
      Tip tip = insert(db, A, "one");
      List<IpEventAssessment> assessments = assess(tip.report());
      assertThat(assessments).hasSize(2);

      assertThat(repo.find(A, tip.id())).isEmpty();
      assertThat(repo.replace(A, tip.id(), "no data sets", T0, assessments)).isTrue();

      AssessmentRepository.Stored stored = repo.find(A, tip.id()).orElseThrow();
      assertThat(stored.tip()).isEqualTo(tip.id());
      assertThat(stored.dataSets()).isEqualTo("no data sets");
      assertThat(stored.computedAt()).isEqualTo(Instant.parse("2026-01-05T10:15:30.123456Z"));
      assertThat(stored.json()).isEqualTo(AssessmentRepository.toJson(assessments));
      JsonNode tree = stored.assessments();
      assertThat(tree.isArray()).isTrue();
      assertThat(tree.size()).isEqualTo(2);
      assertThat(tree.get(0).get("status").asText()).isEqualTo(assessments.get(0).status().name());
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void computingAgainReplacesTheSet(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AssessmentRepository repo = new JdbcAssessmentRepository(db.database().dataSource());
      Tip tip = insert(db, A, "two");
      List<IpEventAssessment> assessments = assess(tip.report());
      repo.replace(A, tip.id(), "first", T0, assessments);
      repo.replace(A, tip.id(), "second", T0.plusSeconds(60), assessments.subList(0, 1));

      AssessmentRepository.Stored stored = repo.find(A, tip.id()).orElseThrow();
      assertThat(stored.dataSets()).isEqualTo("second");
      assertThat(stored.assessments().size()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void anotherAgencyNeitherReadsNorWrites(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AssessmentRepository repo = new JdbcAssessmentRepository(db.database().dataSource());
      Tip tip = insert(db, A, "three");
      List<IpEventAssessment> assessments = assess(tip.report());
      repo.replace(A, tip.id(), "a", T0, assessments);

      assertThat(repo.find(B, tip.id())).isEmpty();
      assertThat(repo.replace(B, tip.id(), "b", T0, List.of())).isFalse();
      assertThat(repo.find(A, tip.id()).orElseThrow().dataSets()).isEqualTo("a");
      assertThat(repo.replace(A, new TipId(tip.id().value() + 1000), "x", T0, assessments))
          .isFalse();
      assertThat(repo.find(A, new TipId(tip.id().value() + 1000))).isEqualTo(Optional.empty());
    }
  }

  private static RoutingDecision decision(RoutingDecision.Outcome outcome, String agency) {
    return new RoutingDecision(
        outcome,
        Optional.ofNullable(agency),
        outcome == RoutingDecision.Outcome.INTERNATIONAL_REFERRAL,
        Optional.of("US"),
        Optional.empty(),
        List.of("reason for " + outcome),
        List.of("192.0.2.10: US (a.csv)"));
  }

  @ParameterizedTest
  @EnumSource(TestBackend.class)
  void routingIsStoredBesideTheAssessmentsAndReviewListsOnlyReviewOfTheAgency(TestBackend backend) {
    try (TestDatabase db = backend.open()) {
      AssessmentRepository repo = new JdbcAssessmentRepository(db.database().dataSource());
      Tip routed = insert(db, A, "routed");
      Tip review1 = insert(db, A, "review-1");
      Tip noRouting = insert(db, A, "no-routing");
      Tip review2 = insert(db, A, "review-2");
      Tip otherAgency = insert(db, B, "review-b");
      List<IpEventAssessment> as = assess(routed.report());
      repo.replace(
          A,
          routed.id(),
          "d",
          T0,
          as,
          Optional.of(decision(RoutingDecision.Outcome.ROUTED, "DEMO-ICAC-CA")));
      repo.replace(
          A,
          review1.id(),
          "d",
          T0,
          as,
          Optional.of(decision(RoutingDecision.Outcome.REVIEW, null)));
      repo.replace(A, noRouting.id(), "d", T0, as);
      repo.replace(
          A,
          review2.id(),
          "d",
          T0,
          as,
          Optional.of(decision(RoutingDecision.Outcome.REVIEW, null)));
      repo.replace(
          B,
          otherAgency.id(),
          "d",
          T0,
          as,
          Optional.of(decision(RoutingDecision.Outcome.REVIEW, null)));

      AssessmentRepository.Stored stored = repo.find(A, routed.id()).orElseThrow();
      JsonNode routing = stored.routingTree().orElseThrow();
      assertThat(routing.get("outcome").asText()).isEqualTo("ROUTED");
      assertThat(routing.get("agency").asText()).isEqualTo("DEMO-ICAC-CA");
      assertThat(repo.find(A, noRouting.id()).orElseThrow().routing()).isEmpty();

      assertThat(repo.routingReview(A, 0, 100))
          .extracting(AssessmentRepository.ReviewItem::tip)
          .containsExactly(review1.id(), review2.id());
      assertThat(repo.routingReview(A, 1, 100))
          .extracting(AssessmentRepository.ReviewItem::tip)
          .containsExactly(review2.id());
      assertThat(repo.routingReview(B, 0, 100))
          .extracting(AssessmentRepository.ReviewItem::tip)
          .containsExactly(otherAgency.id());

      // Routed again: it leaves the review list.
      repo.replace(
          A,
          review1.id(),
          "d",
          T0,
          as,
          Optional.of(decision(RoutingDecision.Outcome.INTERNATIONAL_REFERRAL, "DEMO-INTL")));
      assertThat(repo.routingReview(A, 0, 100))
          .extracting(AssessmentRepository.ReviewItem::tip)
          .containsExactly(review2.id());
      assertThat(repo.routingReview(A, 0, 1).get(0).routingTree().get("reasons").get(0).asText())
          .isEqualTo("reason for REVIEW");
    }
  }
}
