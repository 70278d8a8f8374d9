package com.commcredits.guard;

import java.time.Duration;

/** The two rolling windows of the toll-fraud brake. */
public enum BrakeWindow {
  HOUR(Duration.ofHours(1)),
  DAY(Duration.ofHours(24));

  private final Duration length;

  BrakeWindow(Duration length) {
    this.length = length;
  }

  public Duration length() {
    return length;
  }
}
