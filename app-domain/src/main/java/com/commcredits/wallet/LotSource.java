package com.commcredits.wallet;

/** Where a funding lot came from (R-FUND-2). */
public enum LotSource {
  MANUAL,
  AUTO_RECHARGE,
  PURCHASE_ORDER,
  ADJUSTMENT
}
