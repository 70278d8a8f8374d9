package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A price is the connection fee plus rate x billed seconds / 60, rounded once (R-FUND-1). */
class RatePriceTest {
  private static final SupportedCurrency USD = SupportedCurrency.USD;

  private static Rate rate(String perMinute, String fee, int increment, int minimum) {
    return new Rate(
        CallKind.OUTBOUND,
        "+44",
        "United Kingdom",
        new BigDecimal(perMinute),
        new BigDecimal(fee),
        increment,
        minimum,
        LocalDate.of(2026, 1, 1),
        null);
  }

  private static String price(Rate rate, long seconds) {
    return rate.price(seconds, USD).toPlainString();
  }

  @Test
  void R_FUND_1_R_RATE_6_five_seconds_at_0_06_a_minute_by_the_second_is_one_cent_not_zero() {
    // 5 x 0.06 / 60 = 0.005 exactly: HALF_UP makes it 0.01; rounding the minutes first made 0.00
    assertEquals("0.01", price(rate("0.0600", "0", 1, 0), 5));
  }

  @Test
  void R_RATE_1_seconds_are_billed_in_whole_increments_after_the_minimum() {
    Rate perMinute = rate("0.0300", "0", 60, 60);
    assertEquals("0.03", price(perMinute, 1), "a second is the first minute");
    assertEquals("0.03", price(perMinute, 60));
    assertEquals("0.06", price(perMinute, 61), "the 61st second starts the second minute");
    Rate bySixSeconds = rate("0.1000", "0", 6, 30);
    assertEquals(30, bySixSeconds.billableSeconds(1), "the minimum");
    assertEquals("0.05", price(bySixSeconds, 1), "30 s at 0.10 a minute");
    assertEquals(36, bySixSeconds.billableSeconds(31), "then six seconds at a time");
    assertEquals("0.06", price(bySixSeconds, 31));
    assertEquals(0, bySixSeconds.billableSeconds(0));
    assertEquals("0.00", price(bySixSeconds, 0), "no seconds, no connection fee either");
  }

  @Test
  void R_FUND_1_the_connection_fee_is_added_before_the_one_rounding() {
    // 0.0030 + 2 x 0.0600 / 60 = 0.0030 + 0.0020 = 0.0050 -> 0.01; each part rounded is 0.00
    assertEquals("0.01", price(rate("0.0600", "0.0030", 1, 0), 2));
    // 0.0050 + 1 x 0.0001 / 60: just above a half cent, so up
    assertEquals("0.01", price(rate("0.0001", "0.0050", 1, 0), 1));
    assertEquals("220.05", price(rate("0.2200", "0.0500", 60, 60), 60_000));
  }

  @Test
  void R_FUND_1_prices_equal_the_exact_fraction_rounded_half_up_once() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal perMinute = BigDecimal.valueOf(random.nextInt(100_000), 4);
      BigDecimal fee = BigDecimal.valueOf(random.nextInt(1_000), 4);
      int increment = 1 + random.nextInt(60);
      int minimum = random.nextInt(61);
      long seconds = 1 + random.nextInt((int) FinishedCall.MAX_DURATION_SECONDS);
      Rate rate =
          new Rate(
              CallKind.OUTBOUND,
              "+",
              "",
              perMinute,
              fee,
              increment,
              minimum,
              LocalDate.of(2026, 1, 1),
              null);
      BigDecimal exact =
          fee.multiply(BigDecimal.valueOf(60))
              .add(perMinute.multiply(BigDecimal.valueOf(rate.billableSeconds(seconds))))
              .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
      assertEquals(
          Money.of(exact, USD), rate.price(seconds, USD), perMinute + "/min, " + seconds + " s");
    }
  }
}
