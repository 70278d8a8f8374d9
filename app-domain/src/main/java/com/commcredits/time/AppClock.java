package com.commcredits.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The application's clock: the system's UTC time, except on a thread that is loading history (the
 * demo's three months of calls, say), where {@link #asOf} makes it read a past instant while the
 * work runs, so what that work records carries the time it would have had. Other threads never see
 * it.
 */
public final class AppClock extends Clock {
  private static final ThreadLocal<Instant> AS_OF = new ThreadLocal<>();

  /** Runs {@code work} on this thread with the clock reading {@code instant}. */
  public static <T> T asOf(Instant instant, Supplier<T> work) {
    Instant before = AS_OF.get();
    AS_OF.set(instant);
    try {
      return work.get();
    } finally {
      if (before == null) {
        AS_OF.remove();
      } else {
        AS_OF.set(before);
      }
    }
  }

  @Override
  public Instant instant() {
    Instant fixed = AS_OF.get();
    return fixed != null ? fixed : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.system(zone);
  }
}
