package org.pingyi.staff;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for staff accounts. */
public final class AccountRepository {
  private static final String COLUMNS =
      "id, username, display_name, role, password_hash, active, password_change_required, token_version, created_at";
  private static final String FIND_BY_USERNAME =
      "SELECT " + COLUMNS + " FROM accounts WHERE lower(username) = lower($1)";
  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM accounts WHERE id = $1";
  private static final String LIST = "SELECT " + COLUMNS + " FROM accounts ORDER BY lower(username)";
  // ON CONFLICT keeps two instances starting at once from both creating the first admin.
  private static final String INSERT = """
      INSERT INTO accounts (username, display_name, role, password_hash, password_change_required)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT DO NOTHING
      RETURNING\s""" + COLUMNS;
  private static final String ANY_ACCOUNT = "SELECT EXISTS (SELECT 1 FROM accounts) AS present";
  private static final String UPDATE_PROFILE = """
      UPDATE accounts SET display_name = $2, role = $3, active = $4,
             token_version = token_version + CASE WHEN active AND NOT $4 OR role <> $3 THEN 1 ELSE 0 END,
             updated_at = now()
      WHERE id = $1
      RETURNING\s""" + COLUMNS;
  // $3: whether the password was set by someone else (an admin's reset) rather than by the account's owner.
  private static final String UPDATE_PASSWORD = """
      UPDATE accounts SET password_hash = $2, password_change_required = $3, token_version = token_version + 1,
             updated_at = now()
      WHERE id = $1
      RETURNING\s""" + COLUMNS;

  public Future<Optional<Account>> findByUsername(SqlClient client, String username) {
    return client.preparedQuery(FIND_BY_USERNAME).execute(Tuple.of(username)).map(AccountRepository::first);
  }

  public Future<Optional<Account>> findById(SqlClient client, UUID id) {
    return client.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(AccountRepository::first);
  }

  public Future<List<Account>> list(SqlClient client) {
    return client.preparedQuery(LIST).execute().map(rows -> rows.stream().map(Account::from).toList());
  }

  /** Empty when the username is taken; {@code mustChange}: the password was chosen by someone else. */
  public Future<Optional<Account>> insert(SqlClient client, String username, String displayName, Role role, String hash,
                                   boolean mustChange) {
    return client.preparedQuery(INSERT).execute(Tuple.of(username, displayName, role.wireName(), hash, mustChange))
        .map(AccountRepository::first);
  }

  public Future<Boolean> anyAccount(SqlClient client) {
    return client.preparedQuery(ANY_ACCOUNT).execute().map(rows -> rows.iterator().next().getBoolean("present"));
  }

  public Future<Optional<Account>> updateProfile(SqlClient client, UUID id, String displayName, Role role, boolean active) {
    return client.preparedQuery(UPDATE_PROFILE).execute(Tuple.of(id, displayName, role.wireName(), active))
        .map(AccountRepository::first);
  }

  public Future<Optional<Account>> updatePassword(SqlClient client, UUID id, String hash, boolean mustChange) {
    return client.preparedQuery(UPDATE_PASSWORD).execute(Tuple.of(id, hash, mustChange))
        .map(AccountRepository::first);
  }

  private static Optional<Account> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Account.from(rows.iterator().next()));
  }
}
