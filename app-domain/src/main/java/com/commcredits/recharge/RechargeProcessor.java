package com.commcredits.recharge;

import com.commcredits.shared.Caller;
import com.commcredits.shared.Retries;
import com.commcredits.shared.TransientFailures;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one attempt: claims it, pays through a funding keyed by the attempt (a retry never pays
 * twice), then settles it: a lot and an email on success; an email with the reason on failure, and
 * the suspension after 3 failures in a row. A payment still pending, or a database too busy even
 * after retries, leaves the attempt for the sweep; any other error ends it as failed, so it never
 * blocks the recharges after it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RechargeProcessor {
  private static final Logger LOG = Logger.getLogger(RechargeProcessor.class.getName());

  /** The reason an attempt ended by an unexpected error gives in its email. */
  static final String UNEXPECTED =
      "The recharge could not be completed because of an error on our side.";

  @Inject RechargeSteps steps;
  @Inject FundingService fundings;

  public void process(long attemptId) {
    try {
      RechargeSteps.Claimed claimed = Retries.call(() -> steps.claim(attemptId));
      if (claimed == null) {
        return;
      }
      FundingOutcome outcome =
          fundings.autoRecharge(
              Caller.system(claimed.organisationId()),
              new AddFunds(
                  claimed.amount().toPlainString(),
                  claimed.currency(),
                  claimed.paymentMethodId(),
                  claimed.purchaseOrder(),
                  claimed.fundingKey()));
      Retries.run(
          () ->
              steps.finish(
                  attemptId,
                  outcome.funding().id(),
                  outcome.status(),
                  outcome.funding().failureReason()));
    } catch (ValidationException e) {
      fail(attemptId, e.getMessage());
    } catch (RuntimeException e) {
      if (TransientFailures.isBusy(e) || TransientFailures.isTransient(e)) {
        LOG.log(
            Level.INFO,
            "Recharge attempt " + attemptId + " met a busy database; the sweep retries it",
            e);
        return;
      }
      LOG.log(
          Level.WARNING,
          "Recharge attempt " + attemptId + " failed unexpectedly; it ends as failed",
          e);
      fail(attemptId, UNEXPECTED);
    }
  }

  private void fail(long attemptId, String reason) {
    try {
      Retries.run(() -> steps.finish(attemptId, null, FundingStatus.FAILED, reason));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Recharge attempt " + attemptId + " could not be ended; the sweep retries it",
          e);
    }
  }
}
