package com.commcredits.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the application's clock (UTC, see {@link AppClock}). Dependent-scoped on purpose: a JDK
 * class cannot be proxied, and the clock itself is immutable and shared.
 */
@ApplicationScoped
public class ClockProducer {
  private final Clock clock = new AppClock();

  @Produces
  Clock clock() {
    return clock;
  }
}
