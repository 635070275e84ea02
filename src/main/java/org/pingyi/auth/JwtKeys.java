package org.pingyi.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs staff tokens: PINGYI_JWT_KEY when given, otherwise one generated on first run and
 * kept in the database, so that it survives restarts and every instance sharing the database accepts
 * the others' tokens.
 */
public final class JwtKeys {
  private static final String CREATE_IF_ABSENT = """
      INSERT INTO server_secrets (name, value) VALUES ('jwt_hs256', $1) ON CONFLICT (name) DO NOTHING""";
  private static final String READ = "SELECT value FROM server_secrets WHERE name = 'jwt_hs256'";

  private JwtKeys() {
  }

  public static Future<String> load(SqlClient client, Optional<String> configured) {
    if (configured.isPresent()) return Future.succeededFuture(configured.get());
    byte[] fresh = new byte[48];
    new SecureRandom().nextBytes(fresh);
    String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
    return client.preparedQuery(CREATE_IF_ABSENT).execute(Tuple.of(candidate))
        .compose(ignored -> client.query(READ).execute())
        .map(rows -> rows.iterator().next().getString("value"));
  }
}
