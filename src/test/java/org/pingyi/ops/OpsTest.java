package org.pingyi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.OpenApiDocument;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestServer;

class OpsTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void healthReportsTheDatabaseUp() {
    var response = server.api().get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "up").put("database", "up"));
  }

  @Test
  void pingAnswersOkAsPlainText() {
    var response = server.api().get("/ping");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(response.bodyAsString()).isEqualTo("ok");
  }

  @Test
  void theOpenApiDocumentListsExactlyTheOperationsTheServerMounts() {
    var served = server.api().get("/openapi.yaml");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.bodyAsString()).startsWith("openapi: 3");

    assertThat(OpenApiDocument.load().operations())
        .containsExactlyInAnyOrderElementsOf(server.server().operations());
  }

  @Test
  void theOpenApiDocumentComesFromTheJarNotFromAFileOfThatNameInTheWorkingDirectory() throws IOException {
    byte[] bundled;
    try (InputStream in = OpsTest.class.getResourceAsStream("/openapi.yaml")) {
      bundled = in.readAllBytes();
    }
    // The tests run in the project root, which is the server's working directory: the decoy goes there, is
    // created only if no such file exists (never overwriting one), and is removed whatever happens.
    Path decoy = Path.of("openapi.yaml");
    Files.writeString(decoy, "openapi: 3.0.3\ninfo: { title: decoy, version: '0' }\npaths: {}\n", StandardOpenOption.CREATE_NEW);
    decoy.toFile().deleteOnExit();
    try {
      var served = server.api().get("/openapi.yaml");

      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body().getBytes()).isEqualTo(bundled);
    } finally {
      Files.deleteIfExists(decoy);
    }
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicy() {
    var page = server.api().get("/console/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("<html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void theRootLeadsToTheConsole() {
    var root = server.api().get("/");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.getHeader("Location")).isEqualTo("/console/");
  }

  @Test
  void theConsoleLearnsThePublicAddressPhonesUse() {
    var config = server.api().asAdmin().get("/api/config");

    assertThat(config.bodyAsJsonObject().getString("publicUrl")).isEqualTo(TestServer.PUBLIC_URL);
  }

  @Test
  void staticFilesCannotBeReachedOutsideTheWebroot() {
    var traversal = server.api().get("/console/../../../etc/passwd");
    var encoded = server.api().get("/console/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd");

    assertThat(traversal.statusCode()).isEqualTo(404);
    assertThat(traversal.bodyAsString()).doesNotContain("root:");
    assertThat(encoded.statusCode()).isEqualTo(404);
    assertThat(encoded.bodyAsString()).doesNotContain("root:");
  }
}
