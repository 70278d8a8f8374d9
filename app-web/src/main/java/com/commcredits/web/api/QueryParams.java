package com.commcredits.web.api;

import com.commcredits.shared.Dates;
import com.commcredits.shared.ValidationException;
import java.time.LocalDate;

/**
 * Query parameters read as text and parsed here, so a bad value is a problem naming the parameter,
 * not a 404.
 */
final class QueryParams {
  private QueryParams() {}

  /** A date like 2026-01-31, or null when absent. */
  static LocalDate date(String name, String value) {
    try {
      return Dates.parse(value);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(name, "'" + name + "' must be a date like 2026-01-31.");
    }
  }

  static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "'" + name + "' must be a whole number.");
    }
  }

  /** An id (a cursor): a whole number of at least 1. */
  static long id(String name, String value) {
    try {
      long id = Long.parseLong(value.strip());
      if (id >= 1) {
        return id;
      }
    } catch (NumberFormatException e) {
      // the problem below
    }
    throw ValidationException.of(name, "'" + name + "' must be an id from a previous answer.");
  }
}
