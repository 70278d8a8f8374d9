package com.commcredits.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of one currency. Every amount is rounded once, HALF_UP, to the currency's minor unit,
 * here in {@link #of(BigDecimal, SupportedCurrency)}; operations refuse to mix currencies.
 */
public final class Money implements Comparable<Money> {
  /** Digits before the decimal point an amount may have (R-FUND-11). */
  public static final int MAX_INTEGER_DIGITS = 13;

  /** Whether an amount read from text may carry a sign. */
  public enum Sign {
    /** Only digits: "-5" and "+5" are refused. */
    UNSIGNED,
    /** An optional leading "+" or "-". */
    SIGNED
  }

  private static final int MAX_MINOR_UNITS =
      Arrays.stream(SupportedCurrency.values())
          .mapToInt(SupportedCurrency::minorUnits)
          .max()
          .orElse(0);
  private static final int LITERAL_DIGITS = 10;
  private static final int MAX_TEXT_LENGTH = 64;
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("([+-])?([0-9]+)(?:\\.([0-9]+))?");
  private static final String PLAIN_NUMBER = "Enter the amount as a plain number, like 25.00.";

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

  /**
   * An amount written in code or a test, such as {@code "0.125"}, rounded like any other; it still
   * refuses exponent notation. Amounts from people or clients go through {@link #parse}.
   */
  public static Money of(String amount, SupportedCurrency currency) {
    return of(
        new BigDecimal(plain(amount, MAX_INTEGER_DIGITS, LITERAL_DIGITS, Sign.SIGNED, "")),
        currency);
  }

  /** A stored amount with the currency code stored beside it, e.g. a ledger entry's. */
  public static Money of(BigDecimal amount, String currencyCode) {
    Objects.requireNonNull(currencyCode, "currencyCode");
    return of(amount, SupportedCurrency.valueOf(currencyCode));
  }

  public static Money zero(SupportedCurrency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  /**
   * Reads an amount a person or a client wrote (R-FUND-11), refusing rather than rounding: a plain
   * decimal, surrounding spaces ignored, at most {@value #MAX_INTEGER_DIGITS} digits before the
   * point and at most the currency's minor digits after it (trailing zeros count: "1.230" is not a
   * USD amount). A point needs digits on both sides ("10." and ".5" are refused). Exponents,
   * grouping commas, non-ASCII digits and a sign the use does not allow are refused. The text is
   * checked before any {@link BigDecimal} is built, so a hostile amount costs microseconds.
   *
   * @throws AmountFormatException with a message fit for the user
   */
  public static Money parse(String text, SupportedCurrency currency, Sign sign) {
    Objects.requireNonNull(currency, "currency");
    int digits = currency.minorUnits();
    return of(
        new BigDecimal(plain(text, MAX_INTEGER_DIGITS, digits, sign, " for " + currency)),
        currency);
  }

  /**
   * The former name of {@link #parse(String, SupportedCurrency)}, kept while other branches still
   * call it.
   */
  @Deprecated(forRemoval = true)
  public static Money parseExact(String text, SupportedCurrency currency) {
    return parse(text, currency, Sign.UNSIGNED);
  }

  /** {@link #parse(String, SupportedCurrency, Sign)} of an amount that has no sign. */
  public static Money parse(String text, SupportedCurrency currency) {
    return parse(text, currency, Sign.UNSIGNED);
  }

  /**
   * Reads an amount whose currency is not known yet (a setting, or a request checked before its
   * wallet is locked): the rules of {@link #parse(String, SupportedCurrency, Sign)} with the
   * largest minor unit of any supported currency.
   *
   * @throws AmountFormatException with a message fit for the user
   */
  public static BigDecimal parseAmount(String text, Sign sign) {
    return new BigDecimal(plain(text, MAX_INTEGER_DIGITS, MAX_MINOR_UNITS, sign, ""));
  }

  /**
   * The one strict reader of decimals: returns the stripped text once it is a plain decimal within
   * the bounds, so building a {@link BigDecimal} from it is cheap and exact.
   */
  static String plain(
      String text, int maxIntegerDigits, int maxFractionDigits, Sign sign, String unit) {
    if (text == null || text.isBlank()) {
      throw new AmountFormatException("Enter an amount.");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new AmountFormatException(PLAIN_NUMBER);
    }
    String stripped = text.strip();
    Matcher m = PLAIN_DECIMAL.matcher(stripped);
    if (!m.matches()) {
      throw new AmountFormatException(PLAIN_NUMBER);
    }
    if (m.group(1) != null && sign == Sign.UNSIGNED) {
      throw new AmountFormatException("Enter the amount without a sign, like 25.00.");
    }
    if (m.group(2).length() > maxIntegerDigits) {
      throw new AmountFormatException(
          "Use at most " + maxIntegerDigits + " digits before the decimal point.");
    }
    String fraction = m.group(3);
    if (fraction != null && fraction.length() > maxFractionDigits) {
      throw new AmountFormatException(
          maxFractionDigits == 0
              ? "Enter a whole amount" + unit + ", without decimals."
              : "Use at most " + maxFractionDigits + " decimals" + unit + ".");
    }
    return stripped;
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

  /** This amount taken {@code times} times, e.g. a licence's price for a quantity. */
  public Money times(long times) {
    return of(amount.multiply(BigDecimal.valueOf(times)), currency);
  }

  /**
   * The tax included in this amount at a rate in percent of the net amount: amount × rate / (100 +
   * rate), rounded once like every amount (a receipt's tax line).
   */
  public Money includedTax(BigDecimal ratePercent) {
    Objects.requireNonNull(ratePercent, "ratePercent");
    if (ratePercent.signum() < 0) {
      throw new IllegalArgumentException("A tax rate cannot be negative");
    }
    return of(
        amount
            .multiply(ratePercent)
            .divide(ratePercent.add(BigDecimal.valueOf(100)), 10, RoundingMode.HALF_UP),
        currency);
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

  /**
   * The amount as pages and messages show it: thousands grouped, the currency's digits, e.g.
   * "100,000.00".
   */
  public String toDisplayString() {
    return String.format(Locale.ENGLISH, "%,." + currency.minorUnits() + "f", amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
