package org.pingyi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endless bodies, streamed to a client that reads a little and hangs up: the producer must notice and stop.
 * Without back-pressure it could not: the event-loop writer would never yield, the worker never block.
 */
class StreamedBodyTest {
  private static final Buffer KILOBYTE = Buffer.buffer("x".repeat(1024));
  private Vertx vertx;
  private HttpServer server;
  private final Promise<Object> outcome = Promise.promise();
  private final AtomicLong produced = new AtomicLong();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void anEventLoopBodyStopsWithClientGoneWhenTheClientHangsUp() throws Exception {
    listen(router -> router.get("/").handler(ctx -> ChunkedBody.send(ctx, endless()).onComplete(outcome)));

    readAFewBytesAndHangUp();

    Throwable failure = catchThrowable(() -> outcome.future().await(30, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ClientGone.class);
    assertThat(produced.get()).isGreaterThan(0);
  }

  @Test
  void aWorkerProducerIsStoppedByItsNextWriteWhenTheClientHangsUp() throws Exception {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("test-producers", 1);
    listen(router -> router.get("/").handler(ctx ->
        ResponseOutputStream.send(ctx, workers, this::writeForever).onComplete(outcome)));

    readAFewBytesAndHangUp();

    Throwable failure = catchThrowable(() -> outcome.future().await(30, TimeUnit.SECONDS));
    assertThat(failure).isInstanceOf(ClientGone.class);
    assertThat(produced.get()).isGreaterThan(0);
  }

  private void listen(Consumer<Router> routes) {
    Router router = Router.router(vertx);
    routes.accept(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  private Iterator<Buffer> endless() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Buffer next() {
        produced.incrementAndGet();
        return Buffer.buffer().appendBuffer(KILOBYTE).appendBuffer(KILOBYTE);
      }
    };
  }

  private void writeForever(java.io.OutputStream out) throws IOException {
    byte[] kilobyte = KILOBYTE.getBytes();
    while (true) {
      out.write(kilobyte);
      produced.incrementAndGet();
    }
  }

  private void readAFewBytesAndHangUp() throws IOException {
    try (Socket socket = new Socket("localhost", server.actualPort())) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
    }
  }
}
