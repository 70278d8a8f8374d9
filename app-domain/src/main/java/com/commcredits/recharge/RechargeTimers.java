package com.commcredits.recharge;

import com.commcredits.shared.Retries;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sweep (R-RECH-2): every minute it runs attempts left pending or processing (a crash, a
 * pending payment, a busy database) and retries failed recharges of wallets still below their
 * trigger once the back-off has passed. Never the first line: the trigger starts recharges at once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RechargeTimers {
  private static final Logger LOG = Logger.getLogger(RechargeTimers.class.getName());

  @Inject RechargeRepository recharges;
  @Inject RechargeProcessor processor;
  @Inject RechargeSteps steps;
  @Inject Clock clock;
  @Inject RunwayAlerts runway;
  @Inject WalletRepository wallets;

  @Schedule(
      hour = "*",
      minute = "*",
      second = "40",
      persistent = false,
      info = "auto-recharge sweep")
  public void sweep() {
    try {
      sweepOnce();
    } catch (RuntimeException e) {
      // a failed callback would hold this timer for Liberty's 300 s retry interval
      LOG.log(Level.WARNING, "Auto-recharge sweep failed; the next minute's sweep tries again", e);
    }
  }

  private void sweepOnce() {
    for (Long attempt : recharges.stalledAttempts(clock.instant().minus(Duration.ofSeconds(30)))) {
      try {
        processor.process(attempt);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Auto-recharge sweep could not run attempt " + attempt, e);
      }
    }
    for (Long wallet : recharges.walletsBelowTrigger()) {
      try {
        Retries.run(() -> steps.startIfNeeded(wallet));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Auto-recharge sweep skipped wallet " + wallet, e);
      }
    }
  }

  /**
   * R-SEE-1: every hour, a persistent timer (once in the cluster, caught up after downtime) checks
   * each wallet's runway against its admin's number of days; one short transaction per wallet.
   */
  @Schedule(hour = "*", minute = "7", persistent = true, info = "runway emails")
  public void checkRunways() {
    int written = 0;
    for (Long wallet : wallets.allWalletIds()) {
      try {
        if (Retries.call(() -> runway.check(wallet))) {
          written++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Runway check skipped wallet " + wallet, e);
      }
    }
    int emails = written;
    LOG.fine(() -> "Runway check: " + emails + " email(s) written");
  }
}
