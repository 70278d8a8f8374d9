package com.commcredits.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set, shared by the whole test deployment; unset, it is the system clock. */
public final class MutableClock extends Clock {
  public static final MutableClock INSTANCE = new MutableClock();
  private volatile Instant fixed;

  private MutableClock() {}

  public void set(Instant now) {
    this.fixed = now;
  }

  public void reset() {
    this.fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }
}
