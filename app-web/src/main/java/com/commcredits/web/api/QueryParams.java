package com.commcredits.web.api;

import com.commcredits.shared.ValidationException;

/**
 * Query parameters read as text and parsed here, so a bad value is a problem naming the parameter,
 * not a 404.
 */
final class QueryParams {
  private QueryParams() {}

  /** A date like 2026-01-31, or null when absent. */
  static java.time.LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
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
}
