package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateCardChangeTest {
  private static RateLine line(String prefix, String perMinute, LocalDate from, LocalDate to) {
    return new RateLine(
        CallKind.OUTBOUND,
        prefix,
        "Somewhere " + prefix,
        new BigDecimal(perMinute),
        BigDecimal.ZERO,
        60,
        60,
        from,
        to);
  }

  private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

  @Test
  void R_RATE_1_a_replacement_is_told_as_lines_added_changed_removed_and_unchanged() {
    List<RateLine> current =
        List.of(
            line("+44", "0.0300", JAN, null),
            line("+49", "0.0400", JAN, null),
            line("+33", "0.0400", JAN, null));
    List<RateLine> next =
        List.of(
            line("+44", "0.03", JAN, null),
            line("+49", "0.0450", JAN, null),
            line("+353", "0.0400", JAN, null));
    RateCardChange change = RateCardChange.between(current, next);
    assertEquals(List.of("+353"), change.added().stream().map(RateLine::prefix).toList());
    assertEquals("+49", change.changed().get(0).after().prefix());
    assertEquals(new BigDecimal("0.0400"), change.changed().get(0).before().perMinute());
    assertEquals(List.of("+33"), change.removed().stream().map(RateLine::prefix).toList());
    assertEquals(1, change.unchanged(), "0.03 and 0.0300 are the same price");
    assertEquals("1 added, 1 changed, 1 removed, 1 unchanged", change.summary());
  }

  @Test
  void R_RATE_1_a_cards_digest_ignores_line_order_and_amount_scale_but_not_prices() {
    List<RateLine> a = List.of(line("+44", "0.0300", JAN, null), line("+49", "0.0400", JAN, null));
    List<RateLine> b = List.of(line("+49", "0.04", JAN, null), line("+44", "0.030", JAN, null));
    assertEquals(RateCard.digest(a), RateCard.digest(b));
    assertNotEquals(
        RateCard.digest(a),
        RateCard.digest(
            List.of(line("+44", "0.0301", JAN, null), line("+49", "0.0400", JAN, null))));
  }

  @Test
  void R_RATE_1_periods_of_one_prefix_may_follow_each_other_but_not_overlap() {
    List<RateLine> following =
        List.of(
            line("+44", "0.03", JAN, LocalDate.of(2026, 6, 30)),
            line("+44", "0.02", LocalDate.of(2026, 7, 1), null));
    assertTrue(RateLine.overlaps(following).isEmpty());
    List<RateLine> overlapping =
        List.of(
            line("+44", "0.03", JAN, null),
            line("+4420", "0.02", JAN, null),
            line("+44", "0.02", LocalDate.of(2026, 7, 1), null));
    List<int[]> clashes = RateLine.overlaps(overlapping);
    assertEquals(1, clashes.size());
    assertEquals(2, clashes.get(0)[0]);
    assertEquals(0, clashes.get(0)[1]);
  }
}
