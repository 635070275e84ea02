package org.pingyi.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Casting real ballots, each slip once: POST /api/v/:token with the event's answers and a fresh 32-byte
 * base64url nonce, as a phone does. One instance per event loop, over that loop's own share of the tokens.
 */
final class BallotWork implements LoadLoop.Work {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final List<String> tokens;
  private final String answersJson;
  private final SecureRandom random = new SecureRandom();
  private int next;

  BallotWork(List<String> tokens, String answersJson) {
    this.tokens = tokens;
    this.answersJson = answersJson;
  }

  @Override
  public Future<HttpResponse<Buffer>> next(WebClient client) {
    if (next == tokens.size()) return null;
    String token = tokens.get(next++);
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    Buffer body = Buffer.buffer("{\"nonce\":\"" + BASE64URL.encodeToString(nonce) + "\",\"answers\":" + answersJson + "}");
    return client.post("/api/v/" + token).putHeader("Content-Type", "application/json").sendBuffer(body);
  }
}
