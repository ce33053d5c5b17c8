package org.tiptrace.app.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tiptrace.app.cli.AgencyTriage;
import org.tiptrace.app.testing.WebTest;
import org.tiptrace.link.Subject;

/**
 * The pages in a real browser: Debian's Chromium ({@code /usr/bin/chromium}) driven by Playwright,
 * against the whole app on a random port and the seeded synthetic tips of ICAC-P. Signs in, works
 * the queue (filter without a reload, open an explanation), opens a tip and a graph, walks the
 * queue by keyboard and checks that every control has a label. Any console error fails the test,
 * which catches Content-Security-Policy violations. Screenshots go to {@code
 * target/browser-screenshots}.
 *
 * <p>Skipped, saying so, when {@code /usr/bin/chromium} is not installed (CI installs it).
 */
class BrowserSuiteTest extends WebTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private static Playwright playwright;
  private static Browser browser;

  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();
  private String base;

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
            consoleErrors.add(m.text());
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

  private void signIn() {
    BrowserLogin.signIn(page, base, "pat", "pat-secret");
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

    for (String path : List.of("/queue", "/deadlines", "/subjects", "/dashboard", "/admin")) {
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
}
