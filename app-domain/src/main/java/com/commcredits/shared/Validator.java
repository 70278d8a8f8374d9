package com.commcredits.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors for a command and throws them together, so a form shows every problem at
 * once.
 */
public final class Validator {
  private final List<FieldError> errors = new ArrayList<>();

  public Validator check(boolean ok, String field, String message) {
    if (!ok && errors.stream().noneMatch(e -> e.field().equals(field))) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  public Validator required(String value, String field, String label, int maxLength) {
    if (value == null || value.isBlank()) {
      return check(false, field, label + " is required.");
    }
    return check(
        value.strip().length() <= maxLength,
        field,
        label + " must be at most " + maxLength + " characters.");
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
