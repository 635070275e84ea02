package org.pingyi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.TestDatabase;

/** When the database goes away, clients learn it is temporary (503 with Retry-After), never a 500. */
class DatabaseOutageTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void withTheDatabaseGoneHealthAndApiAnswer503() {
    TestDatabase.drop(server.database());

    var health = server.api().get("/health");
    var login = server.api().post("/api/auth/login", new JsonObject().put("username", "admin").put("password", "x"));

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getString("database")).isEqualTo("down");
    assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(503);
    assertThat(login.bodyAsJsonObject().getString("error")).isEqualTo("unavailable");
    assertThat(login.getHeader("Retry-After")).isEqualTo("5");
  }
}
