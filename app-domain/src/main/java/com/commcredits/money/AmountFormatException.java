package com.commcredits.money;

/**
 * Text that is not an amount the product accepts (R-FUND-11); its message says, in the user's
 * words, what to write instead, and the caller names the field.
 */
public class AmountFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public AmountFormatException(String message) {
    super(message);
  }
}
