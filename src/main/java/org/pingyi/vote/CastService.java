package org.pingyi.vote;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Optional;
import org.pingyi.ballot.BallotForm;
import org.pingyi.ballot.BallotValidator;
import org.pingyi.ballot.CanonicalJson;
import org.pingyi.ballot.FrozenForm;
import org.pingyi.ballot.FrozenFormCache;
import org.pingyi.ballot.Receipt;
import org.pingyi.ballot.Strictness;
import org.pingyi.box.BallotBox;
import org.pingyi.box.NewBallot;
import org.pingyi.crypto.StoredSecrets;
import org.pingyi.db.Batcher;
import org.pingyi.event.EventStatus;
import org.pingyi.metrics.Measurements;
import org.pingyi.slip.SlipState;
import org.pingyi.slip.SlipTokens;
import org.pingyi.slip.VotingSlips;
import org.pingyi.slip.VotingSlips.SlipView;
import org.pingyi.tally.CountedBallot;
import org.pingyi.tally.TallyCounters;

/**
 * Voting with a slip: what the voter's page shows for it, and casting a ballot with it, exactly once. The
 * slip is consumed and the ballot dropped into the ballot box in one transaction (shared with the ballots that
 * arrived at the same time, see {@link GroupCommit}); the answer goes back only after the commit.
 */
public final class CastService {
  /** Slip reads in flight at once; requests arriving meanwhile are read together in the next statement. */
  private static final int LOOKUPS_IN_FLIGHT = 2;
  private static final int MAX_LOOKUP = 1000;

  private final Pool pool;
  private final BallotBox box;
  private final FrozenFormCache forms;
  private final GroupCommit commits;
  private final Batcher<byte[], Optional<SlipView>> lookups;

  public CastService(Pool pool, FrozenFormCache forms, BallotBox box, Measurements measurements) {
    this.pool = pool;
    this.box = box;
    this.forms = forms;
    this.commits = new GroupCommit(pool, box, measurements);
    this.lookups = new Batcher<>(LOOKUPS_IN_FLIGHT, MAX_LOOKUP, hashes -> VotingSlips.slips(pool, hashes)
        .map(found -> hashes.stream().map(h -> Optional.ofNullable(found.get(VotingSlips.tokenKey(h)))).toList()));
  }

  /** The outcome of casting: the receipt code, and whether this ballot had already been stored (a retry). */
  public record Cast(String receipt, boolean replay) {
  }

  /** The event, category and forms a usable slip votes on. */
  Future<JsonObject> ballotPaper(String token) {
    if (!SlipTokens.wellFormed(token)) return Future.failedFuture(SlipRefusals.unknown());
    return usableSlip(StoredSecrets.hash(token)).compose(slip -> {
      if (slip.state() != SlipState.UNUSED) throw SlipRefusals.used(slip.title());
      return VotingSlips.heading(pool, slip.eventId(), slip.categoryCode()).compose(heading -> {
        if (heading == null) throw SlipRefusals.unknown();
        return forms.formsOf(pool, slip.eventId()).map(all -> new JsonObject()
            .put("event", heading.event())
            .put("category", new JsonObject().put("code", slip.categoryCode()).put("name", heading.categoryName()))
            .put("forms", new JsonArray(all.stream().map(FrozenForm::toJson).toList())));
      });
    });
  }

  /** @param body the request's body as sent, decoded ({@link BallotBody}) only once the slip is known usable */
  Future<Cast> cast(String token, Buffer body) {
    if (!SlipTokens.wellFormed(token)) return Future.failedFuture(SlipRefusals.unknown());
    byte[] tokenHash = StoredSecrets.hash(token);
    return usableSlip(tokenHash).compose(slip -> forms.formsOf(pool, slip.eventId()).compose(all -> {
      BallotBody sent = BallotBody.decode(body);
      String nonce = sent.nonce();
      List<BallotForm> parsed = all.stream().map(FrozenForm::parsed).toList();
      BallotValidator.Result checked = BallotValidator.check(parsed, sent.answers(), Strictness.ONLINE);
      if (!checked.valid()) {
        if (slip.state() == SlipState.USED) throw SlipRefusals.used(slip.title());
        throw checked.refusal();
      }
      // The canonical text once: the receipt is computed from it, and it is what the box stores.
      String canonical = CanonicalJson.write(checked.answers());
      Receipt receipt = Receipt.of(slip.eventId(), token, canonical, nonce);
      if (slip.state() == SlipState.USED) return replay(slip, receipt);
      NewBallot ballot = new NewBallot(slip.eventId(), slip.categoryCode(), NewBallot.PHONE, false,
          canonical, receipt.hash(), TallyCounters.held(parsed,
              new CountedBallot(slip.categoryCode(), NewBallot.PHONE, false, checked.answers())));
      return commits.submit(tokenHash, ballot).compose(outcome -> switch (outcome) {
        case STORED -> Future.succeededFuture(new Cast(receipt.code(), false));
        case EVENT_CLOSED -> Future.failedFuture(SlipRefusals.closed(slip.title()));
        case SLIP_NOT_CONSUMED -> afterLostRace(tokenHash, slip, receipt);
      });
    }));
  }

  /**
   * A slip that exists, is not void, and belongs to an event that has opened; an unused slip also needs the
   * event still open. A used slip passes, so that the caller can tell a retry from a second vote.
   */
  private Future<SlipView> usableSlip(byte[] tokenHash) {
    return lookups.submit(tokenHash).map(found -> {
      SlipView slip = found.orElseThrow(SlipRefusals::unknown);
      if (slip.state() == SlipState.VOID) throw SlipRefusals.voided(slip.title());
      if (slip.state() == SlipState.UNRETURNED) throw SlipRefusals.unreturned(slip.title());
      if (slip.eventStatus() == EventStatus.DRAFT) throw SlipRefusals.notOpen(slip.title());
      if (slip.state() == SlipState.UNUSED && slip.eventStatus() != EventStatus.OPEN) throw SlipRefusals.closed(slip.title());
      return slip;
    });
  }

  /** Another request consumed the slip between our read and our update; it may have been this phone's own. */
  private Future<Cast> afterLostRace(byte[] tokenHash, SlipView slip, Receipt receipt) {
    return lookups.submit(tokenHash).compose(found -> {
      if (found.isPresent() && found.get().state() == SlipState.VOID) throw SlipRefusals.voided(slip.title());
      return replay(slip, receipt);
    });
  }

  /**
   * The slip is used: if this phone's ballot is stored, its receipt comes back; otherwise it is a second vote.
   * The receipt includes the slip's token, so only the slip that cast a ballot can find it again.
   */
  private Future<Cast> replay(SlipView slip, Receipt receipt) {
    return box.holdsReceipt(pool, slip.eventId(), receipt.hash()).map(exists -> {
      if (!exists) throw SlipRefusals.used(slip.title());
      return new Cast(receipt.code(), true);
    });
  }
}
