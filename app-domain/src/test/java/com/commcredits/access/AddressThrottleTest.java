package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {
  private final AddressThrottle throttle = new AddressThrottle();
  private final Instant start = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void R_SEC_1_an_address_is_refused_after_twenty_failures_within_fifteen_minutes() {
    for (int i = 0; i < AddressThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("203.0.113.5", start.plusSeconds(i));
    }
    assertFalse(throttle.isThrottled("203.0.113.5", start.plusSeconds(30)));
    throttle.failed("203.0.113.5", start.plusSeconds(31));
    assertTrue(throttle.isThrottled("203.0.113.5", start.plusSeconds(32)));
    assertFalse(throttle.isThrottled("198.51.100.1", start.plusSeconds(32)), "other addresses");
  }

  @Test
  void R_SEC_1_the_window_slides_so_an_address_recovers_as_its_failures_age() {
    for (int i = 0; i < AddressThrottle.MAX_FAILURES; i++) {
      throttle.failed("203.0.113.5", start.plus(Duration.ofMinutes(i % 2)));
    }
    assertTrue(throttle.isThrottled("203.0.113.5", start.plus(Duration.ofMinutes(14))));
    assertTrue(
        throttle.isThrottled("203.0.113.5", start.plus(Duration.ofMinutes(15)).minusSeconds(1)));
    assertFalse(
        throttle.isThrottled("203.0.113.5", start.plus(Duration.ofMinutes(16))),
        "all failures older than the window");
  }

  @Test
  void an_unknown_address_is_counted_as_one_client_rather_than_ignored() {
    for (int i = 0; i < AddressThrottle.MAX_FAILURES; i++) {
      throttle.failed(null, start);
    }
    assertTrue(throttle.isThrottled("", start));
  }
}
