package org.pingyi.box;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MixPlanTest {

  @Test
  void whileVotingIsOpenAGroupWaitsForTwiceKAndThenKeepsKBack() {
    assertThat(MixPlan.toMove(0, 5, true)).isZero();
    assertThat(MixPlan.toMove(9, 5, true)).isZero();
    assertThat(MixPlan.toMove(10, 5, true)).isEqualTo(5);
    assertThat(MixPlan.toMove(11, 5, true)).isEqualTo(6);
    assertThat(MixPlan.toMove(500, 5, true)).isEqualTo(495);
    // Whatever moves is at least k, and what stays is k: the close's own step is at least k too.
    for (int held = 0; held < 100; held++) {
      int moved = MixPlan.toMove(held, 7, true);
      assertThat(moved == 0 || (moved >= 7 && held - moved == 7)).isTrue();
    }
  }

  @Test
  void onceVotingHasClosedEverythingMovesAndASmallBatchBorrowsKStoredBallots() {
    assertThat(MixPlan.toMove(3, 5, false)).isEqualTo(3);
    assertThat(MixPlan.toMove(12, 5, false)).isEqualTo(12);
    assertThat(MixPlan.toBorrow(1, 5, false)).isEqualTo(5);
    assertThat(MixPlan.toBorrow(4, 5, false)).isEqualTo(5);
    assertThat(MixPlan.toBorrow(5, 5, false)).isZero();
    assertThat(MixPlan.toBorrow(0, 5, false)).isZero();
    assertThat(MixPlan.toBorrow(1, 5, true)).isZero();
  }
}
