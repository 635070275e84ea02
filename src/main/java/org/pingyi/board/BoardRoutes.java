package org.pingyi.board;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.pingyi.http.Downloads;
import org.pingyi.http.StaticFiles;
import org.pingyi.pdf.CjkFont;

/**
 * The public receipts board (回执码公布), no account needed: /r/:board (the page, which holds no data) and, each 404
 * until the event's voting has closed, /r/:board/receipts.json (the codes), /r/:board/receipts.pdf (the printable
 * list) and /r/:board/qr.svg (the QR code of the page's address, for the big screen). A voter's search runs in the page
 * over the whole list: the code typed is never sent, so the server cannot tie a code to a phone or an address.
 */
public final class BoardRoutes {
  private final BoardService service;
  private final StaticFiles files;
  private final String publicUrl;
  private final WorkerExecutor workers;

  public BoardRoutes(BoardService service, StaticFiles files, String publicUrl, WorkerExecutor workers) {
    this.service = service;
    this.files = files;
    this.publicUrl = publicUrl;
    this.workers = workers;
  }

  public void mount(Router router) {
    // The page holds no data: the same bytes for every key, open or closed, known or not. It reads receipts.json,
    // which is 404 before the close, and then says so itself (a 404 here would be an HTML error, not the JSON one).
    router.get("/r/:board").handler(ctx -> files.page(ctx, "/board/index.html"));
    router.get("/r/:board/receipts.json").respond(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-cache");
      return service.board(key(ctx)).map(Board::toJson);
    });
    router.get("/r/:board/receipts.pdf").handler(this::pdf);
    router.get("/r/:board/qr.svg").handler(this::qr);
  }

  private void pdf(RoutingContext ctx) {
    if (!CjkFont.available()) {
      ctx.fail(CjkFont.missing());
      return;
    }
    service.board(key(ctx))
        .compose(board -> workers.executeBlocking(() -> ReceiptListPdf.render(board), false)
            .map(bytes -> {
              Downloads.attachment(ctx, "application/pdf", "receipts.pdf", fileName(board));
              return Buffer.buffer(bytes);
            }))
        .onSuccess(ctx.response()::end)
        .onFailure(ctx::fail);
  }

  private void qr(RoutingContext ctx) {
    String key = key(ctx);
    service.published(key).compose(published -> published
            ? Future.succeededFuture(QrSvg.of(url(key)))
            : Future.<String>failedFuture(BoardService.notFound()))
        .onSuccess(svg -> ctx.response().putHeader("Content-Type", "image/svg+xml")
            .putHeader("Cache-Control", "no-cache").end(svg))
        .onFailure(ctx::fail);
  }

  /** The address phones open, as printed on slips: the configured public URL, not whatever the screen used. */
  private String url(String key) {
    return publicUrl + BoardService.path(key);
  }

  private static String key(RoutingContext ctx) {
    return ctx.pathParam("board");
  }

  private static String fileName(Board board) {
    return Downloads.fileTitle(board.title(), "测评活动") + "-回执码.pdf";
  }
}
