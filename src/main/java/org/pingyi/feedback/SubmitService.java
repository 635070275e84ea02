package org.pingyi.feedback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.pingyi.http.AppError;
import org.pingyi.http.ErrorCode;

/**
 * The public side of the feedback box, no account needed: what a box's page shows, leaving a message (paid for
 * with a proof of work and counted against the address's hourly allowance, neither of which is stored), and reading
 * the reply with a follow-up code. Nothing here keeps or logs who asked or when.
 */
public final class SubmitService {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

  private final Pool pool;
  private final ProofOfWork proof;
  private final SubmitterLimits limits;
  private final FeedbackRepository repository = new FeedbackRepository();

  SubmitService(Pool pool, ProofOfWork proof, SubmitterLimits limits) {
    this.pool = pool;
    this.proof = proof;
    this.limits = limits;
  }

  /** The service as the server runs it: challenges signed with a key derived from the shared {@code secret}. */
  public static SubmitService create(Vertx vertx, Pool pool, String secret) {
    return new SubmitService(pool, new ProofOfWork(secret, Clock.systemUTC()), SubmitterLimits.of(vertx));
  }

  /** The box's heading, its categories, and a fresh challenge to solve while the message is written. */
  Future<JsonObject> describe(String key) {
    return box(key).map(box -> new JsonObject()
        .put("title", box.title()).put("unit", box.unit()).put("eventTitle", box.eventTitle())
        .put("categories", new JsonArray(Arrays.stream(Category.values())
            .map(c -> new JsonObject().put("code", c.wireName()).put("label", c.label())).toList()))
        .put("maxLength", FeedbackInput.MAX_TEXT)
        .put("challenge", new JsonObject().put("text", proof.issue()).put("bits", ProofOfWork.BITS)));
  }

  /**
   * Leaves a message: checks it, then the proof of work, then the address's allowance, and drops it into the inbox.
   * Returns the follow-up code, whose hash alone is stored.
   */
  Future<JsonObject> submit(String key, FeedbackInput.NewMessage message, String address) {
    return box(key).compose(box -> {
      switch (proof.check(message.challenge(), message.nonce())) {
        case EXPIRED -> throw AppError.of(ErrorCode.CHALLENGE_EXPIRED);
        case WRONG -> throw AppError.of(ErrorCode.PROOF_INVALID);
        case VALID -> { }
      }
      if (!limits.spend(message.challenge())) {
        throw AppError.of(ErrorCode.PROOF_USED);
      }
      if (!limits.allowMessage(address)) throw tooMany();
      String code = FollowUpCodes.fresh();
      return repository.drop(pool, box.id(), message, FollowUpCodes.hash(code))
          .map(v -> new JsonObject().put("code", code));
    });
  }

  /** What the holder of a follow-up code may read: the status and the reply, never who else asked. */
  Future<JsonObject> followUp(String typed, String address) {
    if (!limits.allowLookup(address)) return Future.failedFuture(tooMany());
    if (FollowUpCodes.plain(typed).isEmpty()) {
      return Future.failedFuture(AppError.invalidField("code", "查询码应为 20 位字母和数字（如 7K2QX-M9D4A-…），请核对后重新输入"));
    }
    return repository.followUp(pool, FollowUpCodes.hash(typed)).map(found -> {
      FeedbackRepository.FollowUp f = found.orElseThrow(() -> AppError.of(ErrorCode.FOLLOWUP_NOT_FOUND,
          "没有找到这个查询码对应的意见，请逐位核对"));
      JsonObject answer = new JsonObject().put("receivedOn", f.receivedOn().toString())
          .put("category", f.category().label());
      if (f.status() == null) {
        return answer.put("status", "waiting").put("statusLabel", "已收到，等待转交（最迟次日转交）");
      }
      return answer.put("status", f.status().wireName()).put("statusLabel", f.status().label())
          .put("reply", f.reply()).put("repliedOn", f.repliedOn() == null ? null : f.repliedOn().toString());
    });
  }

  private Future<FeedbackRepository.Box> box(String key) {
    if (key == null || !KEY.matcher(key).matches()) return Future.failedFuture(notFound());
    return repository.boxByKey(pool, key).map(found -> found.orElseThrow(SubmitService::notFound));
  }

  private AppError tooMany() {
    return AppError.tooManyRequests("提交过于频繁，请稍后再试", limits.secondsLeftInHour());
  }

  private static AppError notFound() {
    return AppError.of(ErrorCode.BOX_NOT_FOUND, "没有这个意见箱，请核对地址");
  }
}
