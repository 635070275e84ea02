package org.pingyi.form;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for ballot forms. */
public final class FormRepository {
  private static final String COLUMNS = "id, event_id, position, definition, version, frozen_at, frozen_sha256";
  private static final String INSERT = """
      INSERT INTO forms (event_id, position, definition)
      VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM forms WHERE event_id = $1), $2)
      RETURNING\s""" + COLUMNS;
  private static final String FIND = "SELECT " + COLUMNS + " FROM forms WHERE id = $1";
  private static final String LIST_FOR_EVENT = "SELECT " + COLUMNS + " FROM forms WHERE event_id = $1 ORDER BY position";
  // The version check makes a stale editor's save fail instead of silently overwriting a newer one.
  private static final String UPDATE = """
      UPDATE forms SET definition = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND frozen_at IS NULL
      RETURNING\s""" + COLUMNS;
  private static final String FROZEN =
      "SELECT " + COLUMNS + " FROM forms WHERE event_id = $1 AND frozen_at IS NOT NULL ORDER BY position";
  private static final String DELETE = "DELETE FROM forms WHERE id = $1 AND frozen_at IS NULL";
  private static final String FREEZE = """
      UPDATE forms SET frozen_at = now(), frozen_sha256 = $2, updated_at = now() WHERE id = $1 AND frozen_at IS NULL""";

  public Future<StoredForm> insert(SqlClient tx, UUID eventId, JsonObject definition) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(eventId, definition))
        .map(rows -> StoredForm.from(rows.iterator().next()));
  }

  public Future<Optional<StoredForm>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(FormRepository::first);
  }

  public Future<List<StoredForm>> listForEvent(SqlClient client, UUID eventId) {
    return client.preparedQuery(LIST_FOR_EVENT).execute(Tuple.of(eventId)).map(rows -> {
      List<StoredForm> forms = new ArrayList<>();
      rows.forEach(row -> forms.add(StoredForm.from(row)));
      return forms;
    });
  }

  /** The event's frozen forms, in their order: what its ballots are cast on. */
  public Future<List<StoredForm>> frozen(SqlClient client, UUID eventId) {
    return client.preparedQuery(FROZEN).execute(Tuple.of(eventId)).map(rows -> {
      List<StoredForm> forms = new ArrayList<>();
      rows.forEach(row -> forms.add(StoredForm.from(row)));
      return forms;
    });
  }

  /** Empty when the version was stale. */
  public Future<Optional<StoredForm>> update(SqlClient tx, UUID id, int expectedVersion, JsonObject definition) {
    return tx.preparedQuery(UPDATE).execute(Tuple.of(id, expectedVersion, definition)).map(FormRepository::first);
  }

  public Future<Void> delete(SqlClient tx, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id)).mapEmpty();
  }

  public Future<Void> freeze(SqlClient tx, UUID id, String sha256) {
    return tx.preparedQuery(FREEZE).execute(Tuple.of(id, sha256)).mapEmpty();
  }

  private static Optional<StoredForm> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(StoredForm.from(rows.iterator().next()));
  }
}
