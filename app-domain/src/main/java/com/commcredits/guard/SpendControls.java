package com.commcredits.guard;

import java.math.BigDecimal;

/**
 * The organisation's toll-fraud brake (R-GUARD-1): the most its users' international calls may cost
 * the wallet per rolling hour and per rolling 24 hours; null turns that window off.
 */
public record SpendControls(BigDecimal internationalPerHour, BigDecimal internationalPerDay) {
  /** On by default, for every wallet: 200.00 per hour and 1,000.00 per 24 hours. */
  public static final SpendControls DEFAULT =
      new SpendControls(new BigDecimal("200.00"), new BigDecimal("1000.00"));

  public boolean isOff() {
    return internationalPerHour == null && internationalPerDay == null;
  }
}
