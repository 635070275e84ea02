package org.pingyi.rawexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small voter categories are merged into one unnamed group of at least the minimum size. */
class RawCategoriesTest {
  private static final Map<String, String> NAMES = new LinkedHashMap<>(Map.of("A", "主要领导", "B", "领导班子成员",
      "C", "干部职工代表", "D", "离退休干部代表"));

  @Test
  void categoriesWithEnoughBallotsAreNamed() {
    RawCategories categories = RawCategories.of(NAMES, Map.of("B", 5L, "C", 40L), 5);

    assertThat(categories.code("B")).isEqualTo("B");
    assertThat(categories.name("C")).isEqualTo("干部职工代表");
  }

  @Test
  void twoSmallCategoriesTogetherReachingTheMinimumAreMergedOnly() {
    RawCategories categories = RawCategories.of(NAMES, Map.of("A", 2L, "D", 3L, "B", 9L, "C", 40L), 5);

    assertThat(categories.code("A")).isNull();
    assertThat(categories.code("D")).isNull();
    assertThat(categories.name("A")).isEqualTo("其他（选票不足 5 张的类别合并，不单列）");
    assertThat(categories.code("B")).isEqualTo("B");
  }

  @Test
  void aLoneSmallCategoryTakesTheSmallestNamedOneWithItSoItsBallotsCannotBePickedOut() {
    RawCategories categories = RawCategories.of(NAMES, Map.of("A", 1L, "B", 9L, "C", 40L), 5);

    assertThat(categories.code("A")).isNull();
    assertThat(categories.code("B")).isNull();
    assertThat(categories.code("C")).isEqualTo("C");
  }
}
