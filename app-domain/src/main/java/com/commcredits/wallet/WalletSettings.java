package com.commcredits.wallet;

import com.commcredits.config.AppSettings;
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
}
