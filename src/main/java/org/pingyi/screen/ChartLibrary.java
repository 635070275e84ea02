package org.pingyi.screen;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.StaticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Apache ECharts for the big screen, served from its jar on the classpath at a path that does not change with
 * its version, so the page works in a hall with no internet and the version is written only in pom.xml.
 */
final class ChartLibrary {
  static final String PATH = "/vendor/echarts.min.js";
  /** Where the org.mvnpm:echarts jar (the npm package, repackaged for Maven) keeps its version and its files. */
  private static final String POM_PROPERTIES = "META-INF/maven/org.mvnpm/echarts/pom.properties";
  private static final String PACKAGE = "META-INF/resources/_static/echarts/";

  private final Buffer script;
  private final String etag;

  private ChartLibrary(String version, Buffer script) {
    this.script = script;
    this.etag = "\"echarts-" + version + "\"";
  }

  /**
   * Reads the library (a megabyte, from inside the jar) once, on a worker, when the server starts: a build
   * without the jar fails then rather than on a screen, and no request reads the jar on an event loop.
   */
  static Future<ChartLibrary> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      String version = properties(POM_PROPERTIES).getProperty("version");
      return new ChartLibrary(version, Buffer.buffer(bytes(PACKAGE + version + "/dist/echarts.min.js")));
    }, false);
  }

  /**
   * Revalidated on every load (no-cache with a version ETag): a projector reloading after an upgrade never keeps
   * an older library, and the megabyte crosses the network only when the version changed.
   */
  void serve(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache");
    if (StaticFiles.notModified(ctx, etag)) return;
    ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8").end(script);
  }

  private static Properties properties(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = open(resource)) {
      properties.load(in);
    }
    return properties;
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String resource) {
    InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new UncheckedIOException(new IOException("missing from the classpath: " + resource));
    return in;
  }
}
