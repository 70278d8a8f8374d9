package com.commcredits.wallet;

import java.math.BigDecimal;

/**
 * What adding funds came to: the funding, its lot when it succeeded, and whether it repeated an
 * earlier request.
 */
public record FundingOutcome(
    Funding funding, FundingLot lot, boolean repeated, BigDecimal balanceAfter) {
  public FundingStatus status() {
    return funding.status();
  }
}
