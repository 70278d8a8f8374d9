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

  /**
   * The instant as DATETIME(6) text, {@code 2026-11-02 08:00:00.123457}: rounded half up to the
   * microsecond, as the driver rounds a bound Timestamp, so both ways store the same value.
   */
  public static String text(Instant instant) {
    long micros = (instant.getNano() + 500) / 1000;
    long seconds = instant.getEpochSecond();
    if (micros == 1_000_000) {
      seconds++;
      micros = 0;
    }
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("Out of DATETIME's range: " + instant);
    }
    char[] c = new char[26];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = ' ';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, (int) micros, 6);
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
