package com.commcredits.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the UTC DATETIME(6) values native SQL binds (the JVM and the sessions run in UTC).
 */
public final class UtcTimestamps {
  private UtcTimestamps() {}

  public static Timestamp of(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
