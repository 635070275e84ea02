package org.pingyi.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium driven by Playwright; Playwright never downloads a browser of its own. */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Browser launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium");
    }
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync")));
    return new Browser(playwright, browser);
  }

  /** A fresh desktop-sized context. */
  public BrowserContext desktop() {
    return newContext(1280, 900, false);
  }

  /** A fresh context the size of an office monitor (1440×900), for screenshots a reviewer looks at. */
  public BrowserContext office() {
    return newContext(1440, 900, false);
  }

  /** A fresh context the size of a hall's projector (1920×1080), for the big screen. */
  public BrowserContext projector() {
    return newContext(1920, 1080, false);
  }

  /** A fresh context of this viewport, for screenshots at a given size: a phone's (mobile, touch) or a window's. */
  public BrowserContext newContext(int width, int height, boolean phone) {
    return browser.newContext(new NewContextOptions().setViewportSize(width, height).setIsMobile(phone)
        .setHasTouch(phone).setLocale("zh-CN"));
  }

  /** A fresh phone-sized context. */
  public BrowserContext phone() {
    return newContext(390, 844, true);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
