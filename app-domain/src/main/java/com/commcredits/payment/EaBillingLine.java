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
 * A funding bought on an Enterprise Agreement, billed against its EA number and PO (R-PAY-3).
 * Written once.
 */
@Entity
@Table(name = "ea_billing_line")
public class EaBillingLine {
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

  @Column(name = "funding_id", nullable = false, updatable = false)
  private long fundingId;

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
    this.fundingId = fundingId;
    this.amount = amount;
    this.currency = currency;
    this.occurredAt = occurredAt;
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

  public long fundingId() {
    return fundingId;
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
