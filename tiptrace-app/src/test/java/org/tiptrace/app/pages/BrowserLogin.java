package org.tiptrace.app.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * How the browser suite signs in: the one place that knows the login steps, so a second factor
 * (TOTP) is added here and nowhere else.
 */
final class BrowserLogin {
  private BrowserLogin() {}

  /** Signs in through the login form and waits for the landing page, the queue. */
  static void signIn(Page page, String baseUrl, String user, String password) {
    page.navigate(baseUrl + "/login");
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    // A TOTP step, when login asks for one, goes here: before waiting for the landing page.
    page.waitForURL(baseUrl + "/queue");
  }
}
