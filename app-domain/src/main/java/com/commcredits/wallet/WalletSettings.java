package com.commcredits.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * Configurable limits of Add more funds (R-FUND-9): FUNDING_MIN and FUNDING_MAX in the wallet's
 * currency, 10.00 and 100,000.00 unless set.
 */
@ApplicationScoped
public class WalletSettings {
  private final BigDecimal minimum = read("FUNDING_MIN", "10.00");
  private final BigDecimal maximum = read("FUNDING_MAX", "100000.00");

  private static BigDecimal read(String name, String fallback) {
    String value = System.getenv(name);
    return new BigDecimal(value == null || value.isBlank() ? fallback : value.strip());
  }

  public BigDecimal minimum() {
    return minimum;
  }

  public BigDecimal maximum() {
    return maximum;
  }
}
