package com.commcredits.payment;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
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
 * An Enterprise Agreement the operator registered for an organisation (R-PAY-1): its EA number, the
 * customer it is with, and how much may be funded on it per calendar month.
 */
@Entity
@Table(name = "ea_agreement")
public class EaAgreement {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "ea_number", nullable = false, updatable = false)
  private String eaNumber;

  @Column(nullable = false, updatable = false)
  private String customer;

  @Column(name = "monthly_limit", nullable = false, updatable = false)
  private BigDecimal monthlyLimit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SupportedCurrency currency;

  @Column(name = "registered_at", nullable = false, updatable = false)
  private Instant registeredAt;

  @Column(name = "registered_by", nullable = false, updatable = false)
  private String registeredBy;

  protected EaAgreement() {
    // for JPA
  }

  public EaAgreement(
      long organisationId,
      String eaNumber,
      String customer,
      Money monthlyLimit,
      Instant registeredAt,
      String registeredBy) {
    if (!PaymentMethod.EA_NUMBER.matcher(eaNumber).matches()) {
      throw new IllegalArgumentException("An EA number is 8 digits");
    }
    if (!monthlyLimit.isPositive()) {
      throw new IllegalArgumentException("The monthly limit must be more than zero");
    }
    this.organisationId = organisationId;
    this.eaNumber = eaNumber;
    this.customer = Objects.requireNonNull(customer, "customer").strip();
    this.monthlyLimit = monthlyLimit.amount();
    this.currency = monthlyLimit.currency();
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    this.registeredBy = Objects.requireNonNull(registeredBy, "registeredBy");
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public String eaNumber() {
    return eaNumber;
  }

  public String customer() {
    return customer;
  }

  public Money monthlyLimit() {
    return Money.of(monthlyLimit, currency);
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public String registeredBy() {
    return registeredBy;
  }
}
