package com.commcredits.wallet;

import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * Configurable limits of Add more funds (R-FUND-9): FUNDING_MIN and FUNDING_MAX in the wallet's
 * currency, 10.00 and 100,000.00 unless set; read as strictly as any amount (R-FUND-11).
 */
@ApplicationScoped
public class WalletSettings {
  private final BigDecimal minimum = read("FUNDING_MIN", "10.00");
  private final BigDecimal maximum = read("FUNDING_MAX", "100000.00");

  static BigDecimal read(String name, String fallback) {
    String value = System.getenv(name);
    String text = value == null || value.isBlank() ? fallback : value;
    try {
      return Money.parseAmount(text, Money.Sign.UNSIGNED);
    } catch (AmountFormatException e) {
      throw new IllegalStateException(name + " is not an amount: " + e.getMessage(), e);
    }
  }

  public BigDecimal minimum() {
    return minimum;
  }

  public BigDecimal maximum() {
    return maximum;
  }
}
