package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatePlanTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
  private static final SupportedCurrency USD = SupportedCurrency.USD;

  private static Rate rate(
      CallKind kind, String prefix, String perMinute, String fee, int increment, int minimum) {
    return new Rate(
        kind,
        prefix,
        prefix,
        new BigDecimal(perMinute),
        new BigDecimal(fee),
        increment,
        minimum,
        LocalDate.of(2026, 1, 1),
        null);
  }

  private final RatePlan plan =
      new RatePlan(
          List.of(
              rate(CallKind.OUTBOUND, "+", "0.3500", "0.0500", 60, 60),
              rate(CallKind.OUTBOUND, "+44", "0.0300", "0", 60, 60),
              rate(CallKind.OUTBOUND, "+447", "0.1200", "0", 60, 60),
              rate(CallKind.OUTBOUND, "+91", "0.0800", "0", 1, 60),
              rate(CallKind.TOLL_FREE_INBOUND, "+1", "0.0300", "0", 60, 60)));

  @Test
  void R_RATE_1_the_longest_matching_prefix_wins() {
    assertEquals(
        "+447",
        plan.rateFor(CallKind.OUTBOUND, new PhoneNumber("+447700900123"), DAY)
            .orElseThrow()
            .prefix());
    assertEquals(
        "+44",
        plan.rateFor(CallKind.OUTBOUND, new PhoneNumber("+442079460000"), DAY)
            .orElseThrow()
            .prefix());
    assertEquals(
        "+",
        plan.rateFor(CallKind.OUTBOUND, new PhoneNumber("+6421555123"), DAY)
            .orElseThrow()
            .prefix());
    assertTrue(
        plan.rateFor(CallKind.CONFERENCE_DIAL_OUT, new PhoneNumber("+442079460000"), DAY).isEmpty(),
        "rates are per call kind");
  }

  @Test
  void R_RATE_1_billing_increments_and_minimums_round_up() {
    Rate perMinute = rate(CallKind.OUTBOUND, "+44", "0.0300", "0", 60, 60);
    assertEquals(60, perMinute.billableSeconds(1));
    assertEquals(120, perMinute.billableSeconds(61));
    assertEquals(Money.of("0.06", USD), perMinute.price(61, USD));
    Rate perSecond = rate(CallKind.OUTBOUND, "+91", "0.0800", "0", 1, 60);
    assertEquals(60, perSecond.billableSeconds(10), "1 s increments with a 60 s minimum");
    assertEquals(61, perSecond.billableSeconds(61));
    assertEquals(
        Money.of("0.08", USD), perSecond.price(61, USD), "61 s at 0.08/min = 0.0813, rounded once");
    Rate withFee = rate(CallKind.OUTBOUND, "+", "0.3500", "0.0500", 60, 60);
    assertEquals(Money.of("0.75", USD), withFee.price(90, USD), "fee 0.05 + 2 minutes at 0.35");
    assertEquals(Money.zero(USD), withFee.price(0, USD));
  }

  @Test
  void R_RATE_2_a_balance_covers_whole_increments_after_the_connection_fee() {
    Rate withFee = rate(CallKind.OUTBOUND, "+", "0.3500", "0.0500", 60, 60);
    assertEquals(120, withFee.secondsCoveredBy(new BigDecimal("0.80")));
    assertEquals(0, withFee.secondsCoveredBy(new BigDecimal("0.05")));
  }

  @Test
  void R_RATE_3_numbers_are_E164_and_know_their_country() {
    assertEquals("US", new PhoneNumber("+14255550100").country());
    assertEquals("CA", new PhoneNumber("+14165550100").country(), "416 is Toronto");
    assertEquals("GB", new PhoneNumber("+442079460000").country());
    assertEquals("IE", new PhoneNumber("+35312345678").country());
    assertEquals("ZZ", new PhoneNumber("+8801234567").country());
    assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("4255550100"));
    assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("+0123456789"));
    assertFalse(PhoneNumber.isValid("+1 425 555 0100"));
  }
}
