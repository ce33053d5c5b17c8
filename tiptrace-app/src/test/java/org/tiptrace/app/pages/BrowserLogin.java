package org.tiptrace.app.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.tiptrace.account.Totp;
import org.tiptrace.app.system.Role;
import org.tiptrace.app.system.TiptraceBackend;
import org.tiptrace.app.testing.TestAccounts;
import org.tiptrace.tip.AgencyId;

/**
 * How the browser suite signs in: the one place that knows the login steps. Every sign-in uses an
 * account of its own, enrolled with a fresh TOTP secret, because the server accepts each 30-second
 * step's code once per account (RFC 6238 §5.2): two tests signing in as one account within the same
 * step would be refused as a replay.
 */
final class BrowserLogin {
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  private BrowserLogin() {}

  /** A new account of {@code agency} with {@code roles} and a TOTP secret. */
  static Enrolled enrol(TiptraceBackend backend, String prefix, AgencyId agency, Role... roles) {
    String name = prefix + "-" + ACCOUNTS.incrementAndGet();
    TestAccounts.ensure(backend, name, agency, roles);
    String secret = Totp.newSecret();
    backend.accounts().setTotpSecret(name, Optional.of(secret));
    return new Enrolled(name, TestAccounts.password(name), secret);
  }

  /** An account enrolled with a TOTP secret: user name, password and Base32 secret. */
  record Enrolled(String user, String password, String secret) {}

  /**
   * Signs in through the login form, then the TOTP step with the code of the current step computed
   * from the secret, and waits for the landing page, the queue.
   */
  static void signIn(Page page, String baseUrl, Enrolled account) {
    page.navigate(baseUrl + "/login");
    page.getByLabel("User name").fill(account.user());
    page.getByLabel("Password").fill(account.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(baseUrl + "/login/totp");
    page.getByLabel("Code from your authenticator app")
        .fill(new Totp(Clock.systemUTC()).code(account.secret()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
    page.waitForURL(baseUrl + "/queue");
  }
}
