package com.commcredits.recharge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One recharge: recorded in the transaction of the charge that crossed the trigger, paid through a
 * funding whose idempotency key is this attempt's id, so a retry after a crash never pays twice.
 */
@Entity
@Table(name = "recharge_attempt")
public class RechargeAttempt {
  /** Where an attempt stands. */
  public enum Status {
    PENDING,
    PROCESSING,
    SUCCEEDED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "wallet_id", nullable = false, updatable = false)
  private long walletId;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(name = "payment_method_id", nullable = false, updatable = false)
  private long paymentMethodId;

  @Column(name = "purchase_order", updatable = false)
  private String purchaseOrder;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "funding_id")
  private Long fundingId;

  @Column(name = "in_flight")
  private Integer inFlight;

  protected RechargeAttempt() {
    // for JPA
  }

  public RechargeAttempt(AutoRecharge settings, Instant createdAt) {
    this(settings, settings.rechargeAmount(), createdAt);
  }

  /** An attempt for an amount decided at its start (a top-up to a target, a month's cap). */
  public RechargeAttempt(AutoRecharge settings, java.math.BigDecimal amount, Instant createdAt) {
    this.walletId = settings.walletId();
    this.status = Status.PENDING.name();
    this.amount = amount;
    this.paymentMethodId = settings.paymentMethodId();
    this.purchaseOrder = settings.purchaseOrder();
    this.createdAt = createdAt;
    this.inFlight = 1;
  }

  /** The idempotency key of this attempt's funding: the same attempt never pays twice. */
  public String fundingKey() {
    return "recharge-" + id;
  }

  public void processing() {
    this.status = Status.PROCESSING.name();
  }

  public void succeeded(long funding, Instant at) {
    this.status = Status.SUCCEEDED.name();
    this.fundingId = funding;
    this.finishedAt = at;
    this.inFlight = null;
  }

  public void failed(Long funding, String reason, Instant at) {
    this.status = Status.FAILED.name();
    this.fundingId = funding;
    this.failureReason = reason;
    this.finishedAt = at;
    this.inFlight = null;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public Long id() {
    return id;
  }

  public long walletId() {
    return walletId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public long paymentMethodId() {
    return paymentMethodId;
  }

  public String purchaseOrder() {
    return purchaseOrder;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String failureReason() {
    return failureReason;
  }
}
