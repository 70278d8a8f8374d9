package com.commcredits.recharge;

import com.commcredits.shared.Caller;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt: claims it, pays through a funding keyed by the attempt (a retry never pays
 * twice), then settles it: a lot and an email on success; an email with the reason on failure, and
 * the suspension after 3 failures in a row. A payment still pending is settled by a later sweep.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RechargeProcessor {
  private static final Logger LOG = Logger.getLogger(RechargeProcessor.class.getName());

  @Inject RechargeSteps steps;
  @Inject FundingService fundings;

  public void process(long attemptId) {
    RechargeSteps.Claimed claimed = steps.claim(attemptId);
    if (claimed == null) {
      return;
    }
    try {
      FundingOutcome outcome =
          fundings.autoRecharge(
              Caller.system(claimed.organisationId()),
              new AddFunds(
                  claimed.amount().toPlainString(),
                  claimed.currency(),
                  claimed.paymentMethodId(),
                  claimed.purchaseOrder(),
                  claimed.fundingKey()));
      steps.finish(
          attemptId, outcome.funding().id(), outcome.status(), outcome.funding().failureReason());
    } catch (ValidationException e) {
      steps.finish(attemptId, null, com.commcredits.wallet.FundingStatus.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Recharge attempt " + attemptId + " could not run; the sweep retries it",
          e);
    }
  }
}
