package com.commcredits.wallet;

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
import java.time.ZoneId;
import java.util.Objects;

/**
 * One addition of funds (R-FUND-2): its amount, what remains of it, when it was bought and when it
 * expires (12 months later). Charges draw on lots soonest-expiring first (R-FUND-3); what is left
 * at expiry leaves through an expiry entry (R-FUND-4). Changed only by the {@link Wallet} that owns
 * it.
 */
@Entity
@Table(name = "funding_lot")
public class FundingLot {
  public static final int LIFETIME_MONTHS = 12;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "wallet_id", nullable = false, updatable = false)
  private long walletId;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private BigDecimal remaining;

  @Column(name = "purchased_at", nullable = false, updatable = false)
  private Instant purchasedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private LotSource source;

  @Column(name = "funding_id", updatable = false)
  private Long fundingId;

  @Column(name = "payment_reference", updatable = false)
  private String paymentReference;

  @Column(name = "expired_at")
  private Instant expiredAt;

  protected FundingLot() {
    // for JPA
  }

  FundingLot(
      long walletId,
      BigDecimal amount,
      Instant purchasedAt,
      ZoneId zone,
      LotSource source,
      Long fundingId,
      String paymentReference) {
    this.walletId = walletId;
    this.amount = Objects.requireNonNull(amount, "amount");
    this.remaining = amount;
    this.purchasedAt = Objects.requireNonNull(purchasedAt, "purchasedAt");
    this.expiresAt = expiryOf(purchasedAt, zone);
    this.source = Objects.requireNonNull(source, "source");
    this.fundingId = fundingId;
    this.paymentReference = paymentReference;
  }

  /** Twelve calendar months after purchase, in the organisation's zone (R-FUND-2). */
  public static Instant expiryOf(Instant purchasedAt, ZoneId zone) {
    return purchasedAt.atZone(zone).plusMonths(LIFETIME_MONTHS).toInstant();
  }

  public boolean isUsableAt(Instant at) {
    return remaining.signum() > 0 && at.isBefore(expiresAt);
  }

  public boolean isDueForExpiry(Instant at) {
    return remaining.signum() > 0 && !at.isBefore(expiresAt);
  }

  BigDecimal take(BigDecimal wanted) {
    BigDecimal taken = wanted.min(remaining);
    remaining = remaining.subtract(taken);
    return taken;
  }

  void giveBack(BigDecimal value) {
    remaining = remaining.add(value);
  }

  BigDecimal expire(Instant at) {
    BigDecimal gone = remaining;
    remaining = remaining.subtract(gone); // zero, in the column's scale
    expiredAt = at;
    return gone;
  }

  void assignId(long id) {
    this.id = id;
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

  public BigDecimal remaining() {
    return remaining;
  }

  public Instant purchasedAt() {
    return purchasedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public LotSource source() {
    return source;
  }

  public Long fundingId() {
    return fundingId;
  }

  public String paymentReference() {
    return paymentReference;
  }

  public Instant expiredAt() {
    return expiredAt;
  }

  /** True when the lot still holds money and expires within the given days (the page's badge). */
  public boolean expiresWithinDays(Instant now, int days) {
    return remaining.signum() > 0
        && expiresAt.isAfter(now)
        && expiresAt.isBefore(now.plusSeconds(days * 86_400L));
  }
}
