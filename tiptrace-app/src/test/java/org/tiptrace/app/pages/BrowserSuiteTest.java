package org.tiptrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.tiptrace.app.cli.AgencyTriage;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.app.testing.TestIntake;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.audit.AuditAction;
import org.tiptrace.evidence.EvidenceFiles;
import org.tiptrace.evidence.FileRef;
import org.tiptrace.hash.pdq.PdqTestData;
import org.tiptrace.intake.espxml.EspXmlWriter;
import org.tiptrace.link.Subject;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.FileHash;
import org.tiptrace.tip.HashAlgorithm;
import org.tiptrace.tip.HashOrigin;
import org.tiptrace.tip.ReportedFile;
import org.tiptrace.tip.Tip;
import org.tiptrace.tip.TriState;

/**
 * The pages in a real browser: Debian's Chromium ({@code /usr/bin/chromium}) driven by Playwright,
 * against the whole app on a random port and the seeded synthetic tips of ICAC-P. Signs in, works
 * the queue (filter without a reload, open an explanation), opens a tip and a graph, walks the
 * queue by keyboard and checks that every control has a label, and works the file-viewing gate: a
 * blocked file stays blocked until a warrant recorded through the panel covers it, while its
 * sibling stays blocked. Every sign-in passes the TOTP step ({@link BrowserLogin}). Any console
 * error fails the test, which catches Content-Security-Policy violations. Screenshots go to {@code
 * target/browser-screenshots}.
 *
 * <p>Skipped, saying so, when {@code /usr/bin/chromium} is not installed (CI installs it).
 */
class BrowserSuiteTest extends WebTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  /** The gate flow's agency: its own tips, so the seeded queue of ICAC-P stays as it is. */
  static final AgencyId AGENCY_G = new AgencyId("ICAC-G");

  private static Playwright playwright;
  private static Browser browser;

  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();
  private String base;

  @Autowired EvidenceFiles evidence;

  @BeforeAll
  static void startBrowser() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "browser suite skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    PagesSeed.ensure(backend);
    Files.createDirectories(SCREENSHOTS);
    base = "http://localhost:" + port;
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
    page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) {
            consoleErrors.add(m.text() + " @ " + m.location());
          }
        });
    page.onPageError(e -> consoleErrors.add("page error: " + e));
    // Console lines of failed loads omit the address: record it.
    page.onResponse(
        r -> {
          if (r.status() >= 400) {
            consoleErrors.add("HTTP " + r.status() + " " + r.url());
          }
        });
  }

  @AfterEach
  void close(TestInfo test) {
    if (page != null) {
      screenshot(test.getTestMethod().map(m -> m.getName()).orElse("test") + "-last");
    }
    if (context != null) {
      context.close();
    }
  }

  private void screenshot(String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  /** Signs in, with the TOTP step, as a new analyst and administrator of the seeded agency. */
  private void signIn() {
    BrowserLogin.signIn(
        page,
        base,
        BrowserLogin.enrol(
            backend, "pat-totp", PagesSeed.AGENCY_P, Role.ANALYST, Role.ADMINISTRATOR));
  }

  /** Inputs, selects and text areas without a label or accessible name, by id or name. */
  @SuppressWarnings("unchecked")
  private List<String> unlabelledControls() {
    return (List<String>)
        page.evaluate(
            "() => [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden')"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby'))"
                + ".map(e => e.id || e.name || e.outerHTML)");
  }

  private List<String> tierCells() {
    return page.locator("#queue-results tbody tr:not(.explanation-row) td:first-child")
        .allTextContents();
  }

  @Test
  void signInLandsOnTheQueueAndFiltersWithoutReload() {
    signIn();
    assertThat(page.title()).isEqualTo("Tiptrace: Queue");
    assertThat(tierCells()).isNotEmpty();
    screenshot("01-queue");

    // A marker on the window survives an htmx swap, not a page load.
    page.evaluate("() => { window.tiptraceMarker = 'kept'; }");
    page.getByLabel("Tier").selectOption("TIER_2");
    page.waitForURL(url -> url.contains("tier=TIER_2"));
    page.waitForFunction(
        "() => [...document.querySelectorAll('#queue-results tbody tr:not(.explanation-row) td:first-child')]"
            + ".every(td => td.textContent === 'Tier 2')");
    assertThat(tierCells()).isNotEmpty().allMatch("Tier 2"::equals);
    assertThat(page.evaluate("() => window.tiptraceMarker")).isEqualTo("kept");
    screenshot("02-queue-filtered");

    Locator explain = page.locator("button.explain").first();
    String target = explain.getAttribute("aria-controls");
    explain.click();
    page.locator("#" + target + " .explanation").waitFor();
    assertThat(page.locator("#" + target).textContent()).contains("Why tip");
    assertThat(explain.getAttribute("aria-expanded")).isEqualTo("true");
    screenshot("03-queue-explanation");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void tipPageShowsReportedDataAndSaysWhenTheFilesPanelCannotLoad() {
    signIn();
    page.locator("#queue-results tbody a").first().click();
    page.waitForURL(url -> url.matches(".*/tips/[0-9]+$"));
    assertThat(page.locator("h1").textContent()).startsWith("Tip ");
    assertThat(
            page.getByRole(
                    AriaRole.HEADING,
                    new Page.GetByRoleOptions()
                        .setName("IP events: attribution and retention deadlines"))
                .count())
        .isEqualTo(1);
    // The viewing gate's panel, loaded by htmx into the tip page.
    page.locator("#files-panel #evidence-heading").waitFor();
    assertThat(page.locator("#files-panel").textContent())
        .contains("Files and the viewing gate")
        .doesNotContain("could not be loaded");
    screenshot("04-tip");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void graphDrawsTheSubjectsAndListsThemAsText() {
    Subject subject =
        AgencyTriage.load(backend.tips(), PagesSeed.AGENCY_P, Optional.empty())
            .linker()
            .subjects()
            .stream()
            .filter(s -> s.tips().size() > 1)
            .findFirst()
            .orElseThrow();
    signIn();
    page.navigate(base + "/tips/" + subject.tips().getFirst() + "/graph");
    page.locator("#graph[data-rendered]")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    int listed = page.locator("section[aria-labelledby=nodes-heading] > ul > li").count();
    assertThat(page.locator("#graph").getAttribute("data-rendered"))
        .isEqualTo(Integer.toString(listed));
    assertThat(page.locator("#graph canvas").count()).isPositive();
    for (var t : subject.tips()) {
      assertThat(
              page.locator("section[aria-labelledby=nodes-heading] a[href='/tips/" + t + "']")
                  .count())
          .isEqualTo(1);
    }
    assertThat(page.locator("section[aria-labelledby=edges-heading]").textContent())
        .contains("merged person");
    screenshot("05-graph");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void keyboardReachesTheMainControlsAndEveryControlHasALabel() {
    signIn();
    // First Tab: the skip link; Enter moves focus to the main region.
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.textContent.trim()"))
        .isEqualTo("Skip to main content");
    page.keyboard().press("Enter");
    assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");

    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      page.keyboard().press("Tab");
      reached.add(
          (String)
              page.evaluate(
                  "() => { const e = document.activeElement;"
                      + " return e.id || e.getAttribute('aria-label') || e.textContent.trim(); }"));
    }
    assertThat(reached)
        .contains("filter-tier", "filter-days", "filter-country", "filter-flag", "Apply filters");
    assertThat(reached).anyMatch(r -> r.startsWith("Explain the score of tip"));
    screenshot("06-keyboard");

    for (String path :
        List.of(
            "/queue",
            "/deadlines",
            "/subjects",
            "/dashboard",
            "/admin",
            "/admin/rules",
            "/admin/rules/triage/1",
            "/admin/rules/viewing-gate/1")) {
      page.navigate(base + path);
      assertThat(unlabelledControls()).as(path).isEmpty();
      assertThat(page.locator("main#main").count()).as(path).isEqualTo(1);
      assertThat(
              page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                  .count())
          .as(path)
          .isEqualTo(1);
    }
    page.navigate(base + "/queue");
    String snapshot = page.locator("form.filters").ariaSnapshot();
    assertThat(snapshot)
        .contains("combobox \"Tier\"")
        .contains("spinbutton \"Attribution deadline within (days)\"")
        .contains("combobox \"Jurisdiction (country)\"")
        .contains("combobox \"Flag\"");
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void anAdministratorCreatesAUserAndChangesItsRoleInPlace() {
    signIn();
    page.navigate(base + "/admin/users");
    assertThat(unlabelledControls()).isEmpty();
    String name = "browser-made-" + System.nanoTime() % 100_000;
    page.getByLabel("User name").fill(name);
    page.locator("#new-role-ANALYST").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
    assertThat(page.locator("#created-heading").textContent()).contains(name);
    assertThat(page.locator("#initial-password").textContent().strip())
        .matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
    screenshot("10-admin-user-created");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the account")).click();
    page.waitForURL(base + "/admin/users/" + name);
    assertThat(unlabelledControls()).isEmpty();
    // Keyboard only: focus the INVESTIGATOR box, tick it with Space, submit with Enter on the
    // button.
    page.locator("#role-INVESTIGATOR").focus();
    page.keyboard().press("Space");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save roles")).focus();
    page.keyboard().press("Enter");
    page.locator("#admin-done").waitFor();
    assertThat(page.url())
        .as("htmx swapped the panel in place")
        .isEqualTo(base + "/admin/users/" + name);
    assertThat(page.locator("#admin-done").textContent()).isEqualTo("Roles saved.");
    assertThat(page.locator("#current-roles").textContent()).isEqualTo("ANALYST, INVESTIGATOR");
    assertThat(backend.accounts().find(name).orElseThrow().roles())
        .containsExactlyInAnyOrder("ANALYST", "INVESTIGATOR");
    screenshot("11-admin-role-changed");
    assertThat(consoleErrors).isEmpty();
  }

  private static byte[] photo(String name) {
    try {
      return Files.readAllBytes(PdqTestData.root().resolve("misc-images").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file the platform did not say it viewed ({@code unknown}) and that was not public. */
  private static ReportedFile unviewedFile(String id, byte[] bytes) {
    return new ReportedFile(
        Optional.of(id),
        Optional.of("upload_" + id + ".jpg"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        TriState.UNKNOWN,
        TriState.UNKNOWN,
        TriState.FALSE,
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        List.of(
            new FileHash(HashAlgorithm.SHA256, "SHA256", sha256(bytes), HashOrigin.ESP_ORIGINAL)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * A tip of {@link #AGENCY_G} whose files {@code blocked} and {@code sibling} arrived as ESP
   * fileDetails documents (the real reader) with benign photos attached, as the gate tests do.
   */
  private Tip seedGateTip(String reportId) {
    insertTip(AGENCY_G, reportId, "gate-browser-" + reportId);
    Map<String, byte[]> files = Map.of("blocked", photo("small.jpg"), "sibling", photo("wee.jpg"));
    Tip tip = null;
    for (var f : files.entrySet()) {
      tip =
          TestIntake.ingest(
              backend,
              AGENCY_G,
              "fileDetails-" + reportId + "-" + f.getKey() + ".xml",
              new String(
                  EspXmlWriter.fileDetails(reportId, unviewedFile(f.getKey(), f.getValue())),
                  StandardCharsets.UTF_8),
              Instant.parse("2026-11-20T10:00:00Z"));
    }
    for (var f : files.entrySet()) {
      evidence.attach(tip, new FileRef(f.getKey()), f.getValue(), f.getKey() + ".jpg", "seed");
    }
    return tip;
  }

  private Locator fileArticle(String fileId) {
    return page.locator("article.evidence-file:has(h3 > code:text-is('" + fileId + "'))");
  }

  /** The content URL's status in this browser session, fetched outside the page. */
  private int contentStatus(Tip tip, String fileId) {
    return page.request()
        .get(
            base + "/tips/" + tip.id() + "/files/" + fileId + "/content",
            RequestOptions.create().setMaxRedirects(0))
        .status();
  }

  @Test
  void aBlockedFileStaysBlockedUntilAWarrantRecordedInThePanelCoversIt() {
    Tip tip = seedGateTip("7300001");
    BrowserLogin.Enrolled gina =
        BrowserLogin.enrol(backend, "gina", AGENCY_G, Role.ANALYST, Role.INVESTIGATOR);
    BrowserLogin.signIn(page, base, gina);
    page.navigate(base + "/tips/" + tip.id());
    page.locator("#files-panel #evidence-heading").waitFor();

    for (String id : List.of("blocked", "sibling")) {
      Locator file = fileArticle(id);
      assertThat(file.getAttribute("class")).as(id).contains("gate-blocked");
      assertThat(file.locator("img").count()).as(id).isZero();
      assertThat(file.textContent()).as(id).contains("BLOCKED (NONE, rule GATE_BLOCK)");
      assertThat(contentStatus(tip, id)).as(id).isEqualTo(403);
    }
    screenshot("07-gate-blocked");

    // Keyboard: from the main region, Tab reaches every field of the warrant form.
    page.locator("#main").focus();
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 40 && !reached.contains("Record warrant"); i++) {
      page.keyboard().press("Tab");
      reached.add(
          (String)
              page.evaluate(
                  "() => { const e = document.activeElement;"
                      + " return e.name === 'fileIds' ? 'fileIds:' + e.value"
                      + " : (e.name || e.textContent.trim()); }"));
    }
    assertThat(reached)
        .contains("number", "court", "issuedOn", "fileIds:blocked", "fileIds:sibling")
        .contains("Record warrant");
    assertThat(unlabelledControls()).isEmpty();
    assertThat(page.locator("form.evidence-warrant").ariaSnapshot())
        .contains("textbox \"Warrant number\"")
        .contains("textbox \"Issuing court\"")
        .contains("\"Issued on\"")
        .contains("checkbox \"blocked\"")
        .contains("checkbox \"sibling\"");

    page.getByLabel("Warrant number").fill("SW-2026-0177");
    page.getByLabel("Issuing court").fill("Superior Court of Example County");
    page.locator("input[name=fileIds][value=blocked]").check();
    // The date field is a real date input that stops at today: a future date is not submitted.
    Locator issuedOn = page.getByLabel("Issued on");
    assertThat(issuedOn.getAttribute("type")).isEqualTo("date");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(issuedOn.getAttribute("max")).isEqualTo(today);
    assertThat(issuedOn.getAttribute("aria-describedby")).isEqualTo("warrant-issued-on-hint");
    issuedOn.fill(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString());
    assertThat((Boolean) issuedOn.evaluate("e => e.validity.rangeOverflow")).isTrue();
    assertThat((Boolean) issuedOn.evaluate("e => e.form.checkValidity()")).isFalse();
    issuedOn.fill("2026-11-21");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record warrant")).click();
    page.locator("#files-panel p.notice[role=status]").waitFor();
    assertThat(page.locator("#files-panel p.notice[role=status]").textContent())
        .isEqualTo("Warrant recorded.");
    assertThat(page.locator("#files-panel").textContent())
        .contains("no. SW-2026-0177", "covers blocked (recorded by " + gina.user() + ")");

    // Unblocked, on the warrant's basis, and veiled: blurred and greyscale until revealed.
    Locator allowed = fileArticle("blocked");
    assertThat(allowed.getAttribute("class")).contains("gate-allowed");
    assertThat(allowed.textContent()).contains("ALLOWED (WARRANT");
    Locator image = allowed.locator("img.evidence-image");
    image.scrollIntoViewIfNeeded();
    image.evaluate("img => img.decode()");
    assertThat((Integer) image.evaluate("img => img.naturalWidth")).isPositive();
    assertThat(image.getAttribute("class")).contains("veiled");
    String filter = (String) image.evaluate("img => getComputedStyle(img).filter");
    assertThat(filter).contains("blur(").contains("grayscale(");
    assertThat(contentStatus(tip, "blocked")).isEqualTo(200);
    screenshot("08-gate-unblocked-veiled");

    // The sibling, not covered by the warrant, stays blocked.
    Locator sibling = fileArticle("sibling");
    assertThat(sibling.getAttribute("class")).contains("gate-blocked");
    assertThat(sibling.locator("img").count()).isZero();
    assertThat(contentStatus(tip, "sibling")).isEqualTo(403);

    String subject = tip.id() + "/blocked";
    assertThat(TestAccounts.entries(backend, AuditAction.FILE_REVEALED, gina.user())).isEmpty();
    Locator reveal = allowed.locator("button.evidence-reveal");
    assertThat(reveal.textContent()).isEqualTo("Reveal file blocked");
    reveal.click();
    page.waitForFunction(
        "id => !document.getElementById(id).classList.contains('veiled')",
        image.getAttribute("id"));
    assertThat(reveal.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(reveal.textContent()).isEqualTo("Blur file blocked");
    assertThat((String) image.evaluate("img => getComputedStyle(img).filter")).isEqualTo("none");
    assertThat(TestAccounts.entries(backend, AuditAction.FILE_REVEALED, gina.user()))
        .singleElement()
        .satisfies(e -> assertThat(e.subjectId()).isEqualTo(subject));
    assertThat(TestAccounts.entries(backend, AuditAction.FILE_CONTENT_VIEWED, gina.user()))
        .extracting(e -> e.subjectId())
        .contains(subject)
        .doesNotContain(tip.id() + "/sibling");
    assertThat(TestAccounts.entries(backend, AuditAction.WARRANT_RECORDED, gina.user()))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("SW-2026-0177", "[blocked]"));
    assertThat(TestAccounts.entries(backend, AuditAction.TOTP_SUCCEEDED, gina.user())).hasSize(1);
    screenshot("09-gate-revealed");
    assertThat(consoleErrors).isEmpty();
  }
}
