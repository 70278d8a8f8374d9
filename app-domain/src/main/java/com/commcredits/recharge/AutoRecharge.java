package com.commcredits.recharge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A wallet's auto-recharge settings (R-RECH-1), its failure count behind the suspension and the
 * safety rails that decide whether a recharge may start now (R-RECH-3).
 */
@Entity
@Table(name = "auto_recharge")
public class AutoRecharge {
  public static final int FAILURES_BEFORE_SUSPENSION = 3;

  /** At most this many recharges start per wallet in any 24 hours (R-RECH-3). */
  public static final int MAX_PER_DAY = 5;

  /** FIXED adds the recharge amount; TARGET adds what brings the balance to the target. */
  public enum Mode {
    FIXED,
    TARGET
  }

  /** Why no recharge starts now (R-RECH-2, R-RECH-3). */
  public enum Hold {
    /** Auto-recharge is turned off. */
    OFF,
    /** Suspended after failures in a row, until the settings are saved again. */
    SUSPENDED,
    /** The balance is not below the trigger. */
    ABOVE_TRIGGER,
    /** An attempt is still running: one at a time. */
    IN_FLIGHT,
    /** Five started in the last 24 hours. */
    DAILY_LIMIT,
    /** The last attempt failed and its back-off has not passed. */
    BACKING_OFF,
    /** The month's cap on recharged money leaves less than the smallest funding. */
    MONTHLY_CAP
  }

  /**
   * What the rails need of the wallet's attempts; each is asked only when the rails before it
   * passed, so a charge above the trigger costs no query.
   */
  public interface History {
    boolean attemptInFlight();

    /** Attempts started after {@code since}. */
    long startedSince(Instant since);

    /** When the last finished attempt failed, or empty if it succeeded or there is none. */
    Optional<Instant> lastFailedAt();
  }

  @Id
  @Column(name = "wallet_id")
  private long walletId;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "recharge_amount", nullable = false)
  private BigDecimal rechargeAmount;

  @Column(name = "trigger_below", nullable = false)
  private BigDecimal triggerBelow;

  @Column(name = "payment_method_id", nullable = false)
  private long paymentMethodId;

  @Column(name = "purchase_order")
  private String purchaseOrder;

  @Enumerated(EnumType.STRING)
  @Column(name = "mode", nullable = false)
  private Mode mode = Mode.FIXED;

  @Column(name = "target_balance")
  private BigDecimal targetBalance;

  @Column(name = "monthly_cap")
  private BigDecimal monthlyCap;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AutoRecharge() {
    // for JPA
  }

  public AutoRecharge(long walletId) {
    this.walletId = walletId;
  }

  /** Saving the settings also lifts a suspension: the admin has looked at the payment method. */
  public void change(
      boolean enabled,
      BigDecimal amount,
      BigDecimal trigger,
      long methodId,
      String po,
      Instant at) {
    this.enabled = enabled;
    this.rechargeAmount = amount;
    this.triggerBelow = trigger;
    this.paymentMethodId = methodId;
    this.purchaseOrder = po;
    this.updatedAt = at;
    if (enabled) {
      this.suspendedAt = null;
      this.consecutiveFailures = 0;
    }
  }

  /** Top up to a target, and a cap on what a month recharges (null: none). */
  public void changeTarget(Mode newMode, BigDecimal target, BigDecimal cap) {
    this.mode = newMode;
    this.targetBalance = newMode == Mode.TARGET ? target : null;
    this.monthlyCap = cap;
  }

  /**
   * What one recharge adds to a wallet holding {@code balance} (R-GUARD-4): the fixed amount, or
   * what brings the balance to the target, kept within the funding limits, and then within what the
   * month's cap leaves; empty when the cap leaves less than the smallest funding.
   */
  public Optional<BigDecimal> amountFor(
      BigDecimal balance, BigDecimal minimum, BigDecimal maximum, BigDecimal rechargedThisMonth) {
    BigDecimal amount = mode == Mode.TARGET ? targetBalance.subtract(balance) : rechargeAmount;
    amount = amount.max(minimum).min(maximum);
    if (monthlyCap != null) {
      BigDecimal left = monthlyCap.subtract(rechargedThisMonth);
      if (left.compareTo(minimum) < 0) {
        return Optional.empty();
      }
      amount = amount.min(left);
    }
    return Optional.of(amount);
  }

  /** Counts a failed recharge; true when this failure suspended auto-recharge. */
  public boolean failed(Instant at) {
    consecutiveFailures++;
    if (consecutiveFailures >= FAILURES_BEFORE_SUSPENSION && suspendedAt == null) {
      suspendedAt = at;
      return true;
    }
    return false;
  }

  public void succeeded() {
    consecutiveFailures = 0;
  }

  /**
   * Whether a recharge may start now for a wallet holding {@code balance}: empty when it may, else
   * the first rail that holds it back.
   */
  public Optional<Hold> hold(BigDecimal balance, Instant now, History history) {
    if (!enabled) {
      return Optional.of(Hold.OFF);
    }
    if (isSuspended()) {
      return Optional.of(Hold.SUSPENDED);
    }
    if (balance.compareTo(triggerBelow) >= 0) {
      return Optional.of(Hold.ABOVE_TRIGGER);
    }
    if (history.attemptInFlight()) {
      return Optional.of(Hold.IN_FLIGHT);
    }
    if (history.startedSince(now.minus(Duration.ofHours(24))) >= MAX_PER_DAY) {
      return Optional.of(Hold.DAILY_LIMIT);
    }
    Optional<Instant> failedAt = history.lastFailedAt();
    if (failedAt.isPresent() && now.isBefore(failedAt.get().plus(backoff(consecutiveFailures)))) {
      return Optional.of(Hold.BACKING_OFF);
    }
    return Optional.empty();
  }

  /** Retries after a failure wait 1, 2, 4 … minutes (NOTIFY-style back-off, capped at an hour). */
  public static Duration backoff(int failures) {
    return Duration.ofMinutes(Math.min(60, 1L << Math.max(0, Math.min(failures - 1, 6))));
  }

  public boolean isActive() {
    return enabled && suspendedAt == null;
  }

  public boolean isSuspended() {
    return suspendedAt != null;
  }

  public long walletId() {
    return walletId;
  }

  public boolean enabled() {
    return enabled;
  }

  public BigDecimal rechargeAmount() {
    return rechargeAmount;
  }

  public BigDecimal triggerBelow() {
    return triggerBelow;
  }

  public long paymentMethodId() {
    return paymentMethodId;
  }

  public String purchaseOrder() {
    return purchaseOrder;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  public Instant suspendedAt() {
    return suspendedAt;
  }

  public Mode mode() {
    return mode;
  }

  public BigDecimal targetBalance() {
    return targetBalance;
  }

  public BigDecimal monthlyCap() {
    return monthlyCap;
  }

  public String describe() {
    return "enabled="
        + enabled
        + (mode == Mode.TARGET ? ", mode=TARGET, target=" + targetBalance : "")
        + (monthlyCap == null ? "" : ", monthlyCap=" + monthlyCap)
        + ", amount="
        + rechargeAmount
        + ", below="
        + triggerBelow
        + ", method="
        + paymentMethodId
        + (purchaseOrder == null ? "" : ", po=" + purchaseOrder)
        + (suspendedAt == null ? "" : ", suspended=" + suspendedAt);
  }
}
