package com.commcredits.recharge;

import com.commcredits.shared.Caller;
import com.commcredits.shared.Retries;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Buy now > Place order (R-SUB-1, R-FUND-2, R-RECH-1): checks the auto-recharge settings before
 * anything is paid, opens the wallet with its first funds, then saves the settings unless the
 * payment failed. Each step is its own transaction, retried when the database is busy.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CreditsCheckout {
  @Inject FundingService fundings;
  @Inject RechargeService recharge;

  /**
   * Places the order; {@code autoRecharge} is null when the admin left auto-recharge off. Returns
   * the first funding's outcome.
   */
  public FundingOutcome placeOrder(
      Caller caller, AddFunds funds, RechargeService.Settings autoRecharge) {
    if (autoRecharge != null) {
      recharge.validate(caller, autoRecharge);
    }
    FundingOutcome outcome = fundings.buyCredits(caller, funds);
    if (autoRecharge != null && outcome.status() != FundingStatus.FAILED) {
      Retries.call(() -> recharge.save(caller, autoRecharge));
    }
    return outcome;
  }
}
