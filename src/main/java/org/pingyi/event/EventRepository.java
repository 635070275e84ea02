package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/** SQL for events and their voter categories. */
final class EventRepository {
  private static final String COLUMNS = """
      e.id, e.title, e.organizing_unit, e.event_date, e.venue, e.expected_attendance, e.status, e.counters,
      e.supervisors, e.responsible_name, e.responsible_title, e.created_at, e.updated_at,
      coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'expected', c.expected,
                                                    'weight', c.weight) ORDER BY c.position)
                FROM voter_categories c WHERE c.event_id = e.id), '[]') AS categories""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM events e WHERE e.id = $1";
  // Lifecycle changes and form edits lock the event row, so a form cannot change while the event opens.
  private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE OF e";
  private static final String LIST = "SELECT " + COLUMNS + " FROM events e ORDER BY e.created_at DESC LIMIT 500";
  private static final String INSERT = """
      INSERT INTO events (title, organizing_unit, event_date, venue, expected_attendance, counters, supervisors,
                          responsible_name, responsible_title, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      RETURNING id""";
  private static final String UPDATE = """
      UPDATE events SET title = $2, organizing_unit = $3, event_date = $4, venue = $5, expected_attendance = $6,
                        counters = $7, supervisors = $8, responsible_name = $9, responsible_title = $10,
                        updated_at = now()
      WHERE id = $1""";
  // Only removed categories are deleted: the ones kept may already have slips referring to them.
  private static final String DELETE_REMOVED_CATEGORIES =
      "DELETE FROM voter_categories WHERE event_id = $1 AND code <> ALL($2::text[])";
  private static final String UPSERT_CATEGORY = """
      INSERT INTO voter_categories (event_id, code, name, expected, weight, position) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (event_id, code) DO UPDATE
        SET name = excluded.name, expected = excluded.expected, weight = excluded.weight, position = excluded.position""";
  private static final String SET_SCREEN_TURNOUT_ONLY = "UPDATE events SET screen_turnout_only = $2 WHERE id = $1";
  private static final String SET_STATUS = """
      UPDATE events SET status = $2, updated_at = now(),
        opened_at = CASE WHEN $2 = 'open' THEN now() ELSE opened_at END,
        closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END,
        archived_at = CASE WHEN $2 = 'archived' THEN now() ELSE archived_at END
      WHERE id = $1""";

  Future<Optional<Event>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(EventRepository::first);
  }

  Future<Optional<Event>> findForUpdate(SqlClient tx, UUID id) {
    return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(id)).map(EventRepository::first);
  }

  Future<List<Event>> list(SqlClient client) {
    return client.preparedQuery(LIST).execute().map(rows -> {
      List<Event> events = new ArrayList<>();
      rows.forEach(row -> events.add(EventRows.event(row)));
      return events;
    });
  }

  Future<UUID> insert(SqlClient tx, EventDetails details, UUID createdBy) {
    return tx.preparedQuery(INSERT).execute(detailsTuple(Tuple.tuple(), details).addUUID(createdBy))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  Future<Void> update(SqlClient tx, UUID id, EventDetails details) {
    return tx.preparedQuery(UPDATE).execute(detailsTuple(Tuple.of(id), details)).mapEmpty();
  }

  Future<Void> replaceCategories(SqlClient tx, UUID eventId, List<VoterCategory> categories) {
    String[] kept = categories.stream().map(VoterCategory::code).toArray(String[]::new);
    Future<?> deleted = tx.preparedQuery(DELETE_REMOVED_CATEGORIES).execute(Tuple.of(eventId).addArrayOfString(kept))
        .recover(EventRepository::categoryInUse);
    if (categories.isEmpty()) return deleted.mapEmpty();
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      VoterCategory c = categories.get(i);
      rows.add(Tuple.of(eventId, c.code(), c.name(), c.expected(), c.weight(), i));
    }
    return deleted.compose(v -> tx.preparedQuery(UPSERT_CATEGORY).executeBatch(rows)).mapEmpty();
  }

  private static Future<RowSet<Row>> categoryInUse(Throwable failure) {
    if (failure instanceof io.vertx.pgclient.PgException pg && "23503".equals(pg.getSqlState())) {
      return Future.failedFuture(AppError.of(ErrorCode.CATEGORY_HAS_SLIPS,
          "该参评人员类别已发放票签，不能删除", java.util.Map.of("categories", "已发放票签的类别不能删除")));
    }
    return Future.failedFuture(failure);
  }

  Future<Void> setScreenTurnoutOnly(SqlClient tx, UUID id, boolean turnoutOnly) {
    return tx.preparedQuery(SET_SCREEN_TURNOUT_ONLY).execute(Tuple.of(id, turnoutOnly)).mapEmpty();
  }

  Future<Void> setStatus(SqlClient tx, UUID id, EventStatus status) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(id, status.wireName())).mapEmpty();
  }

  private static Tuple detailsTuple(Tuple tuple, EventDetails d) {
    return tuple.addString(d.title()).addString(d.organizingUnit()).addLocalDate(d.date()).addString(d.venue())
        .addInteger(d.expectedAttendance()).addValue(new JsonArray(d.counters()))
        .addValue(new JsonArray(d.supervisors())).addString(d.responsibleName()).addString(d.responsibleTitle());
  }

  private static Optional<Event> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(EventRows.event(rows.iterator().next()));
  }
}
