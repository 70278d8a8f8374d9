package com.commcredits.recharge;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.guard.SpendGuard;
import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.shared.Caller;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletLocks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * The transactions of a recharge attempt, each following the lock order of the wallet package:
 * organisation, wallet, settings, then the attempt (found first by a plain read).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RechargeSteps {
  @Inject RechargeRepository recharges;
  @Inject WalletLocks locks;
  @Inject RechargeService service;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
  @Inject SpendGuard guard;
  @Inject Clock clock;

  /** What an attempt pays with. */
  public record Claimed(
      long organisationId,
      BigDecimal amount,
      String currency,
      long paymentMethodId,
      String purchaseOrder,
      String fundingKey) {}

  /**
   * Moves a pending attempt to processing; returns what it pays with, or null when it is already
   * finished.
   */
  public Claimed claim(long attemptId) {
    Long walletId = recharges.walletOfAttempt(attemptId).orElse(null);
    if (walletId == null) {
      return null;
    }
    Wallet wallet = locks.wallet(walletId);
    RechargeAttempt attempt = recharges.lockAttempt(attemptId).orElseThrow();
    if (isFinished(attempt)) {
      return null;
    }
    if (guard.brakeHolds(wallet.organisationId())) {
      // R-GUARD-3: no recharge while the toll-fraud brake holds; the sweep runs it once released
      return null;
    }
    attempt.processing();
    return new Claimed(
        wallet.organisationId(),
        Money.of(attempt.amount(), wallet.currency()).amount(),
        wallet.currency().name(),
        attempt.paymentMethodId(),
        attempt.purchaseOrder(),
        attempt.fundingKey());
  }

  /**
   * Settles an attempt with its funding's outcome, once; a pending payment leaves it for the sweep.
   */
  public void finish(long attemptId, Long fundingId, FundingStatus status, String reason) {
    if (status == FundingStatus.PENDING) {
      return;
    }
    Wallet wallet = locks.wallet(recharges.walletOfAttempt(attemptId).orElseThrow());
    AutoRecharge settings = recharges.lockSettings(wallet.id()).orElseThrow();
    RechargeAttempt attempt = recharges.lockAttempt(attemptId).orElseThrow();
    if (isFinished(attempt)) {
      return;
    }
    Money amount = Money.of(attempt.amount(), wallet.currency());
    if (status == FundingStatus.SUCCEEDED) {
      attempt.succeeded(fundingId, clock.instant());
      settings.succeeded();
      Money trigger = Money.of(settings.triggerBelow(), wallet.currency());
      boolean stillLow = wallet.balance().amount().compareTo(settings.triggerBelow()) < 0;
      notifier.notify(
          wallet.organisationId(),
          NotificationEvent.RECHARGE_SUCCEEDED,
          "attempt:" + attemptId,
          stillLow
              ? "Auto-recharge added " + amount + "; your balance is still below " + trigger
              : "Auto-recharge added " + amount + " to your Communications Credits",
          "Your balance fell below "
              + trigger
              + ", so auto-recharge added "
              + amount
              + ".\nBalance now: "
              + wallet.balance()
              + "."
              + (stillLow
                  ? "\nThe balance is still below "
                      + trigger
                      + ". Auto-recharge does not start another recharge for it: the next one"
                      + " starts when a charge takes the balance from "
                      + trigger
                      + " or more to below it. Add funds to bring it back up."
                  : "")
              + "\nThe receipt is attached.",
          // R-RECEIPT-3: the receipt issued when the funding was settled goes with the email
          "receipt:" + fundingId);
      return;
    }
    String why = reason == null || reason.isBlank() ? "The payment was refused." : reason;
    attempt.failed(fundingId, why, clock.instant());
    boolean suspended = settings.failed(clock.instant());
    notifier.notify(
        wallet.organisationId(),
        NotificationEvent.RECHARGE_FAILED,
        "attempt:" + attemptId,
        "Auto-recharge of " + amount + " failed",
        "Auto-recharge could not add "
            + amount
            + ": "
            + why
            + "\nBalance now: "
            + wallet.balance()
            + ". Check the payment method.");
    if (suspended) {
      notifier.notify(
          wallet.organisationId(),
          NotificationEvent.AUTO_RECHARGE_SUSPENDED,
          "suspended:" + attemptId,
          "Auto-recharge is suspended",
          "Auto-recharge failed "
              + AutoRecharge.FAILURES_BEFORE_SUSPENSION
              + " times in a row (last reason: "
              + why
              + ") and is suspended. Fix the payment method and save the recharge settings to turn it back on.");
      audit.record(
          Caller.system(wallet.organisationId()),
          AuditAction.AUTO_RECHARGE_SUSPENDED,
          "wallet",
          wallet.id(),
          "Auto-recharge suspended after "
              + AutoRecharge.FAILURES_BEFORE_SUSPENSION
              + " failures: "
              + why,
          null,
          settings.describe());
    }
  }

  /**
   * For the sweep: retries a failed recharge of a wallet still below its trigger once the back-off
   * has passed and the rails allow one.
   */
  public void startIfNeeded(long walletId) {
    service.retryAfterFailure(locks.wallet(walletId));
  }

  private static boolean isFinished(RechargeAttempt attempt) {
    return attempt.status() == RechargeAttempt.Status.SUCCEEDED
        || attempt.status() == RechargeAttempt.Status.FAILED;
  }
}
