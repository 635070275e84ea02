package org.pingyi.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingyi.support.Db;
import org.pingyi.support.ServerExtension;

/** The migrated schema itself: nothing in it can tie a ballot to a slip, an order or a moment. */
class AnonymousSchemaTest {
  @RegisterExtension
  static final ServerExtension server = new ServerExtension();

  private Db db() {
    return new Db(server.database());
  }

  @Test
  void aBallotHoldsItsEventCategoryChannelAnswersAndReceiptOnly() {
    assertThat(db().strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'ballots'"))
        .containsExactlyInAnyOrder("id", "event_id", "category_code", "channel", "unreadable", "answers", "receipt_sha256");
  }

  @Test
  void noConstraintLinksBallotsAndSlips() {
    assertThat(db().strings("""
        SELECT conname FROM pg_constraint
        WHERE (conrelid = 'ballots'::regclass AND confrelid = 'slips'::regclass)
           OR (conrelid = 'slips'::regclass AND confrelid = 'ballots'::regclass)""")).isEmpty();
    assertThat(db().strings("""
        SELECT column_name FROM information_schema.columns
        WHERE table_name = 'slips' AND (column_name LIKE '%ballot%' OR data_type LIKE 'timestamp%')""")).isEmpty();
  }

  @Test
  void ballotsHaveNoTimeNoSequenceAndNoTrigger() {
    assertThat(db().strings("""
        SELECT column_name FROM information_schema.columns
        WHERE table_name = 'ballots'
          AND (data_type IN ('date', 'time', 'bigint', 'integer', 'smallint') OR data_type LIKE 'time%'
               OR column_default LIKE 'nextval%' OR is_identity = 'YES')""")).isEmpty();
    assertThat(db().strings("SELECT column_default FROM information_schema.columns WHERE table_name = 'ballots' AND column_name = 'id'"))
        .containsExactly("gen_random_uuid()");
    assertThat(db().strings("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN ('ballots'::regclass, 'slips'::regclass)")).isEmpty();
  }
}
