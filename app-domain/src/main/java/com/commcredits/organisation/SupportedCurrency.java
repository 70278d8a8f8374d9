package com.commcredits.organisation;

/** The currencies an organisation can bill in (R-ORG-1), with their minor units. */
public enum SupportedCurrency {
  USD(2),
  CAD(2),
  GBP(2),
  EUR(2);

  private final int minorUnits;

  SupportedCurrency(int minorUnits) {
    this.minorUnits = minorUnits;
  }

  public int minorUnits() {
    return minorUnits;
  }
}
