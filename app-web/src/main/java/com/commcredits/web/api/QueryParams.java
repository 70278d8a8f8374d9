package com.commcredits.web.api;

import com.commcredits.shared.ValidationException;

/** Query parameters read as text and parsed here, so a bad value is a problem naming the parameter, not a 404. */
final class QueryParams {
  private QueryParams() {}

  static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "'" + name + "' must be a whole number.");
    }
  }
}
