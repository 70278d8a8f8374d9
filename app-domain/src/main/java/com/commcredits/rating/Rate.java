package com.commcredits.rating;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One line of a rate card (R-RATE-1): for a call kind and a number prefix, the price per minute, a
 * connection fee, the billing increment and minimum, and the dates it is in force.
 */
@Entity
@Table(name = "rate")
public class Rate {
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  @Id private Long id;

  @Column(name = "rate_card_id", nullable = false)
  private long rateCardId;

  @Enumerated(EnumType.STRING)
  @Column(name = "call_kind", nullable = false)
  private CallKind kind;

  @Column(nullable = false)
  private String prefix;

  @Column(nullable = false)
  private String description;

  @Column(name = "per_minute", nullable = false)
  private BigDecimal perMinute;

  @Column(name = "connection_fee", nullable = false)
  private BigDecimal connectionFee;

  @Column(name = "increment_seconds", nullable = false)
  private int incrementSeconds;

  @Column(name = "minimum_seconds", nullable = false)
  private int minimumSeconds;

  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;

  @Column(name = "effective_to")
  private LocalDate effectiveTo;

  protected Rate() {
    // for JPA
  }

  public Rate(
      CallKind kind,
      String prefix,
      String description,
      BigDecimal perMinute,
      BigDecimal connectionFee,
      int incrementSeconds,
      int minimumSeconds,
      LocalDate effectiveFrom,
      LocalDate effectiveTo) {
    this.kind = kind;
    this.prefix = prefix;
    this.description = description;
    this.perMinute = perMinute;
    this.connectionFee = connectionFee;
    this.incrementSeconds = incrementSeconds;
    this.minimumSeconds = minimumSeconds;
    this.effectiveFrom = effectiveFrom;
    this.effectiveTo = effectiveTo;
  }

  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
  }

  /** Seconds billed for a call: at least the minimum, then rounded up to the increment. */
  public long billableSeconds(long seconds) {
    if (seconds <= 0) {
      return 0;
    }
    long rounded = (seconds + incrementSeconds - 1) / incrementSeconds * incrementSeconds;
    return Math.max(minimumSeconds, rounded);
  }

  /**
   * The charge for a call of these seconds: connection fee plus the per-minute rate times the
   * billed seconds over 60, rounded once, by {@link Money#of} (R-FUND-1, R-RATE-6).
   */
  public Money price(long seconds, SupportedCurrency currency) {
    if (seconds <= 0) {
      return Money.zero(currency);
    }
    BigDecimal sixtieths =
        connectionFee
            .multiply(SIXTY)
            .add(perMinute.multiply(BigDecimal.valueOf(billableSeconds(seconds))));
    // sixtieths / 60 is exact up to a repeating third of its last digit (60 = 3 x 20); four digits
    // more than the amount or the currency has cannot land on a rounding boundary, so Money.of's
    // HALF_UP gives the same cents as rounding the exact fraction
    int scale = Math.max(Math.max(sixtieths.scale(), currency.minorUnits()), 0) + 4;
    return Money.of(sixtieths.divide(SIXTY, scale, RoundingMode.HALF_UP), currency);
  }

  /**
   * The longest call a balance pays for, in whole increments (0 when it does not cover the
   * minimum).
   */
  public long secondsCoveredBy(BigDecimal balance) {
    BigDecimal afterFee = balance.subtract(connectionFee);
    if (afterFee.signum() <= 0) {
      return 0;
    }
    if (perMinute.signum() == 0) {
      return Long.MAX_VALUE;
    }
    long seconds =
        afterFee
            .multiply(BigDecimal.valueOf(60))
            .divide(perMinute, 0, RoundingMode.FLOOR)
            .longValue();
    long whole = seconds / incrementSeconds * incrementSeconds;
    return whole < minimumSeconds ? 0 : whole;
  }

  public CallKind kind() {
    return kind;
  }

  public String prefix() {
    return prefix;
  }

  public String description() {
    return description;
  }

  public BigDecimal perMinute() {
    return perMinute;
  }

  public BigDecimal connectionFee() {
    return connectionFee;
  }

  public int incrementSeconds() {
    return incrementSeconds;
  }

  public int minimumSeconds() {
    return minimumSeconds;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public LocalDate effectiveTo() {
    return effectiveTo;
  }

  public long rateCardId() {
    return rateCardId;
  }
}
