package com.commcredits.wallet;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The wallet's timer, thin on purpose: the settling of card payments whose outcome was unknown,
 * every minute. Due lots are expired, and the 30- and 7-day warnings written, by the first step of
 * the nightly reconciliation (R-RECON-1, {@code RunSteps.expireLots}), which took over the separate
 * 01:30 expiry timer; between runs, every money transaction expires its wallet's due lots first and
 * reads subtract lots past their expiry (R-FUND-10), so no one sees expired funds in the meantime.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletTimers {
  @Inject FundingService fundings;

  /** R-PAY-2: payments that timed out are settled by asking the gateway. */
  @Schedule(
      hour = "*",
      minute = "*",
      second = "15",
      persistent = false,
      info = "settle pending payments")
  public void settlePendingPayments() {
    fundings.resolvePending(Duration.ofSeconds(30));
  }
}
