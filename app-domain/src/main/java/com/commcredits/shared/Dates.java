package com.commcredits.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Reads a calendar date a person or a client typed: exactly YYYY-MM-DD in years 1 to 9999, so a
 * year like +10000 or 0000 is an input error, not a database error.
 */
public final class Dates {
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Dates() {}

  /**
   * @return the date, or null when the text is absent or blank
   * @throws IllegalArgumentException when the text is not a real date in years 1 to 9999
   */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    if (!ISO_DATE.matcher(value).matches()) {
      throw new IllegalArgumentException("Enter a date as YYYY-MM-DD.");
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 1) {
        throw new IllegalArgumentException("Enter a date in the years 1 to 9999.");
      }
      return date;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Enter a date that exists, as YYYY-MM-DD.");
    }
  }
}
