package com.commcredits.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of one currency. Every amount is rounded once, HALF_UP, to the currency's minor unit,
 * here in {@link #of(BigDecimal, SupportedCurrency)}; operations refuse to mix currencies.
 */
public final class Money implements Comparable<Money> {
  private final BigDecimal amount;
  private final SupportedCurrency currency;

  private Money(BigDecimal amount, SupportedCurrency currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /** The one rounding point of the product (R-FUND-1). */
  public static Money of(BigDecimal amount, SupportedCurrency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    return new Money(amount.setScale(currency.minorUnits(), RoundingMode.HALF_UP), currency);
  }

  public static Money of(String amount, SupportedCurrency currency) {
    return of(new BigDecimal(amount), currency);
  }

  public static Money zero(SupportedCurrency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Reads an amount a person typed, refusing rather than rounding: more decimals than the currency
   * has is an input error, not a rounding case.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static Money parseExact(String text, SupportedCurrency currency) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Enter an amount.");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Enter the amount as a number, like 25.00.");
    }
    if (value.stripTrailingZeros().scale() > currency.minorUnits()) {
      throw new IllegalArgumentException(
          "Use at most " + currency.minorUnits() + " decimals for " + currency + ".");
    }
    return of(value, currency);
  }

  public BigDecimal amount() {
    return amount;
  }

  public SupportedCurrency currency() {
    return currency;
  }

  public Money plus(Money other) {
    return of(amount.add(same(other).amount), currency);
  }

  public Money minus(Money other) {
    return of(amount.subtract(same(other).amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isZeroOrLess() {
    return amount.signum() <= 0;
  }

  private Money same(Money other) {
    if (other.currency != currency) {
      throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
    }
    return other;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(same(other).amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.currency == currency && m.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }

  /**
   * The amount as the API writes it: a plain decimal string with the currency's digits, e.g.
   * "12.50".
   */
  public String toPlainString() {
    return amount.toPlainString();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
