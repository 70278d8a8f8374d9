package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentChoice;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The first step of adding funds: validates the request and records it under its idempotency key
 * (R-FUND-7, R-FUND-9); an Enterprise Agreement purchase is applied at once (R-PAY-3).
 */
@Stateless
public class FundingRequests {
  @Inject WalletLocks locks;
  @Inject FundingRepository fundings;
  @Inject PaymentMethodRepository methods;
  @Inject PaymentChoice payment;
  @Inject FundingCredit credit;
  @Inject WalletSettings settings;
  @Inject Zones zones;
  @Inject Clock clock;

  /** A recorded request and, when a card must be charged, what the gateway needs. */
  public record Prepared(
      long fundingId,
      String paymentKey,
      String token,
      Money amount,
      boolean needsPayment,
      boolean repeated) {}

  /**
   * Validates and records the request under its key; an EA purchase is applied at once (R-PAY-3).
   */
  public Prepared prepare(Caller caller, AddFunds command, LotSource cardSource) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator().plainAmount("amount", command.amount()).throwIfInvalid(); // before the lock
    Wallet wallet = locks.forOrganisation(caller.organisationId());
    Validator v = new Validator();
    Money amount = amount(v, command, wallet);
    PaymentMethod method =
        payment.check(
            v, caller.organisationId(), command.paymentMethodId(), command.purchaseOrder());
    String po = PaymentChoice.purchaseOrder(command.purchaseOrder());
    v.required(command.idempotencyKey(), "idempotencyKey", "The idempotency key", 100);
    v.throwIfInvalid();

    String fingerprint =
        amount.toPlainString()
            + "|"
            + amount.currency()
            + "|"
            + method.id()
            + "|"
            + (po == null ? "" : po);
    Optional<Funding> existing = fundings.fundingByKey(wallet.id(), command.idempotencyKey());
    if (existing.isPresent()) {
      if (!existing.get().requestFingerprint().equals(fingerprint)) {
        throw new ConflictException(
            "This idempotency key was already used for a different request.");
      }
      return new Prepared(existing.get().id(), null, null, amount, false, true);
    }
    Instant now = clock.instant();
    // under the wallet's lock, so two EA fundings cannot both fit in what remains (R-PAY-1)
    Validator limit = new Validator();
    payment.checkEaLimit(limit, method, amount, zones.of(caller.organisationId()), now);
    limit.throwIfInvalid();
    LotSource source =
        method.isEnterpriseAgreement() && cardSource != LotSource.AUTO_RECHARGE
            ? LotSource.PURCHASE_ORDER
            : cardSource;
    Funding funding =
        fundings.addFunding(
            new Funding(
                wallet,
                command.idempotencyKey(),
                fingerprint,
                amount,
                source,
                method.id(),
                po,
                now,
                caller.actorName()));
    if (method.isEnterpriseAgreement()) {
      String reference = "EA " + method.eaNumber() + (po == null ? "" : " PO " + po);
      credit.succeed(caller, wallet, funding, amount, reference);
      methods.addBillingLine(
          new EaBillingLine(
              method, po, funding.id(), amount.amount(), amount.currency().name(), now));
      return new Prepared(funding.id(), null, null, amount, false, false);
    }
    return new Prepared(
        funding.id(), funding.paymentKey(), method.gatewayToken(), amount, true, false);
  }

  private Money amount(Validator v, AddFunds command, Wallet wallet) {
    try {
      Money amount = Money.parse(command.amount(), wallet.currency());
      v.check(
          command.currency() == null || wallet.currency().name().equals(command.currency()),
          "amount.currency",
          "The wallet is in "
              + wallet.currency()
              + "; send the amount in "
              + wallet.currency()
              + ".");
      v.check(
          settings.allows(amount),
          "amount",
          "Add between " + settings.limits(wallet.currency(), " and ") + ".");
      return amount;
    } catch (IllegalArgumentException e) {
      v.check(false, "amount", e.getMessage());
      return null;
    }
  }
}
