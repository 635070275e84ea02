package org.pingyi.event;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tells every server instance that an event's tally changed, through PostgreSQL's LISTEN/NOTIFY: the
 * notification is sent inside the transaction that changed the tally and delivered only when it commits, so a
 * screen is never told about a ballot that was rolled back, whichever instance took it.
 */
public final class TallyChanges {
  static final String CHANNEL = "pingyi_tally";
  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', e::text) FROM unnest($1::uuid[]) AS e";
  private static final long RECONNECT_DELAY_MS = 1000;

  private TallyChanges() {
  }

  /** Announces, within {@code tx}, that these events' tallies change when it commits. */
  public static Future<Void> announce(SqlClient tx, Collection<UUID> eventIds) {
    return tx.preparedQuery(NOTIFY).execute(Tuple.of(eventIds.toArray(UUID[]::new))).mapEmpty();
  }

  /**
   * Listens on its own connection, reconnecting after a database outage. {@code onResubscribed} runs each time
   * listening (re)starts: notifications sent while disconnected are lost, so every tally must be re-read.
   */
  public static PgSubscriber listen(Vertx vertx, PgConnectOptions options, Consumer<UUID> onChange, Runnable onResubscribed) {
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options);
    subscriber.reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
    subscriber.channel(CHANNEL)
        .subscribeHandler(v -> onResubscribed.run())
        .handler(payload -> {
          try {
            onChange.accept(UUID.fromString(payload));
          } catch (IllegalArgumentException ignored) {
            // Only Pingyi notifies on this channel; a malformed payload changes nothing.
          }
        });
    return subscriber;
  }
}
