package com.commcredits.wallet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The check every money test and the reconciliation run (R-FUND-6): the balance equals the sum of
 * the ledger, and the sum of lot remainders minus the negative amount; each lot's remainder equals
 * its amount minus what its allocations took.
 */
public final class WalletInvariant {
  private WalletInvariant() {}

  /** The sums one wallet's rows add up to, as read from the database. */
  public record Sums(
      long walletId,
      BigDecimal balance,
      BigDecimal ledgerSum,
      BigDecimal lotRemainders,
      List<LotCheck> lots) {}

  /** One lot: its amount, remainder, and the total its allocations took. */
  public record LotCheck(
      long lotId, BigDecimal amount, BigDecimal remaining, BigDecimal allocated) {}

  /** Every way the sums disagree, in words; empty when the wallet is consistent. */
  public static List<String> violations(Sums sums) {
    List<String> found = new ArrayList<>();
    if (sums.balance().compareTo(sums.ledgerSum()) != 0) {
      found.add(
          "wallet "
              + sums.walletId()
              + ": balance "
              + sums.balance()
              + " != sum of ledger "
              + sums.ledgerSum());
    }
    BigDecimal negative = sums.balance().signum() < 0 ? sums.balance().negate() : BigDecimal.ZERO;
    if (sums.lotRemainders().subtract(negative).compareTo(sums.balance()) != 0) {
      found.add(
          "wallet "
              + sums.walletId()
              + ": lot remainders "
              + sums.lotRemainders()
              + " minus negative amount "
              + negative
              + " != balance "
              + sums.balance());
    }
    for (LotCheck lot : sums.lots()) {
      if (lot.amount().subtract(lot.allocated()).compareTo(lot.remaining()) != 0) {
        found.add(
            "lot "
                + lot.lotId()
                + ": amount "
                + lot.amount()
                + " - allocated "
                + lot.allocated()
                + " != remaining "
                + lot.remaining());
      }
      if (lot.remaining().signum() < 0) {
        found.add("lot " + lot.lotId() + ": remaining is negative");
      }
    }
    return found;
  }
}
