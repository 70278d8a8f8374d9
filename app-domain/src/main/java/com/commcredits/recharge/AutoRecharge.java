package com.commcredits.recharge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wallet's auto-recharge settings (R-RECH-1) and its failure count behind the suspension
 * (R-RECH-3).
 */
@Entity
@Table(name = "auto_recharge")
public class AutoRecharge {
  public static final int FAILURES_BEFORE_SUSPENSION = 3;

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

  public String describe() {
    return "enabled="
        + enabled
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
