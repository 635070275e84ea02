package org.pingyi.board;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pingyi.box.Receipts;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;
import org.pingyi.tally.BoardLinks;

/**
 * The receipts board of a closed event, found by its board key. An unknown key, a malformed one and the key of an
 * event still open (or a draft) are one and the same 404, so the address says nothing before the close.
 */
public final class BoardService {
  /** What {@code board_key} holds (migration V011): 32 hex digits. */
  static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

  private final Pool pool;
  private final BoardRepository repository = new BoardRepository();

  public BoardService(Pool pool) {
    this.pool = pool;
  }

  Future<Board> board(String key) {
    if (key == null || !KEY.matcher(key).matches()) return Future.failedFuture(notFound());
    // One read-only transaction: a paper ballot entered after the close appears with its code or not at all.
    return pool.withTransaction(tx -> repository.closedEvent(tx, key).compose(found -> {
      if (found.isEmpty()) throw notFound();
      BoardRepository.Heading event = found.get();
      return Receipts.codes(tx, event.eventId())
          .map(codes -> new Board(event.title(), event.organizingUnit(), event.date(), event.venue(), codes));
    }));
  }

  /** Whether the key names a closed event's board (the page's status, 200 or 404). */
  Future<Boolean> published(String key) {
    if (key == null || !KEY.matcher(key).matches()) return Future.succeededFuture(false);
    return repository.closedEvent(pool, key).map(java.util.Optional::isPresent);
  }

  static AppError notFound() {
    return AppError.of(ErrorCode.BOARD_NOT_FOUND);
  }

  /**
   * Once voting has closed, where the receipts board is (its address for phones, its QR code and PDF): the screen
   * shows it on its last page. Never before the close: the board's key would lead nowhere yet, and staff and
   * screen links are the only readers of a snapshot.
   *
   * @param publicUrl where phones reach the server; null leaves the board out
   */
  public static BoardLinks links(String publicUrl) {
    if (publicUrl == null) return BoardLinks.NONE;
    return (status, boardKey) -> {
      if (!status.votingOver()) return Optional.empty();
      String path = path(boardKey);
      return Optional.of(new JsonObject().put("url", publicUrl + path).put("path", path)
          .put("qr", path + "/qr.svg").put("pdf", path + "/receipts.pdf"));
    };
  }

  /** The board's address relative to the server, e.g. for the big screen. */
  public static String path(String key) {
    return "/r/" + key;
  }
}
