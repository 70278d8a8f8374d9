package com.commcredits.recharge;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.shared.Caller;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;

/** The transactions of a recharge attempt; lock order: wallet, settings, attempt. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RechargeSteps {
  @Inject RechargeRepository recharges;
  @Inject WalletRepository wallets;
  @Inject RechargeService service;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
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
    RechargeAttempt attempt = recharges.lockAttempt(attemptId).orElse(null);
    if (attempt == null
        || attempt.status() == RechargeAttempt.Status.SUCCEEDED
        || attempt.status() == RechargeAttempt.Status.FAILED) {
      return null;
    }
    attempt.processing();
    Wallet wallet = wallets.lock(attempt.walletId()).orElseThrow();
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
    RechargeAttempt peek = recharges.lockAttempt(attemptId).orElseThrow();
    Wallet wallet = wallets.lock(peek.walletId()).orElseThrow();
    AutoRecharge settings = recharges.lockSettings(wallet.id()).orElseThrow();
    RechargeAttempt attempt = recharges.lockAttempt(attemptId).orElseThrow();
    if (attempt.status() == RechargeAttempt.Status.SUCCEEDED
        || attempt.status() == RechargeAttempt.Status.FAILED) {
      return;
    }
    Money amount = Money.of(attempt.amount(), wallet.currency());
    if (status == FundingStatus.SUCCEEDED) {
      attempt.succeeded(fundingId, clock.instant());
      settings.succeeded();
      notifier.notify(
          wallet.organisationId(),
          NotificationEvent.RECHARGE_SUCCEEDED,
          "attempt:" + attemptId,
          "Auto-recharge added " + amount + " to your Communications Credits",
          "Your balance fell below "
              + Money.of(settings.triggerBelow(), wallet.currency())
              + ", so auto-recharge added "
              + amount
              + ".\nBalance now: "
              + wallet.balance()
              + ".");
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

  /** For the sweep: records an attempt for a wallet below its trigger when the rails allow one. */
  public void startIfNeeded(long walletId) {
    wallets.lock(walletId).ifPresent(service::afterDebit);
  }
}
