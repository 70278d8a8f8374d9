package com.commcredits.wallet;

import java.math.BigDecimal;
import java.util.List;

/**
 * A charge as recorded: its entry, the balance after it, and which lots paid how much (null lot:
 * uncovered).
 */
public record ChargeResult(LedgerEntry entry, boolean duplicate, List<LotPayment> fundedBy) {

  /** One lot's part of a charge; a null lot is the part that went below zero. */
  public record LotPayment(Long lotId, BigDecimal amount) {}

  public BigDecimal balanceAfter() {
    return entry.balanceAfter();
  }
}
