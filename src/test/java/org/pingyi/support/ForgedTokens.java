package org.pingyi.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authorization headers no server may accept: no token, wrong schemes, garbage, and JWTs that are unsigned
 * (alg none), signed with another key or algorithm, tampered with, expired, not yet valid, or naming an
 * account that does not exist or a token version that is no longer current. The server's own key is known
 * to the test (PINGYI_JWT_KEY), so the well-signed but invalid ones really are well signed.
 */
public final class ForgedTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private ForgedTokens() {
  }

  /** Each header value, or null for "no Authorization header". */
  public static List<String> authorizations(String serverKey, String validToken) {
    JsonObject real = claims(validToken);
    long now = System.currentTimeMillis() / 1000;
    JsonObject live = real.copy().put("iat", now).put("exp", now + 3600);
    List<String> all = new ArrayList<>();
    all.add(null);
    all.add("Bearer");
    all.add("Bearer ");
    all.add("Bearer garbage");
    all.add("Bearer a.b.c");
    all.add("Bearer " + "A".repeat(4000));
    all.add("Basic YWRtaW46YWRtaW4tcGFzc3dvcmQtMQ==");
    all.add("Token " + validToken);
    all.add("Screen " + validToken);
    all.add(validToken);
    all.add("Bearer " + validToken.substring(0, validToken.length() - 2) + (validToken.endsWith("A") ? "BB" : "AA"));
    all.add("Bearer " + unsigned(live));
    all.add("Bearer " + signed("HS256", "some-other-key-that-is-long-enough-0123456789", live));
    all.add("Bearer " + signed("HS512", serverKey, live));
    all.add("Bearer " + signed("RS256", serverKey, live));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("iat", now - 7200).put("exp", now - 3600)));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("nbf", now + 3600)));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("sub", UUID.randomUUID().toString())));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("sub", "admin' OR '1'='1")));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("ver", real.getInteger("ver") + 1)));
    all.add("Bearer " + signed("HS256", serverKey, live.copy().put("ver", "1")));
    all.add("Bearer " + signed("HS256", serverKey, without(live, "sub")));
    return all;
  }

  /** The claims of a token the server issued. */
  public static JsonObject claims(String token) {
    String payload = token.split("\\.")[1];
    return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static JsonObject without(JsonObject claims, String name) {
    JsonObject copy = claims.copy();
    copy.remove(name);
    return copy;
  }

  private static String unsigned(JsonObject claims) {
    return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
  }

  private static String signed(String alg, String key, JsonObject claims) {
    String input = part(new JsonObject().put("alg", alg).put("typ", "JWT")) + "." + part(claims);
    String mac = alg.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
    try {
      Mac hmac = Mac.getInstance(mac);
      hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), mac));
      return input + "." + B64.encodeToString(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
