package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.payment.PaymentResult;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional steps of adding funds, each its own transaction so that the payment call
 * between them holds no lock: record the request (idempotently), then apply the gateway's answer
 * exactly once.
 */
@Stateless
public class FundingSteps {
  @Inject WalletRepository wallets;
  @Inject PaymentMethodRepository methods;
  @Inject SubscriptionRepository subscriptions;
  @Inject OrganisationRepository organisations;
  @Inject WalletSettings settings;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Communications Credits licences that come with the add-on; the quantity can be changed later.
   */
  static final int CREDITS_LICENCES = 100;

  /** A recorded request and, when a card must be charged, what the gateway needs. */
  public record Prepared(
      long fundingId,
      String paymentKey,
      String token,
      Money amount,
      boolean needsPayment,
      boolean repeated) {}

  /**
   * Opens Communications Credits for the organisation: the add-on subscription and the wallet in
   * its currency (R-SUB-1, R-FUND-1). Does nothing when the wallet exists.
   */
  public Wallet openCredits(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    Organisation organisation =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Optional<Wallet> existing = wallets.findForOrganisation(organisation.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    Subscription subscription =
        subscriptions.add(
            new Subscription(
                organisation.id(),
                "COMMUNICATIONS_CREDITS",
                CREDITS_LICENCES,
                now.atZone(organisation.timeZone()).toLocalDate(),
                now));
    Wallet wallet = wallets.add(new Wallet(organisation.id(), organisation.currency(), now));
    audit.record(
        caller,
        AuditAction.CREDITS_PURCHASED,
        "subscription",
        subscription.id(),
        "Bought Communications Credits (wallet in " + organisation.currency() + ")",
        null,
        subscription.describe());
    return wallet;
  }

  /**
   * Validates and records the request under its key; an EA purchase is applied at once (R-PAY-3).
   */
  public Prepared prepare(Caller caller, AddFunds command, LotSource cardSource) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator().plainAmount("amount", command.amount()).throwIfInvalid(); // before the lock
    Wallet wallet =
        wallets
            .lockForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    Validator v = new Validator();
    Money amount = null;
    try {
      amount = Money.parse(command.amount(), wallet.currency());
      v.check(
          command.currency() == null || wallet.currency().name().equals(command.currency()),
          "amount.currency",
          "The wallet is in "
              + wallet.currency()
              + "; send the amount in "
              + wallet.currency()
              + ".");
      v.check(
          amount.amount().compareTo(settings.minimum()) >= 0
              && amount.amount().compareTo(settings.maximum()) <= 0,
          "amount",
          "Add between "
              + settings.minimum().toPlainString()
              + " and "
              + Money.of(settings.maximum(), wallet.currency()).toDisplayString()
              + " "
              + wallet.currency()
              + ".");
    } catch (IllegalArgumentException e) {
      v.check(false, "amount", e.getMessage());
    }
    PaymentMethod method =
        command.paymentMethodId() == null
            ? null
            : methods
                .find(caller.organisationId(), command.paymentMethodId())
                .filter(PaymentMethod::isActive)
                .orElse(null);
    v.check(
        method != null, "paymentMethodId", "Choose one of your organisation's payment methods.");
    String po =
        command.purchaseOrder() == null || command.purchaseOrder().isBlank()
            ? null
            : command.purchaseOrder().strip();
    if (method != null && po != null) {
      v.check(
          method.isEnterpriseAgreement(),
          "purchaseOrder",
          "A purchase order goes with an Enterprise Agreement.");
      v.check(
          PaymentMethod.PURCHASE_ORDER.matcher(po).matches(),
          "purchaseOrder",
          "A PO number has 1 to 30 letters, digits, dots, dashes or slashes.");
    }
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
    Optional<Funding> existing = wallets.fundingByKey(wallet.id(), command.idempotencyKey());
    if (existing.isPresent()) {
      if (!existing.get().requestFingerprint().equals(fingerprint)) {
        throw new ConflictException(
            "This idempotency key was already used for a different request.");
      }
      return new Prepared(existing.get().id(), null, null, amount, false, true);
    }
    Instant now = clock.instant();
    LotSource source =
        method.isEnterpriseAgreement() && cardSource != LotSource.AUTO_RECHARGE
            ? LotSource.PURCHASE_ORDER
            : cardSource;
    Funding funding =
        wallets.addFunding(
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
      succeed(caller, wallet, funding, amount, reference);
      methods.addBillingLine(
          new EaBillingLine(
              method, po, funding.id(), amount.amount(), amount.currency().name(), now));
      return new Prepared(funding.id(), null, null, amount, false, false);
    }
    return new Prepared(
        funding.id(), funding.paymentKey(), method.gatewayToken(), amount, true, false);
  }

  /**
   * Applies the gateway's answer to a pending funding, once; a later answer for a resolved one is
   * ignored.
   */
  public FundingOutcome apply(Caller caller, long fundingId, PaymentResult result) {
    // lock order everywhere: wallet first, then its funding
    Funding peek =
        wallets.findFunding(fundingId).orElseThrow(() -> new NotFoundException("The funding"));
    Wallet wallet =
        wallets.lock(peek.walletId()).orElseThrow(() -> new NotFoundException("The wallet"));
    Funding funding = wallets.lockFunding(fundingId).orElseThrow();
    if (!funding.isPending()) {
      return outcome(funding, false);
    }
    Money amount = Money.of(funding.amount(), wallet.currency());
    switch (result.outcome()) {
      case APPROVED -> succeed(caller, wallet, funding, amount, result.reference());
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

  private void succeed(
      Caller caller, Wallet wallet, Funding funding, Money amount, String reference) {
    Instant now = clock.instant();
    java.time.ZoneId zone = organisations.find(wallet.organisationId()).orElseThrow().timeZone();
    String before = wallet.balance().toString();
    Movement movement =
        wallet.fund(
            amount,
            funding.source(),
            funding.id(),
            reference,
            zone,
            new Wallet.Stamp(
                now,
                now,
                "funding:" + funding.id(),
                reference,
                describe(funding.source()) + " (" + reference + ")",
                funding.actor()));
    wallets.record(movement);
    funding.succeeded(movement.newLot().id(), reference, now);
    audit.record(
        caller,
        AuditAction.FUNDS_ADDED,
        "funding",
        funding.id(),
        "Added " + amount + " (" + reference + ")",
        "balance=" + before,
        "balance=" + wallet.balance());
  }

  private static String describe(LotSource source) {
    return switch (source) {
      case MANUAL -> "Funds added";
      case AUTO_RECHARGE -> "Auto-recharge";
      case PURCHASE_ORDER -> "Funds added on Enterprise Agreement";
      case ADJUSTMENT -> "Manual adjustment";
    };
  }

  public FundingOutcome outcome(long fundingId, boolean repeated) {
    return outcome(
        wallets.findFunding(fundingId).orElseThrow(() -> new NotFoundException("The funding")),
        repeated);
  }

  private FundingOutcome outcome(Funding funding, boolean repeated) {
    FundingLot lot =
        funding.lotId() == null
            ? null
            : wallets.lotsById(funding.walletId(), List.of(funding.lotId())).get(funding.lotId());
    Wallet wallet = wallets.findForOrganisation(funding.organisationId()).orElseThrow();
    return new FundingOutcome(funding, lot, repeated, wallet.balance().amount());
  }

  public List<Long> pendingFundings(Instant requestedBefore) {
    return wallets.pendingFundings(requestedBefore);
  }

  public Optional<Funding> funding(long id) {
    return wallets.findFunding(id);
  }
}
