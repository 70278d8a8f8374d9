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
 * A receipt for a funding or a credit note for a refund (R-SEE-3): numbered per organisation and
 * kind without gaps, and append-only (the database refuses UPDATE and DELETE), so what it says is
 * fixed when it is issued.
 */
@Entity
@Table(name = "billing_document")
public class BillingDocument {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private DocumentKind kind;

  @Column(nullable = false, updatable = false)
  private long number;

  @Column(name = "funding_id", updatable = false)
  private Long fundingId;

  @Column(name = "ledger_entry_id", updatable = false)
  private Long ledgerEntryId;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Column(name = "payment_method", nullable = false, updatable = false)
  private String paymentMethod;

  @Column(nullable = false, updatable = false)
  private String description;

  @Column(name = "tax_rate", nullable = false, updatable = false)
  private BigDecimal taxRate;

  @Column(name = "buyer_name", nullable = false, updatable = false)
  private String buyerName;

  @Column(name = "buyer_country", nullable = false, updatable = false)
  private String buyerCountry;

  @Column(name = "funds_expire_at", updatable = false)
  private Instant fundsExpireAt;

  protected BillingDocument() {
    // for JPA
  }

  /** What a document says, fixed at issue; the number comes from the organisation's counter. */
  public record Content(
      long organisationId,
      Long fundingId,
      Long ledgerEntryId,
      Instant issuedAt,
      Money amount,
      String paymentMethod,
      String description,
      BigDecimal taxRate,
      String buyerName,
      String buyerCountry,
      Instant fundsExpireAt) {}

  BillingDocument(DocumentKind kind, long number, Content c) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.number = number;
    this.organisationId = c.organisationId();
    this.fundingId = c.fundingId();
    this.ledgerEntryId = c.ledgerEntryId();
    this.issuedAt = Objects.requireNonNull(c.issuedAt(), "issuedAt");
    this.amount = c.amount().amount();
    this.currency = c.amount().currency().name();
    this.paymentMethod = Objects.requireNonNull(c.paymentMethod(), "paymentMethod");
    this.description = Objects.requireNonNull(c.description(), "description");
    this.taxRate = Objects.requireNonNull(c.taxRate(), "taxRate");
    this.buyerName = Objects.requireNonNull(c.buyerName(), "buyerName");
    this.buyerCountry = Objects.requireNonNull(c.buyerCountry(), "buyerCountry");
    this.fundsExpireAt = c.fundsExpireAt();
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public DocumentKind kind() {
    return kind;
  }

  public long number() {
    return number;
  }

  /** The number as printed, e.g. R-000042. */
  public String displayNumber() {
    return kind.format(number);
  }

  public Long fundingId() {
    return fundingId;
  }

  public Long ledgerEntryId() {
    return ledgerEntryId;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Money amount() {
    return Money.of(amount, currency);
  }

  public String paymentMethod() {
    return paymentMethod;
  }

  public String description() {
    return description;
  }

  /** The tax rate in percent of the net amount (0 for prepaid credit, an advance payment). */
  public BigDecimal taxRate() {
    return taxRate;
  }

  /** The tax included in the amount at {@link #taxRate()}. */
  public Money tax() {
    return amount().includedTax(taxRate);
  }

  public String buyerName() {
    return buyerName;
  }

  public String buyerCountry() {
    return buyerCountry;
  }

  public Instant fundsExpireAt() {
    return fundsExpireAt;
  }
}
