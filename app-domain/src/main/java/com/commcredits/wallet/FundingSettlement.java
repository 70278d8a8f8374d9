package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.payment.PaymentResult;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last step of adding funds: applies the gateway's answer to a pending funding exactly once (a
 * lot on approval, the reason on refusal), and reads fundings and their outcome.
 */
@Stateless
public class FundingSettlement {
  @Inject WalletLocks locks;
  @Inject WalletRepository wallets;
  @Inject LotRepository lots;
  @Inject FundingRepository fundings;
  @Inject FundingCredit credit;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Applies the gateway's answer to a pending funding, once; a later answer for a resolved one is
   * ignored. Locks in the documented order: organisation, wallet, then the funding.
   */
  public FundingOutcome apply(Caller caller, long fundingId, PaymentResult result) {
    Funding peek =
        fundings.findFunding(fundingId).orElseThrow(() -> new NotFoundException("The funding"));
    Wallet wallet = locks.wallet(peek.walletId());
    Funding funding = fundings.lockFunding(fundingId).orElseThrow();
    if (!funding.isPending()) {
      return outcome(funding, false);
    }
    Money amount = Money.of(funding.amount(), wallet.currency());
    switch (result.outcome()) {
      case APPROVED -> credit.succeed(caller, wallet, funding, amount, result.reference());
      case DECLINED, EXPIRED_CARD -> {
        funding.failed(result.message(), result.reference(), clock.instant());
        audit.record(
            caller,
            AuditAction.FUNDING_FAILED,
            "funding",
            funding.id(),
            "Payment of " + amount + " refused: " + result.message(),
            null,
            null);
      }
      case NOT_FOUND -> {
        funding.cancelled("The payment never reached the gateway.", clock.instant());
        audit.record(
            caller,
            AuditAction.FUNDING_CANCELLED,
            "funding",
            funding.id(),
            "Pending payment of " + amount + " cancelled: the gateway has no record of it",
            null,
            null);
      }
      case UNKNOWN ->
          audit.record(
              caller,
              AuditAction.FUNDING_PENDING,
              "funding",
              funding.id(),
              "Payment of " + amount + " pending: " + result.message(),
              null,
              null);
    }
    return outcome(funding, false);
  }

  public FundingOutcome outcome(long fundingId, boolean repeated) {
    return outcome(
        fundings.findFunding(fundingId).orElseThrow(() -> new NotFoundException("The funding")),
        repeated);
  }

  private FundingOutcome outcome(Funding funding, boolean repeated) {
    FundingLot lot =
        funding.lotId() == null
            ? null
            : lots.lotsById(funding.walletId(), List.of(funding.lotId())).get(funding.lotId());
    Wallet wallet = wallets.findForOrganisation(funding.organisationId()).orElseThrow();
    // read without the lock: net of lots past their expiry instant (R-FUND-10)
    return new FundingOutcome(
        funding,
        lot,
        repeated,
        Money.of(wallets.spendableBalance(wallet.id(), clock.instant()), wallet.currency())
            .amount());
  }

  public List<Long> pendingFundings(Instant requestedBefore) {
    return fundings.pendingFundings(requestedBefore);
  }

  public Optional<Funding> funding(long id) {
    return fundings.findFunding(id);
  }
}
