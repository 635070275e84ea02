package org.pingyi.support;

import com.microsoft.playwright.Page;

/** The console's sign-in form, as browser tests use it: open an address, which shows the form first, and sign in. */
public final class ConsoleSignIn {

  private ConsoleSignIn() {
  }

  /** Opens {@code url} (the console answers any address with its sign-in form) and signs in there. */
  public static void at(Page page, String url, String username, String password) {
    page.navigate(url);
    page.getByTestId("login-username").fill(username);
    page.getByTestId("login-password").fill(password);
    page.getByTestId("login-submit").click();
  }

  /** As {@link #at}, as the administrator the test server creates. */
  public static void asAdmin(Page page, String url) {
    at(page, url, "admin", TestServer.ADMIN_PASSWORD);
  }
}
