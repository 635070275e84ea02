package org.pingyi.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingyi.tally.Suppression.Group;
import org.pingyi.tally.Suppression.Reason;

/** The complementary suppression rule on hand-made categories, minimum group size 5. */
class SuppressionTest {

  @Test
  void oneTinyAndOneLargeCategoryAreBothSuppressed() {
    assertThat(Suppression.of(List.of(new Group("A", 2), new Group("B", 40)), 5))
        .containsExactly(Map.entry("A", Reason.SMALL), Map.entry("B", Reason.COMPLEMENTARY));
  }

  @Test
  void twoTinyCategoriesThatTogetherReachTheMinimumAreTheOnlyOnesSuppressed() {
    assertThat(Suppression.of(List.of(new Group("A", 2), new Group("B", 40), new Group("C", 3)), 5))
        .containsExactly(Map.entry("A", Reason.SMALL), Map.entry("C", Reason.SMALL));
  }

  @Test
  void theSmallestLargeCategoryIsSuppressedWhenThatSuffices() {
    assertThat(Suppression.of(List.of(new Group("A", 40), new Group("B", 6), new Group("C", 1), new Group("D", 9)), 5))
        .containsExactly(Map.entry("B", Reason.COMPLEMENTARY), Map.entry("C", Reason.SMALL));
  }

  @Test
  void tiesAmongTheLargeAreBrokenByDisplayOrder() {
    assertThat(Suppression.of(List.of(new Group("A", 7), new Group("B", 7), new Group("C", 4)), 5))
        .containsExactly(Map.entry("A", Reason.COMPLEMENTARY), Map.entry("C", Reason.SMALL));
  }

  @Test
  void moreThanOneLargeCategoryIsSuppressedIfTheFirstIsNotEnough() {
    // min 10: the tiny one holds 1, the smallest large one 10 more: 11 hidden, enough.
    assertThat(Suppression.of(List.of(new Group("A", 1), new Group("B", 10), new Group("C", 30)), 10))
        .containsExactly(Map.entry("A", Reason.SMALL), Map.entry("B", Reason.COMPLEMENTARY));
  }

  @Test
  void withNoTinyCategoryNothingIsSuppressed() {
    assertThat(Suppression.of(List.of(new Group("A", 5), new Group("B", 40)), 5)).isEmpty();
  }

  @Test
  void aCategoryWithNoBallotsIsHiddenButNeverCausesAnotherToBe() {
    assertThat(Suppression.of(List.of(new Group("A", 0), new Group("B", 40), new Group("C", 6)), 5))
        .containsExactly(Map.entry("A", Reason.SMALL));
  }

  @Test
  void whenEveryCategoryIsNeededAllAreSuppressed() {
    assertThat(Suppression.of(List.of(new Group("A", 1), new Group("B", 2)), 5))
        .containsExactly(Map.entry("A", Reason.SMALL), Map.entry("B", Reason.SMALL));
  }
}
