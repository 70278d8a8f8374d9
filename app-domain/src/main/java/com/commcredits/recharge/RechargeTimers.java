package com.commcredits.recharge;

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
 * pending payment) and starts recharges for wallets still below their trigger (a missed trigger, a
 * retry after the back-off). Never the first line: the trigger starts recharges at once.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RechargeTimers {
  private static final Logger LOG = Logger.getLogger(RechargeTimers.class.getName());

  @Inject RechargeRepository recharges;
  @Inject RechargeProcessor processor;
  @Inject RechargeSteps steps;
  @Inject Clock clock;

  @Schedule(
      hour = "*",
      minute = "*",
      second = "40",
      persistent = false,
      info = "auto-recharge sweep")
  public void sweep() {
    for (Long attempt : recharges.stalledAttempts(clock.instant().minus(Duration.ofSeconds(30)))) {
      processor.process(attempt);
    }
    for (Long wallet : recharges.walletsBelowTrigger()) {
      try {
        steps.startIfNeeded(wallet);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Auto-recharge sweep skipped wallet " + wallet, e);
      }
    }
  }
}
