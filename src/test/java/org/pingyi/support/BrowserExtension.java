package org.pingyi.support;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for the whole test run, shared by every browser test class:
 * {@code @RegisterExtension static final BrowserExtension browser = new BrowserExtension();}. It is launched
 * when the first such class starts and closed when the run ends (the root context's store closes it), so no class
 * pays for a launch of its own. Contexts are never shared: each test takes fresh ones and closes them.
 */
public final class BrowserExtension implements BeforeAllCallback {
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    browser = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Shared.class, k -> new Shared(Browser.launch()), Shared.class).browser;
  }

  /** The launched browser, closed by JUnit with the root context. */
  private record Shared(Browser browser) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      browser.close();
    }
  }

  public BrowserContext desktop() {
    return browser.desktop();
  }

  public BrowserContext office() {
    return browser.office();
  }

  public BrowserContext projector() {
    return browser.projector();
  }

  public BrowserContext phone() {
    return browser.phone();
  }

  public BrowserContext newContext(int width, int height, boolean phone) {
    return browser.newContext(width, height, phone);
  }
}
