package com.commcredits.guard;

import java.math.BigDecimal;

/**
 * A user's monthly caps in the organisation's currency (R-GUARD-1): on everything the wallet pays
 * for the user's calls, and on the international part of it; null is no cap.
 */
public record UserSpendLimit(BigDecimal monthly, BigDecimal internationalMonthly) {
  public static final UserSpendLimit NONE = new UserSpendLimit(null, null);

  public boolean isNone() {
    return monthly == null && internationalMonthly == null;
  }
}
