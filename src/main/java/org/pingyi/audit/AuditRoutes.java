package org.pingyi.audit;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.pingyi.http.ClientGone;
import org.pingyi.http.Downloads;
import org.pingyi.http.Params;
import org.pingyi.staff.StaffAuth;

/** GET /api/audit (a page, as JSON) and GET /api/audit.csv (everything, as a file): the audit log, for admins. */
public final class AuditRoutes {
  /** Rows per database round trip of the CSV: the file streams, so memory holds one chunk whatever the log's size. */
  private static final int CSV_CHUNK = 500;

  private final AuditRepository records;
  private final StaffAuth auth;

  public AuditRoutes(Pool pool, StaffAuth auth) {
    this.records = new AuditRepository(pool);
    this.auth = auth;
  }

  public void mount(Router router) {
    router.get("/api/audit").handler(auth.allow()).respond(this::page);
    router.get("/api/audit.csv").handler(auth.allow()).handler(this::csv);
  }

  private Future<JsonArray> page(RoutingContext ctx) {
    AuditRepository.Filter filter = filter(ctx);
    Long before = Params.optionalLong(ctx, "before").orElse(null);
    int limit = Params.optionalLong(ctx, "limit").map(l -> (int) Math.max(1, Math.min(200, l))).orElse(50);
    return records.page(filter, before, limit)
        .map(rows -> new JsonArray(rows.stream().map(AuditRecord::toJson).toList()));
  }

  /** The first chunk is read before any header goes out, so a failure then is still a JSON error, not a file. */
  private void csv(RoutingContext ctx) {
    AuditRepository.Filter filter = filter(ctx);
    Downloads.settled(ctx, records.page(filter, null, CSV_CHUNK).compose(first -> {
      Downloads.attachment(ctx, "text/csv; charset=utf-8", "audit.csv", "审计日志.csv");
      HttpServerResponse response = ctx.response().setChunked(true);
      return response.write(AuditCsv.head()).compose(v -> send(response, filter, first));
    })).onFailure(ctx::fail);
  }

  /** Writes one chunk, waits until it is on its way (back-pressure), then reads the next, older one. */
  private Future<Void> send(HttpServerResponse response, AuditRepository.Filter filter, List<AuditRecord> chunk) {
    if (chunk.size() < CSV_CHUNK) return response.end(AuditCsv.rows(chunk)).recover(f -> gone(response, f));
    long oldest = chunk.get(chunk.size() - 1).id();
    return response.write(AuditCsv.rows(chunk)).recover(f -> gone(response, f))
        .compose(v -> records.page(filter, oldest, CSV_CHUNK))
        .compose(next -> send(response, filter, next));
  }

  private static Future<Void> gone(HttpServerResponse response, Throwable failure) {
    return Future.failedFuture(response.closed() ? new ClientGone(failure) : failure);
  }

  private static AuditRepository.Filter filter(RoutingContext ctx) {
    return new AuditRepository.Filter(Params.optionalUuid(ctx, "eventId").orElse(null),
        Params.optionalUuid(ctx, "actorId").orElse(null));
  }
}
