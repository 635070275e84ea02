package org.pingyi.tally;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Apache ECharts for the big screen, served from its webjar on the classpath at a path that does not change with
 * its version, so the page works in a hall with no internet and the version is written only in pom.xml.
 */
final class ChartLibrary {
  static final String PATH = "/vendor/echarts.min.js";
  private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private final String file;
  private final String etag;

  private ChartLibrary(String version) {
    this.file = "META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js";
    this.etag = "\"echarts-" + version + "\"";
  }

  /** Reads the webjar's version once, at start-up; a build without the webjar fails here rather than on a screen. */
  static ChartLibrary fromClasspath() {
    try (InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(WEBJAR)) {
      if (in == null) throw new IllegalStateException("The ECharts webjar is missing from the classpath: " + WEBJAR);
      Properties properties = new Properties();
      properties.load(in);
      return new ChartLibrary(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Revalidated on every load (no-cache with a version ETag): a projector reloading after an upgrade never keeps
   * an older library, and the megabyte crosses the network only when the version changed.
   */
  void serve(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache").putHeader("ETag", etag);
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    // sendFile reads the classpath resource asynchronously: nothing blocks the event loop.
    ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8").sendFile(file).onFailure(ctx::fail);
  }
}
