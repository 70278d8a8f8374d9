package com.commcredits.money;

import java.math.BigDecimal;

/**
 * Prices per minute and connection fees of a rate card (R-RATE-1): not amounts of a wallet, so they
 * keep {@value #DECIMALS} decimals and are never rounded to a currency's minor unit; they are read
 * as strictly as amounts (R-FUND-11).
 */
public final class Rates {
  /** Decimals a rate keeps. */
  public static final int DECIMALS = 4;

  private static final int MAX_INTEGER_DIGITS = 3;
  private static final int ANY_DIGITS = Money.MAX_INTEGER_DIGITS;

  private Rates() {}

  /**
   * Reads a rate written in a rate card: a plain decimal from 0 to 999.9999 with at most {@value
   * #DECIMALS} decimals, surrounding spaces ignored; exponents and anything else are refused. The
   * result always has {@value #DECIMALS} decimals ("0.025" reads as 0.0250).
   *
   * @throws AmountFormatException with a message fit for the user
   */
  public static BigDecimal parse(String text) {
    String plain;
    try {
      plain = Money.plain(text, ANY_DIGITS, ANY_DIGITS, Money.Sign.SIGNED, "");
    } catch (AmountFormatException notADecimal) {
      throw new AmountFormatException("Write an amount like 0.0250.");
    }
    int point = plain.indexOf('.');
    int integerDigits = point < 0 ? plain.length() : point;
    int decimals = point < 0 ? 0 : plain.length() - point - 1;
    if (plain.startsWith("-")
        || plain.startsWith("+")
        || integerDigits > MAX_INTEGER_DIGITS
        || decimals > DECIMALS) {
      throw new AmountFormatException(
          "Use an amount from 0 to 999.9999, with at most " + DECIMALS + " decimals.");
    }
    // The text is a checked plain decimal: padding it with zeros gives the 4 decimals exactly.
    return new BigDecimal((point < 0 ? plain + "." : plain) + "0".repeat(DECIMALS - decimals));
  }
}
