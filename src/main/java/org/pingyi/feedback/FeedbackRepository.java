package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the feedback boxes, their waiting and mixed messages, and who may triage them. */
final class FeedbackRepository {
  private static final String BOX_COLUMNS = """
      b.id, b.public_key, b.title, b.unit, b.event_id, e.title AS event_title""";
  private static final String BOXES = "SELECT " + BOX_COLUMNS + " " + """
      , count(m.id) FILTER (WHERE m.status = 'new')::int AS new_count,
        count(m.id) FILTER (WHERE m.status IN ('read', 'referred'))::int AS open_count,
        count(m.id) FILTER (WHERE m.status = 'done')::int AS done_count
      FROM feedback_boxes b LEFT JOIN events e ON e.id = b.event_id LEFT JOIN feedback_messages m ON m.box_id = b.id
      GROUP BY b.id, e.title ORDER BY b.created_at DESC""";
  private static final String BOX_BY_ID = "SELECT " + BOX_COLUMNS + " " + """
      FROM feedback_boxes b LEFT JOIN events e ON e.id = b.event_id WHERE b.id = $1""";
  private static final String BOX_BY_KEY = "SELECT " + BOX_COLUMNS + " " + """
      FROM feedback_boxes b LEFT JOIN events e ON e.id = b.event_id WHERE b.public_key = $1""";
  private static final String INSERT_BOX = """
      INSERT INTO feedback_boxes (title, unit, event_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id""";
  private static final String EVENT_EXISTS = "SELECT 1 FROM events WHERE id = $1";
  /** Into the inbox, alone: the mixer moves it on with others (V014); the day is the database's Beijing day. */
  private static final String DROP = """
      INSERT INTO feedback_inbox (followup_sha256, box_id, category, cadre, body) VALUES ($1, $2, $3, $4, $5)""";
  private static final String FOLLOW_UP = """
      SELECT status, received_on, category, reply, replied_on FROM feedback_messages WHERE followup_sha256 = $1
      UNION ALL SELECT 'waiting', received_on, category, '', NULL FROM feedback_inbox WHERE followup_sha256 = $1""";
  // Newest day first; within a day by the random id, which says nothing of the order they came in.
  private static final String MESSAGES = """
      SELECT id, received_on, category, cadre, body, status, referred_to, reply, replied_on
      FROM feedback_messages WHERE box_id = $1 ORDER BY received_on DESC, id""";
  private static final String MESSAGE_FOR_UPDATE = """
      SELECT id, box_id, status, reply FROM feedback_messages WHERE id = $1 FOR UPDATE""";
  private static final String TRIAGE = """
      UPDATE feedback_messages SET status = $2,
        referred_to = CASE WHEN $3 = '' THEN referred_to ELSE $3 END,
        reply = CASE WHEN $4 = '' THEN reply ELSE $4 END,
        replied_on = CASE WHEN $4 = '' THEN replied_on ELSE feedback_today() END
      WHERE id = $1""";
  private static final String HANDLES = """
      SELECT 1 FROM feedback_handlers h JOIN accounts a ON a.id = h.account_id WHERE h.account_id = $1 AND a.active""";
  private static final String HANDLERS = """
      SELECT a.id, a.username, a.display_name, a.role, h.account_id IS NOT NULL AS handles
      FROM accounts a LEFT JOIN feedback_handlers h ON h.account_id = a.id ORDER BY a.username""";
  private static final String GRANT = "INSERT INTO feedback_handlers (account_id) VALUES ($1) ON CONFLICT DO NOTHING";
  private static final String REVOKE = "DELETE FROM feedback_handlers WHERE account_id = $1";
  private static final String ACCOUNT_EXISTS = "SELECT 1 FROM accounts WHERE id = $1";

  /** A box as the console and the public page name it. */
  record Box(UUID id, String publicKey, String title, String unit, UUID eventId, String eventTitle,
             int newCount, int openCount, int doneCount) {
  }

  /** A mixed message with its triage. */
  record Message(UUID id, LocalDate receivedOn, Category category, String cadre, String body, MessageStatus status,
                 String referredTo, String reply, LocalDate repliedOn) {
  }

  /** What the submitter may read back: {@code status} null while the message still waits in the inbox. */
  record FollowUp(MessageStatus status, LocalDate receivedOn, Category category, String reply, LocalDate repliedOn) {
  }

  /** An account and whether it may triage. */
  record Handler(UUID id, String username, String displayName, String role, boolean handles) {
  }

  Future<List<Box>> boxes(SqlClient client) {
    return client.query(BOXES).execute().map(rows -> {
      List<Box> boxes = new ArrayList<>();
      rows.forEach(r -> boxes.add(box(r, r.getInteger("new_count"), r.getInteger("open_count"), r.getInteger("done_count"))));
      return boxes;
    });
  }

  Future<Optional<Box>> box(SqlClient client, UUID id) {
    return client.preparedQuery(BOX_BY_ID).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(box(rows.iterator().next(), 0, 0, 0)));
  }

  Future<Optional<Box>> boxByKey(SqlClient client, String key) {
    return client.preparedQuery(BOX_BY_KEY).execute(Tuple.of(key))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(box(rows.iterator().next(), 0, 0, 0)));
  }

  Future<UUID> insertBox(SqlClient tx, FeedbackInput.NewBox box, UUID createdBy) {
    return tx.preparedQuery(INSERT_BOX).execute(Tuple.of(box.title(), box.unit(), box.eventId(), createdBy))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  Future<Boolean> eventExists(SqlClient client, UUID eventId) {
    return client.preparedQuery(EVENT_EXISTS).execute(Tuple.of(eventId)).map(rows -> rows.size() > 0);
  }

  Future<Void> drop(SqlClient client, UUID boxId, FeedbackInput.NewMessage message, byte[] followUpHash) {
    return client.preparedQuery(DROP).execute(Tuple.of(Buffer.buffer(followUpHash), boxId,
        message.category().wireName(), message.cadre(), message.text())).mapEmpty();
  }

  Future<Optional<FollowUp>> followUp(SqlClient client, byte[] followUpHash) {
    return client.preparedQuery(FOLLOW_UP).execute(Tuple.of(Buffer.buffer(followUpHash))).map(rows -> {
      if (rows.size() == 0) return Optional.empty();
      Row r = rows.iterator().next();
      return Optional.of(new FollowUp(MessageStatus.fromWire(r.getString("status")).orElse(null),
          r.getLocalDate("received_on"), category(r), r.getString("reply"), r.getLocalDate("replied_on")));
    });
  }

  Future<List<Message>> messages(SqlClient client, UUID boxId) {
    return client.preparedQuery(MESSAGES).execute(Tuple.of(boxId)).map(rows -> {
      List<Message> messages = new ArrayList<>();
      rows.forEach(r -> messages.add(new Message(r.getUUID("id"), r.getLocalDate("received_on"), category(r),
          r.getString("cadre"), r.getString("body"), MessageStatus.fromWire(r.getString("status")).orElseThrow(),
          r.getString("referred_to"), r.getString("reply"), r.getLocalDate("replied_on"))));
      return messages;
    });
  }

  /** The message's box, status and reply, locked until the transaction ends; empty if there is none. */
  Future<Optional<Row>> lockMessage(SqlClient tx, UUID id) {
    return tx.preparedQuery(MESSAGE_FOR_UPDATE).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
  }

  Future<Void> triage(SqlClient tx, UUID id, FeedbackInput.Triage step) {
    return tx.preparedQuery(TRIAGE).execute(Tuple.of(id, step.status().wireName(), step.referredTo(), step.reply()))
        .mapEmpty();
  }

  Future<Boolean> handles(SqlClient client, UUID accountId) {
    return client.preparedQuery(HANDLES).execute(Tuple.of(accountId)).map(rows -> rows.size() > 0);
  }

  Future<List<Handler>> handlers(SqlClient client) {
    return client.query(HANDLERS).execute().map(rows -> {
      List<Handler> all = new ArrayList<>();
      rows.forEach(r -> all.add(new Handler(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
          r.getString("role"), r.getBoolean("handles"))));
      return all;
    });
  }

  Future<Boolean> accountExists(SqlClient client, UUID id) {
    return client.preparedQuery(ACCOUNT_EXISTS).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  Future<Void> setHandler(SqlClient tx, UUID accountId, boolean handles) {
    return tx.preparedQuery(handles ? GRANT : REVOKE).execute(Tuple.of(accountId)).mapEmpty();
  }

  private static Box box(Row r, int newCount, int openCount, int doneCount) {
    return new Box(r.getUUID("id"), r.getString("public_key"), r.getString("title"), r.getString("unit"),
        r.getUUID("event_id"), r.getString("event_title"), newCount, openCount, doneCount);
  }

  private static Category category(Row r) {
    return Category.fromWire(r.getString("category")).orElse(Category.OTHER);
  }
}
