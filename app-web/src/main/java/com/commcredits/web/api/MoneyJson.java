package com.commcredits.web.api;

import com.commcredits.money.Money;
import java.math.BigDecimal;

/**
 * Money as the API writes it: a decimal string with the currency's digits and the currency code.
 */
public record MoneyJson(String amount, String currency) {
  public static MoneyJson of(Money money) {
    return new MoneyJson(money.toPlainString(), money.currency().name());
  }

  /** A stored amount (4 decimals in the database) shown with the currency's digits. */
  public static MoneyJson of(BigDecimal amount, String currency) {
    return of(Money.of(amount, currency));
  }
}
