package org.pingyi.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests that arrive while a batch is running go together in the next one, in order, each with its answer. */
class BatcherTest {
  private final List<List<Integer>> batches = new ArrayList<>();
  private final List<Promise<List<String>>> running = new ArrayList<>();
  private final Batcher<Integer, String> batcher = new Batcher<>(1, 3, items -> {
    batches.add(items);
    Promise<List<String>> answers = Promise.promise();
    running.add(answers);
    return answers.future();
  });

  @Test
  void aLoneRequestGoesAtOnceAndLaterOnesWaitForTheNextBatch() {
    Future<String> first = batcher.submit(1);
    Future<String> second = batcher.submit(2);
    Future<String> third = batcher.submit(3);

    assertThat(batches).containsExactly(List.of(1));
    running.get(0).complete(List.of("one"));

    assertThat(first.result()).isEqualTo("one");
    assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
    running.get(1).complete(List.of("two", "three"));
    assertThat(second.result()).isEqualTo("two");
    assertThat(third.result()).isEqualTo("three");
  }

  @Test
  void aBatchIsNeverLargerThanItsLimit() {
    for (int i = 0; i < 8; i++) batcher.submit(i);
    running.get(0).complete(List.of("0"));

    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3));
  }

  @Test
  void aFailedBatchFailsEachOfItsRequestsAndTheNextBatchStillRuns() {
    batcher.submit(1);
    Future<String> second = batcher.submit(2);
    Future<String> third = batcher.submit(3);
    running.get(0).complete(List.of("one"));

    running.get(1).fail(new IllegalStateException("database gone"));
    Future<String> fourth = batcher.submit(4);

    assertThat(second.cause()).hasMessage("database gone");
    assertThat(third.cause()).hasMessage("database gone");
    assertThat(batches).last().isEqualTo(List.of(4));
    running.get(2).complete(List.of("four"));
    assertThat(fourth.result()).isEqualTo("four");
  }
}
