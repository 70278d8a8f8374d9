package com.commcredits.recharge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.recharge.AutoRecharge.Hold;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The safety rails of auto-recharge, without a container (R-RECH-2, R-RECH-3). */
class AutoRechargeTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final BigDecimal BELOW = new BigDecimal("40.00");

  /** Recharge 100.00 when below 50.00, as an admin saved it at T0. */
  private static AutoRecharge settings() {
    AutoRecharge settings = new AutoRecharge(7);
    settings.change(true, new BigDecimal("100.00"), new BigDecimal("50.00"), 3, null, T0);
    return settings;
  }

  /** A wallet's attempts: their start times, whether one runs, when the last one failed. */
  private static final class Attempts implements AutoRecharge.History {
    final List<Instant> started = new ArrayList<>();
    boolean inFlight;
    Instant lastFailedAt;
    int asked;

    @Override
    public boolean attemptInFlight() {
      asked++;
      return inFlight;
    }

    @Override
    public long startedSince(Instant since) {
      asked++;
      return started.stream().filter(t -> t.isAfter(since)).count();
    }

    @Override
    public Optional<Instant> lastFailedAt() {
      asked++;
      return Optional.ofNullable(lastFailedAt);
    }

    void failed(AutoRecharge settings, Instant at) {
      started.add(at);
      lastFailedAt = at;
      settings.failed(at);
    }

    void succeeded(AutoRecharge settings, Instant at) {
      started.add(at);
      lastFailedAt = null;
      settings.succeeded();
    }
  }

  @Test
  void R_RECH_2_a_recharge_starts_below_the_trigger_and_not_at_or_above_it() {
    Attempts attempts = new Attempts();
    assertEquals(Optional.empty(), settings().hold(BELOW, T0, attempts));
    assertEquals(
        Optional.of(Hold.ABOVE_TRIGGER), settings().hold(new BigDecimal("50.00"), T0, attempts));
  }

  @Test
  void R_RECH_2_a_charge_above_the_trigger_asks_nothing_of_the_attempts() {
    Attempts attempts = new Attempts();
    settings().hold(new BigDecimal("80.00"), T0, attempts);
    assertEquals(0, attempts.asked, "no query for a charge that does not cross the trigger");
  }

  @Test
  void R_RECH_2_one_attempt_at_a_time() {
    Attempts attempts = new Attempts();
    attempts.inFlight = true;
    assertEquals(Optional.of(Hold.IN_FLIGHT), settings().hold(BELOW, T0, attempts));
  }

  @Test
  void R_RECH_1_nothing_starts_while_auto_recharge_is_off() {
    AutoRecharge settings = settings();
    settings.change(false, new BigDecimal("100.00"), new BigDecimal("50.00"), 3, null, T0);
    assertEquals(Optional.of(Hold.OFF), settings.hold(BELOW, T0, new Attempts()));
  }

  @Test
  void R_RECH_3_retries_back_off_1_2_4_minutes_doubling_up_to_an_hour() {
    assertEquals(Duration.ofMinutes(1), AutoRecharge.backoff(1));
    assertEquals(Duration.ofMinutes(2), AutoRecharge.backoff(2));
    assertEquals(Duration.ofMinutes(4), AutoRecharge.backoff(3));
    assertEquals(Duration.ofMinutes(32), AutoRecharge.backoff(6));
    assertEquals(Duration.ofMinutes(60), AutoRecharge.backoff(7));
    assertEquals(Duration.ofMinutes(60), AutoRecharge.backoff(40));
  }

  @Test
  void R_RECH_3_after_a_failure_the_next_attempt_waits_for_its_back_off() {
    AutoRecharge settings = settings();
    Attempts attempts = new Attempts();
    attempts.failed(settings, T0);
    assertEquals(Optional.of(Hold.BACKING_OFF), settings.hold(BELOW, T0.plusSeconds(59), attempts));
    assertEquals(Optional.empty(), settings.hold(BELOW, T0.plusSeconds(60), attempts));

    Instant second = T0.plusSeconds(60);
    attempts.failed(settings, second);
    assertEquals(
        Optional.of(Hold.BACKING_OFF),
        settings.hold(BELOW, second.plus(Duration.ofMinutes(2)).minusMillis(1), attempts));
    assertEquals(
        Optional.empty(), settings.hold(BELOW, second.plus(Duration.ofMinutes(2)), attempts));
  }

  @Test
  void R_RECH_3_a_success_ends_the_back_off_and_the_count_of_failures_in_a_row() {
    AutoRecharge settings = settings();
    Attempts attempts = new Attempts();
    attempts.failed(settings, T0);
    attempts.failed(settings, T0.plus(Duration.ofMinutes(1)));
    attempts.succeeded(settings, T0.plus(Duration.ofMinutes(3)));
    assertEquals(0, settings.consecutiveFailures());
    assertEquals(Optional.empty(), settings.hold(BELOW, T0.plus(Duration.ofMinutes(3)), attempts));

    assertFalse(settings.failed(T0.plus(Duration.ofMinutes(4))), "one failure after a success");
    assertFalse(settings.failed(T0.plus(Duration.ofMinutes(5))), "two in a row");
    assertFalse(settings.isSuspended());
  }

  @Test
  void R_RECH_3_three_failures_in_a_row_suspend_it_once_and_nothing_starts_while_suspended() {
    AutoRecharge settings = settings();
    Instant third = T0.plus(Duration.ofMinutes(10));
    assertFalse(settings.failed(T0));
    assertFalse(settings.failed(T0.plus(Duration.ofMinutes(5))));
    assertTrue(settings.failed(third), "the third failure in a row suspends");
    assertTrue(settings.isSuspended());
    assertEquals(third, settings.suspendedAt());
    assertFalse(settings.failed(third.plusSeconds(1)), "suspended once, told once");

    Attempts attempts = new Attempts();
    assertEquals(
        Optional.of(Hold.SUSPENDED),
        settings.hold(BELOW, third.plus(Duration.ofDays(3)), attempts),
        "long after every back-off, still nothing");
    assertEquals(0, attempts.asked);
  }

  @Test
  void R_RECH_3_saving_the_settings_with_auto_recharge_on_lifts_the_suspension() {
    AutoRecharge settings = settings();
    for (int i = 0; i < AutoRecharge.FAILURES_BEFORE_SUSPENSION; i++) {
      settings.failed(T0.plus(Duration.ofMinutes(i)));
    }
    Instant saved = T0.plus(Duration.ofHours(1));

    settings.change(false, new BigDecimal("100.00"), new BigDecimal("50.00"), 4, null, saved);
    assertTrue(settings.isSuspended(), "turning it off leaves the suspension");

    settings.change(true, new BigDecimal("100.00"), new BigDecimal("50.00"), 4, null, saved);
    assertFalse(settings.isSuspended());
    assertEquals(0, settings.consecutiveFailures());
    assertEquals(Optional.empty(), settings.hold(BELOW, saved, new Attempts()));
    assertFalse(settings.failed(saved.plusSeconds(1)), "the count starts again from zero");
  }

  @Test
  void R_RECH_3_at_most_five_recharges_start_in_any_24_hours() {
    AutoRecharge settings = settings();
    Attempts attempts = new Attempts();
    Instant at = T0;
    for (int i = 0; i < AutoRecharge.MAX_PER_DAY; i++) {
      assertEquals(Optional.empty(), settings.hold(BELOW, at, attempts), "recharge " + (i + 1));
      attempts.succeeded(settings, at);
      at = at.plus(Duration.ofMinutes(30));
    }
    assertEquals(Optional.of(Hold.DAILY_LIMIT), settings.hold(BELOW, at, attempts), "the sixth");
    assertEquals(
        Optional.of(Hold.DAILY_LIMIT),
        settings.hold(BELOW, T0.plus(Duration.ofHours(24)).minusMillis(1), attempts),
        "the first is not yet 24 hours old");
    assertEquals(
        Optional.empty(),
        settings.hold(BELOW, T0.plus(Duration.ofHours(24)), attempts),
        "once the first is 24 hours old, one more may start");
  }
}
