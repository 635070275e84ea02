package org.pingyi.vote;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.pingyi.ballot.Receipt;
import org.pingyi.http.AppError;
import org.pingyi.http.JsonBody;

/**
 * What a phone sends with a ballot: the answers, and the nonce its receipt is computed with. Decoded only once the
 * slip is known to be usable, so that a ballot waiting for its slip holds its bytes and nothing decoded from them.
 *
 * @param answers the decoded answers (plain maps and lists), unchecked
 */
record BallotBody(String nonce, Object answers) {

  /** The body decoded as every API body is (400 when it is not JSON), with its nonce checked (400 when malformed). */
  static BallotBody decode(Buffer raw) {
    JsonObject body = JsonBody.decode(raw);
    Object nonce = body.getValue("nonce");
    if (!(nonce instanceof String text) || !Receipt.isNonce(text)) {
      throw AppError.invalidField("nonce", "缺少或格式不正确：应为 22–86 个 base64url 字符的随机值");
    }
    // JsonBody decodes into plain maps and lists, which the rules read as they are: getValue would wrap them.
    return new BallotBody(text, body.getMap().get("answers"));
  }
}
