package com.commcredits.wallet;

import com.commcredits.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to add funds, saved under its idempotency key before any payment is attempted
 * (R-FUND-7): a repeat of the key finds it and returns its outcome. Its id is the payment gateway's
 * idempotency key, so a retry after a crash never pays twice (R-PAY-2). It resolves exactly once:
 * succeeded (with its lot), failed (with the reason) or cancelled.
 */
@Entity
@Table(name = "funding")
public class Funding {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "wallet_id", nullable = false, updatable = false)
  private long walletId;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "idempotency_key", nullable = false, updatable = false)
  private String idempotencyKey;

  @Column(name = "request_fingerprint", nullable = false, updatable = false)
  private String requestFingerprint;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private LotSource source;

  @Column(name = "payment_method_id", nullable = false, updatable = false)
  private long paymentMethodId;

  @Column(name = "purchase_order", updatable = false)
  private String purchaseOrder;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FundingStatus status;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "gateway_reference")
  private String gatewayReference;

  @Column(name = "lot_id")
  private Long lotId;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  protected Funding() {
    // for JPA
  }

  public Funding(
      Wallet wallet,
      String idempotencyKey,
      String requestFingerprint,
      Money amount,
      LotSource source,
      long paymentMethodId,
      String purchaseOrder,
      Instant requestedAt,
      String actor) {
    this.walletId = wallet.id();
    this.organisationId = wallet.organisationId();
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    this.requestFingerprint = Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    this.amount = amount.amount();
    this.currency = amount.currency().name();
    this.source = Objects.requireNonNull(source, "source");
    this.paymentMethodId = paymentMethodId;
    this.purchaseOrder = purchaseOrder;
    this.status = FundingStatus.PENDING;
    this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  /** The key the gateway sees for this funding's one payment. */
  public String paymentKey() {
    return "funding-" + id;
  }

  public void succeeded(long lotId, String reference, Instant at) {
    requirePending();
    this.status = FundingStatus.SUCCEEDED;
    this.lotId = lotId;
    this.gatewayReference = reference;
    this.resolvedAt = at;
  }

  public void failed(String reason, String reference, Instant at) {
    requirePending();
    this.status = FundingStatus.FAILED;
    this.failureReason = reason;
    this.gatewayReference = reference;
    this.resolvedAt = at;
  }

  public void cancelled(String reason, Instant at) {
    requirePending();
    this.status = FundingStatus.CANCELLED;
    this.failureReason = reason;
    this.resolvedAt = at;
  }

  private void requirePending() {
    if (status != FundingStatus.PENDING) {
      throw new IllegalStateException("Funding " + id + " is already " + status);
    }
  }

  public boolean isPending() {
    return status == FundingStatus.PENDING;
  }

  public Long id() {
    return id;
  }

  public long walletId() {
    return walletId;
  }

  public long organisationId() {
    return organisationId;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String requestFingerprint() {
    return requestFingerprint;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public LotSource source() {
    return source;
  }

  public long paymentMethodId() {
    return paymentMethodId;
  }

  public String purchaseOrder() {
    return purchaseOrder;
  }

  public FundingStatus status() {
    return status;
  }

  public String failureReason() {
    return failureReason;
  }

  public String gatewayReference() {
    return gatewayReference;
  }

  public Long lotId() {
    return lotId;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public String actor() {
    return actor;
  }
}
