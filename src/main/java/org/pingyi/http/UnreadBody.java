package org.pingyi.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A request refused before its body was read (too large, not JSON) still has its body on the wire. Left
 * unread, the client blocks sending it, never reads the refusal, and holds the connection until the idle
 * timeout. So the rest is read and thrown away, the connection closes after the answer, and a client that
 * sends far more than any ballot is cut off instead of being read for ever.
 */
final class UnreadBody {
  /** Eight times the API body limit: an honest client that overshot still gets to read its 413. */
  static final long MAX_DISCARDED_BYTES = 8L * 1024 * 1024;

  private UnreadBody() {
  }

  static void discardBeforeAnswering(HttpServerRequest request, HttpServerResponse response) {
    if (request.isEnded()) return;
    response.putHeader("Connection", "close");
    Promise<Void> bodyRead = Promise.promise();
    Promise<Void> answered = Promise.promise();
    // Once both are done the connection is closed here: the server would keep it open for a next request.
    Future.all(bodyRead.future(), answered.future()).onComplete(done -> request.connection().close());
    response.endHandler(v -> answered.tryComplete());
    request.endHandler(v -> bodyRead.tryComplete());
    long[] discarded = {0};
    request.handler(chunk -> {
      discarded[0] += chunk.length();
      if (discarded[0] > MAX_DISCARDED_BYTES) bodyRead.tryComplete();
    });
    request.resume();
  }
}
