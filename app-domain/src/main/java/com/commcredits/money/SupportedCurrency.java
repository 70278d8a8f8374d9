package com.commcredits.money;

import java.util.Currency;

/**
 * The currencies an organisation can bill in (R-ORG-1); their minor units come from ISO 4217
 * through {@link Currency}, not from a number written here.
 */
public enum SupportedCurrency {
  USD,
  CAD,
  GBP,
  EUR;

  private final int minorUnits = Currency.getInstance(name()).getDefaultFractionDigits();

  public int minorUnits() {
    return minorUnits;
  }

  public Currency currency() {
    return Currency.getInstance(name());
  }
}
