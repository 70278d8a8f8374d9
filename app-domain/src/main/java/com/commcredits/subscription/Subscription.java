package com.commcredits.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A purchase of a product by an organisation: a quantity of licences with a status and start date.
 */
@Entity
@Table(name = "subscription")
public class Subscription {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private int quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SubscriptionStatus status;

  @Column(name = "start_date", nullable = false)
  private LocalDate startDate;

  @Column(name = "payment_method_id")
  private Long paymentMethodId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Subscription() {
    // for JPA
  }

  public Subscription(
      long organisationId, String sku, int quantity, LocalDate startDate, Instant createdAt) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1");
    }
    this.organisationId = organisationId;
    this.sku = Objects.requireNonNull(sku, "sku");
    this.quantity = quantity;
    this.status = SubscriptionStatus.ACTIVE;
    this.startDate = Objects.requireNonNull(startDate, "startDate");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public void changeQuantity(int newQuantity) {
    if (newQuantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1");
    }
    this.quantity = newQuantity;
  }

  /** The payment method later increases are billed to (R-SUB-1). */
  public void payWith(Long paymentMethodId) {
    this.paymentMethodId = paymentMethodId;
  }

  public void cancel() {
    this.status = SubscriptionStatus.DISABLED;
  }

  public boolean isActive() {
    return status == SubscriptionStatus.ACTIVE;
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public String sku() {
    return sku;
  }

  public int quantity() {
    return quantity;
  }

  public SubscriptionStatus status() {
    return status;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public Long paymentMethodId() {
    return paymentMethodId;
  }

  public String describe() {
    return "sku="
        + sku
        + ", quantity="
        + quantity
        + ", status="
        + status
        + ", start="
        + startDate
        + (paymentMethodId == null ? "" : ", paymentMethod=" + paymentMethodId);
  }
}
