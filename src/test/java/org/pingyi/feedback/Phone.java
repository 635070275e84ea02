package org.pingyi.feedback;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Someone without an account, calling the box's public API from an address of their own (127.0.0.x, a different
 * one for each phone), so that one test's messages do not use up another's hourly allowance.
 */
final class Phone implements AutoCloseable {
  private static final AtomicInteger NEXT = new AtomicInteger(10);

  /** One Vert.x for every phone of the run: its threads are daemons, so it needs no closing. */
  private static final Vertx VERTX = Vertx.vertx();
  private final WebClient client;
  final String address;

  Phone(String baseUrl) {
    address = "127.0.0." + NEXT.getAndIncrement();
    URI base = URI.create(baseUrl);
    client = WebClient.create(VERTX, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(base.getPort())
        .setLocalAddress(address));
  }

  HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return client.post(path).sendJsonObject(body).await();
  }

  @Override
  public void close() {
    client.close();
  }
}
