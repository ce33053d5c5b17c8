package org.tiptrace.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tiptrace.link.TestTips.report;
import static org.tiptrace.link.TestTips.tip;
import static org.tiptrace.link.TestTips.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tiptrace.tip.AssociatedAccount;
import org.tiptrace.tip.AssociatedAccountType;
import org.tiptrace.tip.Phone;
import org.tiptrace.tip.Report;
import org.tiptrace.tip.ReportedUser;
import org.tiptrace.tip.SourceFormat;
import org.tiptrace.tip.TriState;

class IdentifierExtractorTest {

  private static Map<String, Identifier> ids(TestTips.UserBuilder u) {
    List<PersonIdentifiers> people = Linker.identifiers(tip(1, report().reported(u).build()));
    return people.get(0).identifiers().stream().collect(Collectors.toMap(Identifier::key, i -> i));
  }

  @Test
  void phonesBecomeE164WithDefaultRegionUsOrTheCountryCode() {
    var us = ids(user("Example Chat", "1").phone("(202) 555-0178", TriState.TRUE));
    assertThat(us).containsKey("tel|+12025550178");
    assertThat(us.get("tel|+12025550178").strength()).isEqualTo(Strength.STRONG);
    var uk = ids(user("Example Chat", "1").phone("020 7946 0018", "+44"));
    assertThat(uk).containsKey("tel|+442079460018");
  }

  @Test
  void anExplicitlyUnverifiedPhoneIsWeakAndGarbageIsKeptAsWeakDigits() {
    var ids = ids(user("Example Chat", "1").phone("202-555-0101", TriState.FALSE));
    assertThat(ids.get("tel|+12025550101").strength()).isEqualTo(Strength.WEAK);
    var junk = ids(user("Example Chat", "1").phone("ext 55501", TriState.TRUE));
    assertThat(junk.keySet()).anyMatch(k -> k.startsWith("tel?|"));
    assertThat(junk.values())
        .filteredOn(i -> i.kind() == IdentifierKind.PHONE)
        .allMatch(i -> i.strength() == Strength.WEAK);
  }

  @Test
  void emailsAreCaseFoldedWithoutGmailDotRulesAndStrongOnlyWhenVerified() {
    var ids =
        ids(
            user("Example Chat", "1")
                .email(" River.Fox@Example.COM ", true)
                .email("r.i.v.e.r@example.net", false));
    assertThat(ids.get("mail|river.fox@example.com").strength()).isEqualTo(Strength.STRONG);
    assertThat(ids)
        .containsKey("mail|r.i.v.e.r@example.net")
        .doesNotContainKey("mail|river@example.net");
    assertThat(ids.get("mail|r.i.v.e.r@example.net").strength()).isEqualTo(Strength.WEAK);
  }

  @Test
  void espIdsAndScreenNamesAreScopedToTheService() {
    var ids = ids(user("Example Chat", "100200300").screenName("Owl_River"));
    assertThat(ids.get("esp|example chat|100200300").strength()).isEqualTo(Strength.STRONG);
    assertThat(ids.get("sn|example chat|owl_river").strength()).isEqualTo(Strength.WEAK);
    assertThat(ids).containsKey("sn*|owl_river");
  }

  @Test
  void devicesByTypeSsidIsWeak() {
    var ids =
        ids(
            user("Example Chat", "1")
                .device("IMEI", "490154203237518")
                .device("Wi-Fi SSID", "ExampleCafeGuest"));
    assertThat(ids.get("dev|imei|490154203237518").strength()).isEqualTo(Strength.STRONG);
    assertThat(ids.get("dev|wifissid|examplecafeguest").strength()).isEqualTo(Strength.WEAK);
  }

  @Test
  void paymentIdsFromOtherFieldsAndAStrictAdditionalInfoLine() {
    var ids =
        ids(
            user("Example Chat", "1")
                .otherField("paymentAccountId", "PAY-778899")
                .info("Payment ID: acct_5550101")
                .info("user mentioned a payment of 20 dollars"));
    assertThat(ids).containsKeys("pay|pay-778899", "pay|acct_5550101");
    assertThat(ids.values()).filteredOn(i -> i.kind() == IdentifierKind.PAYMENT_ID).hasSize(2);
  }

  @Test
  void profileUrlsAreNormalised() {
    assertThat(
            IdentifierExtractor.normaliseProfileUrl(
                "HTTPS://www.Social.Example.com/u/Owl/?ref=x#top"))
        .isEqualTo("social.example.com/u/Owl");
    assertThat(IdentifierExtractor.normaliseProfileUrl("social.example.com/u/Owl"))
        .isEqualTo("social.example.com/u/Owl");
  }

  @Test
  void ipsAreKeyedByUtcDayAndUndatedCapturesLinkNothing() {
    var ids =
        ids(user("Example Chat", "1").ip("192.0.2.10", TestTips.T0).undatedIp("198.51.100.7"));
    assertThat(ids).containsKey("ip|192.0.2.10|2026-01-05");
    assertThat(ids.keySet()).noneMatch(k -> k.contains("198.51.100.7"));
  }

  @Test
  void linkedAssociatedAccountsAddTheirIdentifiersButAParentGuardianDoesNot() {
    ReportedUser base = user("Demo Social", "main-1").build();
    AssociatedAccount linked = account(AssociatedAccountType.LINKED, "alt-77", "202-555-0133");
    AssociatedAccount parent =
        account(AssociatedAccountType.PARENT_GUARDIAN, "mum-1", "202-555-0134");
    ReportedUser withAccounts =
        new ReportedUser(
            base.role(),
            base.person(),
            base.vehicleDescription(),
            base.espIdentifier(),
            base.espService(),
            base.compromisedAccount(),
            base.screenName(),
            base.displayNames(),
            base.profileUrls(),
            base.profileBio(),
            base.ipCaptureEvents(),
            base.deviceIds(),
            base.thirdPartyUserReported(),
            base.schoolName(),
            base.priorCTReports(),
            base.groupIdentifier(),
            base.accountTemporarilyDisabled(),
            base.accountPermanentlyDisabled(),
            base.estimatedLocation(),
            base.allEmailsReported(),
            List.of(linked, parent),
            base.additionalInfo(),
            base.otherFields());
    Report r =
        new Report(
            SourceFormat.ESP_XML_REPORT,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            report().build().incidentSummary(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(withAccounts),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Set<String> keys =
        Linker.identifiers(tip(1, r)).get(0).identifiers().stream()
            .map(Identifier::key)
            .collect(Collectors.toSet());
    assertThat(keys).contains("esp|demo social|alt-77", "tel|+12025550133");
    assertThat(keys).doesNotContain("esp|demo social|mum-1", "tel|+12025550134");
  }

  private static AssociatedAccount account(AssociatedAccountType type, String espId, String phone) {
    return new AssociatedAccount(
        Optional.of(type),
        Optional.empty(),
        TriState.UNKNOWN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        List.of(Phone.of(phone)),
        List.of(),
        TriState.UNKNOWN,
        List.of(),
        Optional.of("Demo Social"),
        Optional.of(espId),
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }
}
