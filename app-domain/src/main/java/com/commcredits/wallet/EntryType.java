package com.commcredits.wallet;

/** The kinds of ledger entry (R-FUND-6); credits are positive amounts, debits negative. */
public enum EntryType {
  FUNDING,
  CHARGE,
  EXPIRY,
  REFUND,
  ADJUSTMENT,
  REVERSAL
}
