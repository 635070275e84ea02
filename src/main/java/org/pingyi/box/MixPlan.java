package org.pingyi.box;

/**
 * How the ballot box mixes one group of held ballots (one event, voter category and channel), in plain Java.
 *
 * <p>While voting is open a group is mixed once it holds 2k ballots: a random k stay behind and the rest (at
 * least k) move. So every change anyone can see in the results is the sum of at least k ballots, and at the
 * close the last step is at least k too (the k that stayed), never the one or two ballots cast last. Once voting
 * has closed everything held moves; a batch smaller than k (a paper ballot entered after the close) is mixed
 * with k ballots of its group that were already stored, taken out and written again in the same shuffle. The
 * shuffling itself is the database's (BoxRepository), so that ballots never travel through the server to be mixed.
 */
final class MixPlan {
  private MixPlan() {
  }

  /** How many of a group's {@code held} ballots move now. */
  static int toMove(int held, int k, boolean votingOpen) {
    if (!votingOpen) return held;
    return held >= 2 * k ? held - k : 0;
  }

  /** How many already-stored ballots of the group to mix in with {@code moving} new ones. */
  static int toBorrow(int moving, int k, boolean votingOpen) {
    return !votingOpen && moving > 0 && moving < k ? k : 0;
  }
}
