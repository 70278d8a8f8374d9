package com.commcredits.wallet;

import com.commcredits.shared.Retries;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wallet's timers, thin on purpose: lot expiry daily on a persistent timer (it runs once even
 * with several servers, and catches up after downtime), and the settling of card payments whose
 * outcome was unknown every minute. Each wallet's expiry is retried on a deadlock (R-FUND-8).
 *
 * <p>The nightly reconciliation's first step does the same expiry later in the night; both stay on
 * purpose. Expiry and its warnings do not wait on the reconciliation (a failed or long run, another
 * RECON_SCHEDULE), and Liberty stores an automatic persistent timer once per database: removing
 * this one from the code would leave it in every existing database, firing on a missing method.
 * Both are idempotent: a lot already expired is not due, and a warning is written once per lot.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletTimers {
  private static final Logger LOG = Logger.getLogger(WalletTimers.class.getName());

  @Inject WalletQueries wallets;
  @Inject LotExpiry expiry;
  @Inject ExpiryNotices notices;
  @Inject FundingService fundings;

  /**
   * R-FUND-4 and R-NOTIFY-1: every day at 01:30 server time, expiry and the 30- and 7-day warnings.
   */
  @Schedule(hour = "1", minute = "30", persistent = true, info = "expire funding lots")
  public void expireLots() {
    int lots = 0;
    for (Long walletId : wallets.walletsWithLotsDue()) {
      try {
        lots += Retries.call(() -> expiry.expireLots(walletId));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "Expiry of wallet " + walletId + " failed; the next run retries it", e);
      }
    }
    int expired = lots;
    int warnings = Retries.call(notices::sendExpiryWarnings);
    LOG.info(
        () ->
            "Nightly expiry: "
                + expired
                + " lot(s) expired, "
                + warnings
                + " expiry warning(s) written");
  }

  /** R-PAY-2: payments that timed out are settled by asking the gateway. */
  @Schedule(
      hour = "*",
      minute = "*",
      second = "15",
      persistent = false,
      info = "settle pending payments")
  public void settlePendingPayments() {
    try {
      fundings.resolvePending(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      // a failed callback would hold this timer for Liberty's 300 s retry interval
      LOG.log(Level.WARNING, "Settlement run failed; the next minute's run tries again", e);
    }
  }
}
