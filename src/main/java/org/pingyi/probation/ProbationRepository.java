package org.pingyi.probation;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pingyi.event.EventStatus;

/** SQL for the probation register. */
final class ProbationRepository {
  private static final String COLUMNS = """
      p.id, p.name, p.former_post, p.current_post, p.unit, p.appointed_on, p.probation_months,
      p.assessment_event_id, p.assessment_section, p.excellent_rate, p.competent_or_better_rate,
      p.incompetent_share, p.assessed_on, e.title AS event_title, e.status AS event_status""";
  private static final String FROM = " FROM probation_entries p LEFT JOIN events e ON e.id = p.assessment_event_id";
  private static final String LIST = "SELECT " + COLUMNS + FROM + " ORDER BY p.appointed_on, p.name, p.created_at";
  private static final String FIND = "SELECT " + COLUMNS + FROM + " WHERE p.id = $1";
  // Two organizers starting an assessment for the same cadre at once: the second waits and sees the first's event.
  private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE OF p";
  // The entry's assessment event, locked before the entry is read: EventService.transition locks the event to open it,
  // so a removal or a new assessment decides on the event's state as it stands, not as it stood a moment earlier.
  private static final String LOCK_LINKED_EVENT = """
      SELECT id FROM events WHERE id = (SELECT assessment_event_id FROM probation_entries WHERE id = $1) FOR UPDATE""";
  // One paste at a time: two pastes of the same sheet would otherwise both find a cadre missing and both add them.
  private static final String LOCK_FOR_PASTE = "SELECT pg_advisory_xact_lock(hashtextextended('pingyi.probation.paste', 0))";
  private static final String OF_EVENT = "SELECT " + COLUMNS + FROM + " WHERE p.assessment_event_id = $1 ORDER BY p.assessment_section FOR UPDATE OF p";
  private static final String APPOINTED_IN = "SELECT " + COLUMNS + FROM
      + " WHERE p.appointed_on >= $1 AND p.appointed_on < $2 ORDER BY p.appointed_on, p.name";
  private static final String INSERT = """
      INSERT INTO probation_entries (name, former_post, current_post, unit, appointed_on, probation_months, created_by)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id""";
  private static final String UPDATE = """
      UPDATE probation_entries SET name = $2, former_post = $3, current_post = $4, unit = $5, appointed_on = $6,
                                   probation_months = $7, updated_at = now()
      WHERE id = $1""";
  private static final String DELETE = "DELETE FROM probation_entries WHERE id = $1";
  private static final String LINK = """
      UPDATE probation_entries SET assessment_event_id = $2, assessment_section = $3, excellent_rate = NULL,
                                   competent_or_better_rate = NULL, incompetent_share = NULL, assessed_on = NULL,
                                   updated_at = now()
      WHERE id = $1""";
  private static final String RECORD_RESULT = """
      UPDATE probation_entries SET excellent_rate = $2, competent_or_better_rate = $3, incompetent_share = $4,
                                   assessed_on = $5, updated_at = now()
      WHERE id = $1""";

  Future<List<ProbationEntry>> list(SqlClient client) {
    return client.preparedQuery(LIST).execute().map(ProbationRepository::entries);
  }

  Future<Optional<ProbationEntry>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> entries(rows).stream().findFirst());
  }

  Future<Optional<ProbationEntry>> findForUpdate(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK_LINKED_EVENT).execute(Tuple.of(id))
        .compose(locked -> tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(id)))
        .map(rows -> entries(rows).stream().findFirst());
  }

  Future<Void> lockForPaste(SqlClient tx) {
    return tx.query(LOCK_FOR_PASTE).execute().mapEmpty();
  }

  Future<List<ProbationEntry>> ofEventForUpdate(SqlClient tx, UUID eventId) {
    return tx.preparedQuery(OF_EVENT).execute(Tuple.of(eventId)).map(ProbationRepository::entries);
  }

  Future<List<ProbationEntry>> appointedIn(SqlClient client, int year) {
    return client.preparedQuery(APPOINTED_IN).execute(Tuple.of(java.time.LocalDate.of(year, 1, 1),
        java.time.LocalDate.of(year + 1, 1, 1))).map(ProbationRepository::entries);
  }

  Future<UUID> insert(SqlClient tx, Appointment a, UUID createdBy) {
    return tx.preparedQuery(INSERT).execute(values(Tuple.tuple(), a).addUUID(createdBy))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  Future<Void> update(SqlClient tx, UUID id, Appointment a) {
    return tx.preparedQuery(UPDATE).execute(values(Tuple.of(id), a)).mapEmpty();
  }

  Future<Void> delete(SqlClient tx, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id)).mapEmpty();
  }

  Future<Void> link(SqlClient tx, UUID id, UUID eventId, String section) {
    return tx.preparedQuery(LINK).execute(Tuple.of(id, eventId, section)).mapEmpty();
  }

  Future<Void> recordResult(SqlClient tx, UUID id, AssessmentFigures.Figures f, java.time.LocalDate assessedOn) {
    return tx.preparedQuery(RECORD_RESULT).execute(Tuple.of(id, numeric(f.excellentRate()),
        numeric(f.competentOrBetterRate()), numeric(f.incompetentShare()), assessedOn)).mapEmpty();
  }

  private static Tuple values(Tuple tuple, Appointment a) {
    return tuple.addString(a.name()).addString(a.formerPost()).addString(a.currentPost()).addString(a.unit())
        .addLocalDate(a.appointedOn()).addInteger(a.months());
  }

  private static List<ProbationEntry> entries(Iterable<Row> rows) {
    List<ProbationEntry> out = new ArrayList<>();
    rows.forEach(row -> out.add(entry(row)));
    return out;
  }

  private static ProbationEntry entry(Row row) {
    Appointment a = new Appointment(row.getString("name"), row.getString("former_post"), row.getString("current_post"),
        row.getString("unit"), row.getLocalDate("appointed_on"), row.getInteger("probation_months"));
    UUID eventId = row.getUUID("assessment_event_id");
    Assessment s = eventId == null ? null : new Assessment(eventId, row.getString("event_title"),
        EventStatus.fromWire(row.getString("event_status")), row.getString("assessment_section"), decimal(row, "excellent_rate"),
        decimal(row, "competent_or_better_rate"), decimal(row, "incompetent_share"), row.getLocalDate("assessed_on"));
    return new ProbationEntry(row.getUUID("id"), a, s);
  }

  private static Numeric numeric(BigDecimal value) {
    return value == null ? null : Numeric.create(value);
  }

  private static BigDecimal decimal(Row row, String column) {
    var n = row.getNumeric(column);
    return n == null ? null : n.bigDecimalValue();
  }
}
