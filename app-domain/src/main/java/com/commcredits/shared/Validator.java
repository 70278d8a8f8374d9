package com.commcredits.shared;

import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Money;
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

  /**
   * Refuses an amount that is not a plain decimal of at most 13 integer digits (R-FUND-11) without
   * knowing its currency, so a use case can refuse it before it locks the wallet; a missing amount
   * is left to the use case's own checks. The currency's minor digits are checked when the amount
   * is read with {@link Money#parse}.
   */
  public Validator plainAmount(String field, String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    try {
      Money.parseAmount(text, Money.Sign.UNSIGNED);
      return this;
    } catch (AmountFormatException e) {
      return check(false, field, e.getMessage());
    }
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
