package com.commcredits.wallet;

import com.commcredits.payment.PaymentGateway;
import com.commcredits.payment.PaymentResult;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Retries;
import com.commcredits.shared.TransientFailures;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adding funds (R-FUND-2, R-FUND-7, R-FUND-9, R-PAY-2): record the request under its idempotency
 * key, pay through the gateway outside any transaction (so a slow gateway holds no lock), then
 * apply the answer. A crash between the gateway's answer and our commit leaves a pending funding
 * that {@link #resolvePending} settles by asking the gateway, so it never pays twice. Each step is
 * its own transaction, retried on a deadlock or lock time-out (R-FUND-8).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FundingService {
  private static final Logger LOG = Logger.getLogger(FundingService.class.getName());

  @Inject CreditsOpening opening;
  @Inject FundingRequests requests;
  @Inject FundingSettlement settlement;
  @Inject PaymentGateway gateway;
  @Inject Clock clock;

  /**
   * Billing > Subscriptions > Add-ons > Communications Credits > Buy now: opens the wallet, then
   * adds the first funds.
   */
  public FundingOutcome buyCredits(Caller caller, AddFunds command) {
    Retries.call(() -> opening.openCredits(caller));
    return addFunds(caller, command);
  }

  /** Add more funds (R-FUND-9), by card or on an Enterprise Agreement with a PO. */
  public FundingOutcome addFunds(Caller caller, AddFunds command) {
    return fund(caller, command, LotSource.MANUAL);
  }

  /**
   * An auto-recharge's funding: a lot with source AUTO_RECHARGE, idempotent by the attempt's key.
   */
  public FundingOutcome autoRecharge(Caller caller, AddFunds command) {
    return fund(caller, command, LotSource.AUTO_RECHARGE);
  }

  FundingOutcome fund(Caller caller, AddFunds command, LotSource cardSource) {
    FundingRequests.Prepared prepared =
        Retries.call(() -> requests.prepare(caller, command, cardSource));
    if (!prepared.needsPayment()) {
      return settlement.outcome(prepared.fundingId(), prepared.repeated());
    }
    PaymentResult result =
        gateway.charge(
            prepared.paymentKey(),
            prepared.token(),
            prepared.amount().amount(),
            prepared.amount().currency().name(),
            "Communications Credits");
    return Retries.call(() -> settlement.apply(caller, prepared.fundingId(), result));
  }

  /**
   * Settles card fundings still pending after {@code olderThan}: asks the gateway what became of
   * each payment and applies that answer once (R-PAY-2). Returns how many were settled.
   */
  public int resolvePending(Duration olderThan) {
    int settled = 0;
    for (Long id : settlement.pendingFundings(clock.instant().minus(olderThan))) {
      try {
        var funding = settlement.funding(id).orElseThrow();
        PaymentResult status = gateway.status(funding.paymentKey());
        var outcome =
            Retries.call(
                () -> settlement.apply(Caller.system(funding.organisationId()), id, status));
        if (!outcome.funding().isPending()) {
          settled++;
        }
      } catch (RuntimeException e) {
        LOG.log(
            TransientFailures.isBusy(e) ? Level.INFO : Level.WARNING,
            "Could not settle pending funding " + id + "; will try again",
            e);
      }
    }
    return settled;
  }
}
