package com.commcredits.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is billed on an Enterprise Agreement against its EA number and PO (R-PAY-3): a funding of
 * the wallet, or licences bought or added to a subscription (R-SUB-1). Written once.
 */
@Entity
@Table(name = "ea_billing_line")
public class EaBillingLine {
  public static final String FUNDING = "FUNDING";
  public static final String SUBSCRIPTION = "SUBSCRIPTION";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "payment_method_id", nullable = false, updatable = false)
  private long paymentMethodId;

  @Column(name = "ea_number", nullable = false, updatable = false)
  private String eaNumber;

  @Column(name = "purchase_order", updatable = false)
  private String purchaseOrder;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "funding_id", updatable = false)
  private Long fundingId;

  @Column(name = "subscription_charge_id", updatable = false)
  private Long subscriptionChargeId;

  @Column(updatable = false)
  private String description;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  protected EaBillingLine() {
    // for JPA
  }

  public EaBillingLine(
      PaymentMethod ea,
      String purchaseOrder,
      long fundingId,
      BigDecimal amount,
      String currency,
      Instant occurredAt) {
    this.organisationId = ea.organisationId();
    this.paymentMethodId = ea.id();
    this.eaNumber = ea.eaNumber();
    this.purchaseOrder = purchaseOrder;
    this.kind = FUNDING;
    this.fundingId = fundingId;
    this.amount = amount;
    this.currency = currency;
    this.occurredAt = occurredAt;
  }

  /** Licences bought on the EA: the subscription charge and what it was for. */
  public static EaBillingLine forSubscription(
      PaymentMethod ea,
      long subscriptionChargeId,
      String description,
      BigDecimal amount,
      String currency,
      Instant occurredAt) {
    EaBillingLine line = new EaBillingLine();
    line.organisationId = ea.organisationId();
    line.paymentMethodId = ea.id();
    line.eaNumber = ea.eaNumber();
    line.kind = SUBSCRIPTION;
    line.subscriptionChargeId = subscriptionChargeId;
    line.description = description;
    line.amount = amount;
    line.currency = currency;
    line.occurredAt = occurredAt;
    return line;
  }

  public Long id() {
    return id;
  }

  public String eaNumber() {
    return eaNumber;
  }

  public String purchaseOrder() {
    return purchaseOrder;
  }

  /** {@value #FUNDING} or {@value #SUBSCRIPTION}. */
  public String kind() {
    return kind;
  }

  /** The funding, for a line of kind {@value #FUNDING}; otherwise null. */
  public Long fundingId() {
    return fundingId;
  }

  /** The subscription charge, for a line of kind {@value #SUBSCRIPTION}; otherwise null. */
  public Long subscriptionChargeId() {
    return subscriptionChargeId;
  }

  /** What a line reads as on a statement: "Funding 12" or "3 x BUSINESS_VOICE (subscription 4)". */
  public String describe() {
    return FUNDING.equals(kind) ? "Funding " + fundingId : description;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
