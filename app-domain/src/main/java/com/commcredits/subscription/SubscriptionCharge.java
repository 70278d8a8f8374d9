package com.commcredits.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a purchase or an increase of licences was billed (R-SUB-1): the licences added, the amount,
 * the payment method and the card payment's gateway reference (an EA purchase has an EA billing
 * line instead). Written once, under the request key that makes the request idempotent.
 */
@Entity
@Table(name = "subscription_charge")
public class SubscriptionCharge {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "subscription_id", nullable = false, updatable = false)
  private long subscriptionId;

  @Column(name = "request_key", nullable = false, updatable = false)
  private String requestKey;

  /** The request as first made ("buy BUSINESS_VOICE x3 with 12"): a replay must match it. */
  @Column(nullable = false, updatable = false)
  private String request;

  @Column(nullable = false, updatable = false)
  private int licences;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Column(name = "payment_method_id", updatable = false)
  private Long paymentMethodId;

  @Column(name = "gateway_reference", updatable = false)
  private String gatewayReference;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected SubscriptionCharge() {
    // for JPA
  }

  public SubscriptionCharge(
      Subscription subscription,
      String requestKey,
      String request,
      int licences,
      BigDecimal amount,
      String currency,
      Long paymentMethodId,
      String gatewayReference,
      Instant occurredAt) {
    if (licences < 1 || amount.signum() < 0) {
      throw new IllegalArgumentException("a charge adds licences for a non-negative amount");
    }
    this.organisationId = subscription.organisationId();
    this.subscriptionId = Objects.requireNonNull(subscription.id(), "subscription id");
    this.requestKey = Objects.requireNonNull(requestKey, "requestKey");
    this.request = Objects.requireNonNull(request, "request");
    this.licences = licences;
    this.amount = amount;
    this.currency = Objects.requireNonNull(currency, "currency");
    this.paymentMethodId = paymentMethodId;
    this.gatewayReference = gatewayReference;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public Long id() {
    return id;
  }

  public long subscriptionId() {
    return subscriptionId;
  }

  public String request() {
    return request;
  }

  public int licences() {
    return licences;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Long paymentMethodId() {
    return paymentMethodId;
  }

  public String gatewayReference() {
    return gatewayReference;
  }
}
