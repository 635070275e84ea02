package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * A burst of guesses from one address, each at a different account: the address limit holds as exactly as the
 * account limit. A class of its own, because it leaves this test's only address locked.
 */
@Slow
class AddressThrottleRaceTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @Test
  void aBurstFromOneAddressAtManyAccountsIsCheckedAtMostThirtyTimes() {
    List<HttpResponse<Buffer>> answers = server.api().postAtOnce("/api/auth/login", IntStream.range(0, 60)
        .mapToObj(i -> new JsonObject().put("username", "spray-" + i).put("password", "wrong-password")).toList());

    List<HttpResponse<Buffer>> checked = answers.stream().filter(a -> a.statusCode() != 429).toList();
    assertThat(checked).allSatisfy(a -> assertThat(a.statusCode()).as(a.bodyAsString()).isEqualTo(401));
    assertThat(checked).hasSize(LoginThrottle.ADDRESS_LIMIT);
    assertThat(answers.stream().filter(a -> a.statusCode() == 429))
        .allSatisfy(a -> assertThat(a.getHeader("Retry-After")).isNotBlank());
  }
}
