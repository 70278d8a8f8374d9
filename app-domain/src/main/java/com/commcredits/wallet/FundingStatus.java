package com.commcredits.wallet;

/** Where a request to add funds stands; a pending one resolves exactly once. */
public enum FundingStatus {
  PENDING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
