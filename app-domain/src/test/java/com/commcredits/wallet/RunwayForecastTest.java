package com.commcredits.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runway and the funds at risk of expiring (issue 17, R-FUND-3, R-FUND-4) on made-up histories:
 * steady, bursty, no spend, a negative balance, lots expiring before the balance runs out.
 */
class RunwayForecastTest {
  private static final SupportedCurrency USD = SupportedCurrency.USD;
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z"); // 10:00 in LA

  private static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  private static RunwayForecast.Lot lot(long id, String remaining, long expiresInDays) {
    return new RunwayForecast.Lot(
        id, new BigDecimal(remaining), NOW.plus(Duration.ofDays(expiresInDays)));
  }

  /** What the repository's one SUM returns: the charges of the last 30 days, as a positive sum. */
  private static BigDecimal spentInLast30Days(Map<Integer, String> chargesByDaysAgo) {
    return chargesByDaysAgo.entrySet().stream()
        .filter(e -> e.getKey() < RunwayForecast.BASIS_DAYS)
        .map(e -> new BigDecimal(e.getValue()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void R_SEE_1_steady_spending_gives_the_issues_example() {
    Map<Integer, String> history = new HashMap<>();
    for (int d = 0; d < 30; d++) {
      history.put(d, "19.85");
    }
    var forecast =
        RunwayForecast.project(
            usd("813.92"), spentInLast30Days(history), List.of(lot(1, "813.92", 300)), NOW, LA);
    assertEquals(usd("19.85"), forecast.dailySpend());
    assertEquals(41, forecast.days()); // 813.92 / 19.85 = 41.003
    assertEquals(LocalDate.of(2027, 1, 6), forecast.depletesOn());
    assertEquals(usd("0.00"), forecast.expiringUnused(), "everything is spent before it expires");
    assertEquals(usd("0.00"), forecast.projectedUnused(1));
  }

  @Test
  void R_SEE_1_a_burst_counts_as_its_average_over_30_days_and_older_charges_not_at_all() {
    var burst =
        RunwayForecast.project(
            usd("100.00"),
            spentInLast30Days(Map.of(3, "300.00", 45, "9000.00")),
            List.of(lot(1, "100.00", 200)),
            NOW,
            LA);
    assertEquals(usd("10.00"), burst.dailySpend());
    assertEquals(10, burst.days());
    assertEquals(LocalDate.of(2026, 12, 6), burst.depletesOn());
  }

  @Test
  void R_SEE_2_nothing_spent_has_no_runway_and_every_remainder_is_at_risk() {
    var forecast =
        RunwayForecast.project(
            usd("150.00"),
            BigDecimal.ZERO,
            List.of(lot(1, "100.00", 20), lot(2, "50.00", 300)),
            NOW,
            LA);
    assertNull(forecast.days());
    assertNull(forecast.depletesOn());
    assertEquals(usd("0.00"), forecast.dailySpend());
    assertEquals(usd("100.00"), forecast.projectedUnused(1));
    assertEquals(usd("50.00"), forecast.projectedUnused(2));
    assertEquals(usd("150.00"), forecast.expiringUnused());
    assertTrue(forecast.projection(90).isEmpty(), "no dashed line without a pace");
  }

  @Test
  void R_SEE_1_net_refunds_count_as_nothing_spent() {
    var forecast =
        RunwayForecast.project(
            usd("10.00"), new BigDecimal("-3.00"), List.of(lot(1, "10.00", 300)), NOW, LA);
    assertNull(forecast.days());
  }

  @Test
  void R_SEE_1_a_negative_balance_has_run_out_today() {
    var forecast =
        RunwayForecast.project(usd("-5.00"), new BigDecimal("30.00"), List.of(), NOW, LA);
    assertEquals(0, forecast.days());
    assertEquals(LocalDate.of(2026, 11, 26), forecast.depletesOn());
    assertEquals(usd("1.00"), forecast.dailySpend());
    assertEquals(usd("0.00"), forecast.expiringUnused());
  }

  @Test
  void R_SEE_2_a_lot_expiring_before_it_is_spent_forfeits_the_rest_and_shortens_the_runway() {
    // 10.00 a day; the first lot lasts 10 days but expires after 5: 50.00 lost
    var forecast =
        RunwayForecast.project(
            usd("300.00"),
            new BigDecimal("300.00"),
            List.of(lot(2, "200.00", 200), lot(1, "100.00", 5)),
            NOW,
            LA);
    assertEquals(usd("50.00"), forecast.projectedUnused(1));
    assertEquals(usd("0.00"), forecast.projectedUnused(2));
    assertEquals(usd("50.00"), forecast.expiringUnused());
    assertEquals(25, forecast.days(), "5 days on the first lot, 20 on the second; not 30");
    // the dashed line drops by what expires on day 5, at its expiry instant (R-FUND-10)
    Instant expiry = NOW.plus(Duration.ofDays(5));
    assertEquals(new BigDecimal("250.00"), cents(forecast.balanceAt(expiry.minusSeconds(1))));
    assertEquals(new BigDecimal("200.00"), cents(forecast.balanceAt(expiry)));
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  @Test
  void
      R_SEE_2_R_FUND_3_lots_are_spent_soonest_expiry_first_so_a_later_one_can_expire_while_waiting() {
    // 10.00 a day: lot 1 (200.00, 10 days) loses 100.00; lot 2 (100.00, 12 days) gets 2 days
    var forecast =
        RunwayForecast.project(
            usd("300.00"),
            new BigDecimal("300.00"),
            List.of(lot(2, "100.00", 12), lot(1, "200.00", 10)),
            NOW,
            LA);
    assertEquals(usd("100.00"), forecast.projectedUnused(1));
    assertEquals(usd("80.00"), forecast.projectedUnused(2));
    assertEquals(usd("180.00"), forecast.expiringUnused());
    assertEquals(12, forecast.days(), "the balance runs out when the last lot expires");
  }

  @Test
  void R_SEE_2_expired_and_empty_lots_forfeit_nothing_more() {
    var forecast =
        RunwayForecast.project(
            usd("100.00"),
            new BigDecimal("30.00"),
            List.of(lot(1, "40.00", -1), lot(2, "0.00", 40), lot(3, "100.00", 300)),
            NOW,
            LA);
    assertEquals(usd("0.00"), forecast.projectedUnused(1));
    assertEquals(usd("0.00"), forecast.projectedUnused(2));
    assertEquals(100, forecast.days());
  }

  @Test
  void R_SEE_1_a_debt_below_the_lots_is_taken_from_the_soonest_lot() {
    // lots hold 80.00 but the balance is 50.00 (30.00 owed): the first lot has 20.00 of its own,
    // of which 10 days at 1.00 spend 10.00; the second lasts 30 days more
    var forecast =
        RunwayForecast.project(
            usd("50.00"),
            new BigDecimal("30.00"),
            List.of(lot(1, "50.00", 10), lot(2, "30.00", 300)),
            NOW,
            LA);
    assertEquals(usd("10.00"), forecast.projectedUnused(1));
    assertEquals(40, forecast.days());
  }

  @Test
  void R_SEE_1_the_projection_runs_from_tomorrow_to_the_day_after_the_balance_runs_out() {
    var forecast =
        RunwayForecast.project(
            usd("100.00"), new BigDecimal("300.00"), List.of(lot(1, "100.00", 300)), NOW, LA);
    Map<LocalDate, BigDecimal> days = forecast.projection(90);
    assertEquals(11, days.size());
    List<BigDecimal> values = new ArrayList<>(days.values());
    for (int i = 1; i < values.size(); i++) {
      assertTrue(values.get(i).compareTo(values.get(i - 1)) <= 0, "never rises");
    }
    assertEquals(0, values.get(values.size() - 1).signum(), "ends at zero");
    assertEquals(LocalDate.of(2026, 11, 27), days.keySet().iterator().next());
    assertEquals(5, forecast.projection(5).size(), "capped");
  }
}
