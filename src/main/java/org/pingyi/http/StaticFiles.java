package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pages' files (webroot/ on the classpath), read once and served from memory, gzip-compressed in advance
 * for the phones that accept it, with an ETag so that a reload costs a 304. Twenty thousand phones loading the
 * voter's page at once is a quarter of a million file requests in two minutes: each is a map look-up and one
 * write, not a file opened, stat-ed and sent. Only files that exist are served; anything else goes on to the
 * router's 404, so no address can reach outside webroot/.
 */
public final class StaticFiles implements Handler<RoutingContext> {
  private static final String ROOT = "webroot";
  /** Any file of webroot/ finds the folder, in the jar or in target/classes alike. */
  private static final String MARKER = ROOT + "/vote/index.html";
  private static Map<String, StaticFile> loaded;

  private final Map<String, StaticFile> files;

  private StaticFiles(Map<String, StaticFile> files) {
    this.files = files;
  }

  /** Reads (and compresses) the files on a worker, once per process: every server instance shares them. */
  public static Future<StaticFiles> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new StaticFiles(files()), false);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String path = RequestLog.routedPath(ctx);
    StaticFile file = files.get(path.endsWith("/") ? path + "index.html" : path);
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      // The file exists, only not for this method: 405, as for any routed address (see Methods).
      if (file != null) throw AppError.methodNotAllowed(List.of("GET", "HEAD"));
      ctx.next();
    } else if (file != null) {
      send(ctx, file, file.revalidated() ? "no-cache" : "max-age=60", true);
    } else if (files.containsKey(path + "/index.html")) {
      // A folder's page without its slash: its modules' relative imports need the slash in the address.
      ctx.redirect(path + "/");
    } else {
      ctx.next();
    }
  }

  /** A page served at an address of its own (the voter's page, the big screen) that no cache may keep. */
  public void page(RoutingContext ctx, String path) {
    StaticFile file = files.get(path);
    if (file == null) throw new IllegalStateException("missing from webroot: " + path);
    send(ctx, file, "no-store", false);
  }

  private static void send(RoutingContext ctx, StaticFile file, String cacheControl, boolean conditional) {
    HttpServerResponse response = ctx.response();
    boolean gzip = file.gzipped() != null && acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    String etag = gzip ? file.gzipEtag() : file.etag();
    response.putHeader("Content-Type", file.contentType()).putHeader("Cache-Control", cacheControl);
    if (file.gzipped() != null) response.putHeader("Vary", "Accept-Encoding");
    if (conditional && notModified(ctx, etag)) return;
    if (gzip) response.putHeader("Content-Encoding", "gzip");
    Buffer body = gzip ? file.gzipped() : file.plain();
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", String.valueOf(body.length())).end();
    } else {
      response.end(body);
    }
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      if (!parts[0].trim().equalsIgnoreCase("gzip")) continue;
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].replace(" ", "").toLowerCase(java.util.Locale.ROOT).matches("q=0(\\.0{0,3})?")) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * Sets the ETag and, when the client already holds that version (If-None-Match), answers 304 without a body:
   * then the caller has nothing left to send.
   */
  public static boolean notModified(RoutingContext ctx, String etag) {
    ctx.response().putHeader("ETag", etag);
    if (!matches(ctx.request().getHeader("If-None-Match"), etag)) return false;
    ctx.response().setStatusCode(304).end();
    return true;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) tag = tag.substring(2);
      if (tag.equals(etag) || tag.equals("*")) return true;
    }
    return false;
  }

  private static synchronized Map<String, StaticFile> files() throws IOException, URISyntaxException {
    if (loaded == null) loaded = read();
    return loaded;
  }

  private static Map<String, StaticFile> read() throws IOException, URISyntaxException {
    var marker = StaticFiles.class.getClassLoader().getResource(MARKER);
    if (marker == null) throw new IOException("missing from the classpath: " + MARKER);
    URI uri = marker.toURI();
    if (!"jar".equals(uri.getScheme())) return readFolder(Path.of(uri).getParent().getParent());
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return readFolder(jar.getPath("/" + ROOT));
    } catch (FileSystemAlreadyExistsException openElsewhere) {
      // Someone else's: read it, and leave it open for them.
      return readFolder(FileSystems.getFileSystem(uri).getPath("/" + ROOT));
    }
  }

  private static Map<String, StaticFile> readFolder(Path root) throws IOException {
    Map<String, StaticFile> files = new HashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String address = "/" + root.relativize(path).toString().replace('\\', '/');
        files.put(address, StaticFile.of(address, Files.readAllBytes(path)));
      }
    }
    return Map.copyOf(files);
  }
}
