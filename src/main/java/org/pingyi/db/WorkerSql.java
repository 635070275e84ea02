package org.pingyi.db;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One read-only transaction used by a blocking writer on a worker thread (an xlsx, a zip): every database call
 * is issued on the request's event loop and awaited by the worker, and rows come through cursors a batch at a
 * time: while the writer works through one batch the next is already being fetched, so an export of 100,000
 * ballots holds two batches at most, and the worker seldom waits for the database.
 */
public final class WorkerSql implements AutoCloseable {
  // Large enough that the round trips (worker to event loop to PostgreSQL and back) are few; two batches of
  // ballots (about 1 KB each in memory) stay within a few MB.
  private static final int FETCH_ROWS = 2_000;
  private static final long WAIT_SECONDS = 120;

  private final Context eventLoop;
  private final SqlConnection connection;
  private final Transaction transaction;

  private WorkerSql(Context eventLoop, SqlConnection connection, Transaction transaction) {
    this.eventLoop = eventLoop;
    this.connection = connection;
    this.transaction = transaction;
  }

  /**
   * Call on the worker. A repeatable-read snapshot: files written from several queries agree with each other.
   */
  public static WorkerSql begin(Context eventLoop, Pool pool) {
    SqlConnection connection = await(eventLoop, pool::getConnection);
    try {
      Transaction tx = await(eventLoop, connection::begin);
      await(eventLoop, () -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
          .execute());
      return new WorkerSql(eventLoop, connection, tx);
    } catch (RuntimeException e) {
      eventLoop.runOnContext(v -> connection.close());
      throw e;
    }
  }

  /** The rows of a query, fetched in batches as the caller iterates; close it when done. */
  public Rows rows(String sql, Tuple args) {
    PreparedStatement statement = await(eventLoop, () -> connection.prepare(sql));
    return new Rows(statement, statement.cursor(args));
  }

  /** Ends the transaction (nothing was written) and gives the connection back. */
  @Override
  public void close() {
    eventLoop.runOnContext(v -> transaction.rollback().eventually(connection::close));
  }

  /** Runs the operation on the event loop and waits for its outcome on this (worker) thread. */
  private static <T> T await(Context eventLoop, Supplier<Future<T>> operation) {
    // Future.await refuses Vert.x worker threads; a CompletableFuture simply blocks this one, as intended.
    CompletableFuture<T> outcome = new CompletableFuture<>();
    eventLoop.runOnContext(v -> {
      try {
        operation.get().onSuccess(outcome::complete).onFailure(outcome::completeExceptionally);
      } catch (RuntimeException e) {
        outcome.completeExceptionally(e);
      }
    });
    return awaited(outcome);
  }

  /** Waits on this (worker) thread for an outcome completed on the event loop. */
  private static <T> T awaited(CompletableFuture<T> outcome) {
    try {
      return outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the database did not answer within " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** A query's rows through a cursor: at most two batches in memory, the one being read and the next. */
  public final class Rows implements Iterator<Row>, AutoCloseable {
    private final PreparedStatement statement;
    private final Cursor cursor;
    private Iterator<Row> batch = Collections.emptyIterator();
    private CompletableFuture<Iterator<Row>> next;
    private boolean started;

    private Rows(PreparedStatement statement, Cursor cursor) {
      this.statement = statement;
      this.cursor = cursor;
    }

    @Override
    public boolean hasNext() {
      while (!batch.hasNext() && (next != null || !started || cursor.hasMore())) {
        started = true;
        if (next == null) next = fetch();
        batch = awaited(next);
        // The cursor knows whether there is more once its read has completed, which it has by now.
        next = cursor.hasMore() ? fetch() : null;
      }
      return batch.hasNext();
    }

    private CompletableFuture<Iterator<Row>> fetch() {
      CompletableFuture<Iterator<Row>> rows = new CompletableFuture<>();
      eventLoop.runOnContext(v -> {
        try {
          cursor.read(FETCH_ROWS).onSuccess(set -> rows.complete(set.iterator())).onFailure(rows::completeExceptionally);
        } catch (RuntimeException e) {
          rows.completeExceptionally(e);
        }
      });
      return rows;
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      return batch.next();
    }

    @Override
    public void close() {
      CompletableFuture<Iterator<Row>> pending = next;
      next = null;
      batch = Collections.emptyIterator();
      // A batch still on its way is let finish first (its rows are dropped), so the cursor closes after it.
      await(eventLoop, () -> (pending == null ? Future.succeededFuture() : Future.fromCompletionStage(pending)
          .<Object>map(rows -> null).otherwiseEmpty()).compose(v -> cursor.close()).eventually(statement::close));
    }
  }
}
