package com.commcredits.wallet;

import com.commcredits.config.AppSettings;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * The wallet's view of the configuration: the limits of Add more funds (R-FUND-9), FUNDING_MIN and
 * FUNDING_MAX of {@link AppSettings}, in the wallet's currency.
 */
@ApplicationScoped
public class WalletSettings {
  @Inject AppSettings settings;

  public BigDecimal minimum() {
    return settings.fundingMinimum();
  }

  public BigDecimal maximum() {
    return settings.fundingMaximum();
  }

  /** Whether an amount lies within the limits (both included). */
  public boolean allows(Money amount) {
    return amount.amount().compareTo(minimum()) >= 0 && amount.amount().compareTo(maximum()) <= 0;
  }

  /** The limits for a message, e.g. "10.00 and 100,000.00 USD" with {@code " and "}. */
  public String limits(SupportedCurrency currency, String between) {
    return Money.of(minimum(), currency).toDisplayString()
        + between
        + Money.of(maximum(), currency).toDisplayString()
        + " "
        + currency;
  }
}
