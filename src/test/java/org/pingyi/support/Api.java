package org.pingyi.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/** A test's HTTP client for the Pingyi API: real requests over a socket, awaited so tests read as stories. */
public final class Api {
  private final Vertx vertx;
  private final int port;
  private final WebClient client;
  private String token;

  Api(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.client = WebClient.create(vertx, options());
  }

  private WebClientOptions options() {
    return new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port).setFollowRedirects(false);
  }

  /** The same client, signed in as the given account. */
  public Api as(String username, String password) {
    HttpResponse<Buffer> response = post("/api/auth/login",
        new JsonObject().put("username", username).put("password", password));
    if (response.statusCode() != 200) {
      throw new AssertionError("sign-in of " + username + " failed: " + response.bodyAsString());
    }
    token = response.bodyAsJsonObject().getString("token");
    return this;
  }

  public Api asAdmin() {
    return as("admin", TestServer.ADMIN_PASSWORD);
  }

  public Api withToken(String bearer) {
    token = bearer;
    return this;
  }

  public String token() {
    return token;
  }

  public HttpResponse<Buffer> get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, body == null ? null : body.toBuffer());
  }

  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return send(HttpMethod.PUT, path, body.toBuffer());
  }

  public HttpResponse<Buffer> patch(String path, JsonObject body) {
    return send(HttpMethod.PATCH, path, body.toBuffer());
  }

  public HttpResponse<Buffer> delete(String path) {
    return send(HttpMethod.DELETE, path, null);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body) {
    IssuedTokens.registerFrom(path);
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) request.putHeader("Authorization", "Bearer " + token);
    if (body != null) request.putHeader("Content-Type", "application/json");
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(body)).await();
    String type = response.getHeader("Content-Type");
    // Issued slips come back as CSV: their tokens must never show up in the log (NoTokenInLogs).
    if (type != null && type.startsWith("text/csv")) IssuedTokens.registerFrom(response.bodyAsString());
    return response;
  }

  /**
   * Posts every body at once, each over its own connection (a shared client would queue them behind its few
   * pooled connections), and waits for all the answers, in the order of the bodies.
   */
  public List<HttpResponse<Buffer>> postAtOnce(String path, List<JsonObject> bodies) {
    WebClient burst = WebClient.create(vertx, options(), new PoolOptions().setHttp1MaxSize(bodies.size()));
    try {
      List<Future<HttpResponse<Buffer>>> sent = bodies.stream().map(body -> {
        HttpRequest<Buffer> request = burst.post(path);
        if (token != null) request.putHeader("Authorization", "Bearer " + token);
        return request.sendJsonObject(body);
      }).toList();
      return Future.all(sent).await().list();
    } finally {
      burst.close();
    }
  }

  /**
   * Creates a staff account (signed in as an admin) and returns a client signed in as it, with {@code password}
   * as its own: like a real user, it signs in with the initial password the admin set and replaces it first.
   */
  public Api newStaff(String username, String role, String password) {
    String initial = initialPasswordFor(password);
    HttpResponse<Buffer> created = post("/api/accounts", new JsonObject().put("username", username)
        .put("displayName", username).put("role", role).put("password", initial));
    if (created.statusCode() != 201) throw new AssertionError("account not created: " + created.bodyAsString());
    return new Api(this).as(username, initial).changePassword(initial, password).as(username, password);
  }

  /** The initial password {@link #newStaff} has the admin set, before the account's owner replaces it. */
  public static String initialPasswordFor(String password) {
    return "initial-" + password;
  }

  /** Changes the signed-in account's own password; its token then stops working, so sign in again. */
  public Api changePassword(String current, String replacement) {
    HttpResponse<Buffer> changed = post("/api/auth/password",
        new JsonObject().put("currentPassword", current).put("newPassword", replacement));
    if (changed.statusCode() != 204) throw new AssertionError("password not changed: " + changed.bodyAsString());
    return this;
  }

  private Api(Api other) {
    this.vertx = other.vertx;
    this.port = other.port;
    this.client = other.client;
  }
}
