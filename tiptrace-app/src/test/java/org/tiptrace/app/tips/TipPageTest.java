package org.tiptrace.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.tip.Tip;

class TipPageTest extends WebTest {

  @Test
  void listAndShowPagesForTheUsersAgency() {
    Tip tip = insertTip(AGENCY_A, "PAGE-A", "page-user");
    HttpClient alice = formLogin("alice", "alice-secret");

    HttpResponse<String> list = send(alice, request("/").GET().build());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("PAGE-A").contains("href=\"/tips/" + tip.id() + "\"");

    HttpResponse<String> show = send(alice, request("/tips/" + tip.id()).GET().build());
    assertThat(show.statusCode()).isEqualTo(200);
    assertThat(show.body())
        .contains("Tip " + tip.id() + " (CyberTip PAGE-A)")
        .contains("page-user")
        .contains("198.51.100.23:61022 Login");
  }

  @Test
  void anotherAgencysTipIsNotShownNorListed() {
    Tip tip = insertTip(AGENCY_A, "PAGE-SECRET", "secret-user");
    HttpClient bob = formLogin("bob", "bob-secret");

    HttpResponse<String> list = send(bob, request("/").GET().build());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("PAGE-SECRET").contains("No tips yet.");

    HttpResponse<String> show =
        send(bob, request("/tips/" + tip.id()).header("Accept", "text/html").GET().build());
    assertThat(show.statusCode()).isEqualTo(404);
    assertThat(show.body())
        .contains("<title>Tiptrace: error</title>")
        .doesNotContain("PAGE-SECRET")
        .doesNotContain("secret-user");
  }

  @Test
  void pagesEscapeReportedText() {
    Tip tip = insertTip(AGENCY_A, "PAGE-XSS", "<script>alert(1)</script>");
    HttpClient alice = formLogin("alice", "alice-secret");

    HttpResponse<String> show = send(alice, request("/tips/" + tip.id()).GET().build());

    assertThat(show.body()).doesNotContain("<script>alert(1)</script>");
    assertThat(show.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
}
