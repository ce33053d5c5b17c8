package org.tiptrace.app.hashsets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.audit.AuditSubjectType;
import org.tiptrace.hash.sets.HashSetFormat;
import org.tiptrace.hash.sets.HashSetInfo;
import org.tiptrace.hash.sets.HashSetKind;
import org.tiptrace.hash.sets.ReadProgress;
import org.tiptrace.tip.TipJson;

/** {@code GET /api/v1/hashsets} over real HTTP: administrators only, national, audited. */
class HashSetApiTest extends WebTest {
  private static final String ADMIN = "hs-admin-b";

  @TempDir Path dir;

  @BeforeEach
  void seed() throws IOException {
    TestAccounts.ensure(backend, ADMIN, AGENCY_B, Role.ADMINISTRATOR);
    if (backend.hashSets().find("Web List Set").isPresent()) {
      return;
    }
    Path csv = dir.resolve("set.csv");
    Files.writeString(
        csv, "md5,category\n0123456789abcdef0123456789abcdef,1\n", StandardCharsets.UTF_8);
    backend
        .hashSets()
        .importSet(
            new HashSetInfo(
                "Web List Set",
                "2026.02",
                Optional.of("synthetic"),
                Optional.of("test data"),
                "test",
                HashSetKind.KNOWN_ABUSE,
                true),
            HashSetFormat.CSV,
            "00".repeat(32),
            Instant.parse("2026-02-01T10:00:00Z"),
            sink ->
                TiptraceBackend.hashSetReaders()
                    .reader(HashSetFormat.CSV)
                    .orElseThrow()
                    .read(csv, sink, ReadProgress.NONE));
  }

  @Test
  void anAdministratorOfAnyAgencySeesTheNationalSetsAndTheReadIsAudited() throws IOException {
    int before = TestAccounts.entries(backend, AuditAction.HASH_SETS_LISTED, ADMIN).size();
    HttpResponse<String> r =
        send(basic("/api/v1/hashsets", ADMIN, TestAccounts.password(ADMIN)).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TipJson.mapper().readTree(r.body());
    assertThat(body.get("scope").asText()).startsWith("national");
    JsonNode set = null;
    for (JsonNode s : body.get("sets")) {
      if (s.get("name").asText().equals("Web List Set")) {
        set = s;
      }
    }
    assertThat(set).isNotNull();
    assertThat(set.get("version").asText()).isEqualTo("2026.02");
    assertThat(set.get("kind").asText()).isEqualTo("KNOWN_ABUSE");
    assertThat(set.get("format").asText()).isEqualTo("csv");
    assertThat(set.get("entries").asLong()).isEqualTo(1);
    assertThat(set.get("licence").asText()).isEqualTo("test data");
    // a CSV set: the VICS category map does not apply, so it is never stale
    assertThat(set.get("categoryMapStale").asBoolean()).isFalse();
    assertThat(body.get("categoryMap").asText())
        .isEqualTo(org.tiptrace.hash.sets.VicsCategoryMap.bundled().label());

    var audited = TestAccounts.entries(backend, AuditAction.HASH_SETS_LISTED, ADMIN);
    assertThat(audited).hasSize(before + 1);
    assertThat(audited.getLast().subjectType()).isEqualTo(AuditSubjectType.HASH_SET);
    assertThat(audited.getLast().agency()).contains(AGENCY_B);
  }

  @Test
  void otherRolesAreRefused() {
    assertThat(send(bob("/api/v1/hashsets").GET()).statusCode()).isEqualTo(403);
    assertThat(send(alice("/api/v1/hashsets").GET()).statusCode()).isEqualTo(403);
    assertThat(send(request("/api/v1/hashsets").GET()).statusCode()).isEqualTo(401);
  }
}
