package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;

/** The pages' files as a phone's browser fetches them: compressed when it may, revalidated cheaply, nothing else. */
class StaticFilesTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void everyFileOfWebrootIsServedAsItIsInTheSourceTreeAndGzippedIdenticallyWhenAccepted() throws Exception {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(Path.of("webroot"))) {
      sources = walk.filter(Files::isRegularFile).toList();
    }

    assertThat(sources).hasSizeGreaterThan(30);
    for (Path source : sources) {
      String address = "/" + Path.of("webroot").relativize(source).toString().replace('\\', '/');
      byte[] expected = Files.readAllBytes(source);
      HttpResponse<byte[]> plain = get(address);
      HttpResponse<byte[]> gzipped = get(address, "Accept-Encoding", "gzip, deflate, br");

      assertThat(plain.statusCode()).as(address).isEqualTo(200);
      assertThat(plain.body()).as(address).isEqualTo(expected);
      assertThat(plain.headers().firstValue("Content-Encoding")).as(address).isEmpty();
      if (gzipped.headers().firstValue("Content-Encoding").isPresent()) {
        assertThat(gzipped.headers().firstValue("Content-Encoding")).as(address).contains("gzip");
        assertThat(gunzip(gzipped.body())).as(address).isEqualTo(expected);
        assertThat(gzipped.body().length).as(address).isLessThan(expected.length);
      } else {
        // Sent as it is only when compressing would not make it smaller (an image, a tiny file).
        assertThat(gzipped.body()).as(address).isEqualTo(expected);
        assertThat(expected.length < 1024 || !address.matches(".*\\.(js|css|html)")).as(address + " is text").isTrue();
      }
      // /screen/index.html is answered by the big screen's route (/screen/<event>, never cached): no ETag.
      if (plain.headers().firstValue("ETag").isPresent()) {
        assertThat(gzipped.headers().firstValue("ETag")).as(address).isNotEqualTo(plain.headers().firstValue("ETag"));
      }
      if (gzipped.headers().firstValue("Content-Encoding").isPresent()) {
        assertThat(plain.headers().firstValue("Vary")).as(address).contains("Accept-Encoding");
      }
    }
  }

  @Test
  void typesAndCachingFitEachKindOfFile() throws Exception {
    HttpResponse<byte[]> script = get("/vote/vote.js");
    HttpResponse<byte[]> style = get("/shared/ballot.css");
    HttpResponse<byte[]> page = get("/console/");

    assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(script.headers().firstValue("Cache-Control")).contains("max-age=60");
    assertThat(style.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Cache-Control")).as("a page is checked on every load").contains("no-cache");
  }

  @Test
  void aReloadWithTheETagCostsA304WithoutABody() throws Exception {
    String etag = get("/vote/vote.js", "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again = get("/vote/vote.js", "Accept-Encoding", "gzip", "If-None-Match", etag);
    HttpResponse<byte[]> otherForm = get("/vote/vote.js", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(otherForm.statusCode()).as("the plain form is another representation").isEqualTo(200);
  }

  @Test
  void gzipRefusedWithQZeroIsNotSent() throws Exception {
    assertThat(get("/vote/vote.js", "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(StaticFiles.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
    assertThat(StaticFiles.acceptsGzip("br")).isFalse();
    assertThat(StaticFiles.acceptsGzip("gzip; q=0.000")).isFalse();
  }

  @Test
  void aHeadRequestGetsTheHeadersOnly() throws Exception {
    HttpResponse<byte[]> head = http.send(request("/vote/vote.js").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(Files.size(Path.of("webroot/vote/vote.js"))));
  }

  @Test
  void aFolderWithoutItsSlashIsRedirectedAndNothingOutsideWebrootIsReachable() throws Exception {
    HttpResponse<byte[]> folder = get("/console");

    assertThat(folder.statusCode()).isEqualTo(302);
    assertThat(folder.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    for (String address : List.of("/no-such-file.js", "/vote/../../pom.xml", "/%2e%2e/pom.xml", "/vote/%2e%2e/%2e%2e/pom.xml",
        "/webroot/vote/vote.js", "/vote/vote.js%00.html", "/META-INF/MANIFEST.MF", "/org/pingyi/Main.class")) {
      HttpResponse<byte[]> refused = get(address);
      assertThat(refused.statusCode()).as(address).isIn(400, 404);
      assertThat(refused.headers().firstValue("Content-Type")).as(address).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }
  }

  private HttpResponse<byte[]> get(String address, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(address).GET();
    if (headers.length > 0) builder.headers(headers);
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder request(String address) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + address));
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
