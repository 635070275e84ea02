package org.pingyi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingyi.support.Api;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;
import org.pingyi.support.Slow;

/**
 * Password guesses sent all at once: an attempt is counted before its password is hashed, so a burst against one
 * account gets no more checks than the throttle allows, and the rest are refused without a check. Every request
 * here comes from one address; the tests together stay under its limit.
 */
@Slow
class SignInRaceTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  @ParameterizedTest
  @ValueSource(ints = {12, 24, 60})
  void aBurstOfWrongPasswordsForOneAccountIsCheckedAtMostFiveTimes(int burst) {
    String username = "burst-" + burst;
    server.api().asAdmin().newStaff(username, "observer", "right-password-1");

    List<HttpResponse<Buffer>> answers = server.api().postAtOnce("/api/auth/login", IntStream.range(0, burst)
        .mapToObj(i -> new JsonObject().put("username", username).put("password", "wrong-password-" + i)).toList());

    List<HttpResponse<Buffer>> checked = answers.stream().filter(a -> a.statusCode() != 429).toList();
    assertThat(checked).allSatisfy(a -> assertThat(a.statusCode()).as(a.bodyAsString()).isEqualTo(401));
    assertThat(checked).hasSize(LoginThrottle.ACCOUNT_LIMIT);
    assertThrottled(answers, burst - LoginThrottle.ACCOUNT_LIMIT);
    assertThat(new Db(server.database()).count(
        "SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed' AND details->>'username' = ?", username))
        .isEqualTo(LoginThrottle.ACCOUNT_LIMIT);
  }

  @Test
  void aBurstOfWrongCurrentPasswordsIsCheckedAtMostFiveTimesAndLocksSignInToo() {
    Api clerk = server.api().asAdmin().newStaff("burst-changer", "clerk", "right-password-1");

    List<HttpResponse<Buffer>> answers = clerk.postAtOnce("/api/auth/password", IntStream.range(0, 24)
        .mapToObj(i -> new JsonObject().put("currentPassword", "wrong-password-" + i)
            .put("newPassword", "new-password-" + i)).toList());

    List<HttpResponse<Buffer>> checked = answers.stream().filter(a -> a.statusCode() != 429).toList();
    assertThat(checked).allSatisfy(a -> {
      assertThat(a.statusCode()).as(a.bodyAsString()).isEqualTo(400);
      assertThat(a.bodyAsJsonObject().getJsonObject("fields").getString("currentPassword")).isNotBlank();
    });
    assertThat(checked).hasSize(LoginThrottle.ACCOUNT_LIMIT);
    assertThrottled(answers, 24 - LoginThrottle.ACCOUNT_LIMIT);
    var signIn = server.api().post("/api/auth/login",
        new JsonObject().put("username", "burst-changer").put("password", "right-password-1"));
    assertThat(signIn.statusCode()).isEqualTo(429);
  }

  private static void assertThrottled(List<HttpResponse<Buffer>> answers, int expected) {
    List<HttpResponse<Buffer>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(refused).hasSize(expected).allSatisfy(a -> {
      assertThat(a.bodyAsJsonObject().getString("error")).isEqualTo("too_many_attempts");
      assertThat(Integer.parseInt(a.getHeader("Retry-After"))).isBetween(1, LoginThrottle.WINDOW_SECONDS);
    });
  }
}
