package com.commcredits.subscription;

import com.commcredits.catalog.CatalogRepository;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentChoice;
import com.commcredits.payment.PaymentGateway;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.payment.PaymentOutcome;
import com.commcredits.payment.PaymentResult;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Bills the first month of bought licences (R-SUB-1): the list price, the payment method, the card
 * charge through the gateway or the EA billing line, and the subscription charge whose request key
 * makes a repeated request bill once. Called inside the use case's transaction, under its
 * organisation lock.
 */
@ApplicationScoped
public class SubscriptionBilling {
  @Inject SubscriptionRepository subscriptions;
  @Inject CatalogRepository catalog;
  @Inject PaymentMethodRepository methods;
  @Inject PaymentGateway gateway;
  @Inject Clock clock;
  @Inject PaymentChoice payment;
  @Inject OrganisationRepository organisations;

  /** What was paid for some licences, before it is recorded on their subscription. */
  public record Payment(
      PaymentMethod method, String key, int licences, Money amount, String reference) {}

  /** The subscription a request key already bought or changed, when the request is the same. */
  public Optional<Subscription> replay(long organisationId, String requestKey, String request) {
    if (requestKey == null) {
      return Optional.empty();
    }
    Optional<SubscriptionCharge> earlier = subscriptions.chargeByKey(organisationId, requestKey);
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    if (!earlier.get().request().equals(request)) {
      throw new ConflictException("This request key was already used for a different request.");
    }
    return subscriptions.find(organisationId, earlier.get().subscriptionId());
  }

  /**
   * Pays the first month of {@code licences} of {@code sku} at its list price in the currency: a
   * card is charged now (refused: nothing is bought), an EA or a free product is not. The method is
   * the one asked for, else the subscription's own while it is active, else the default.
   */
  public Payment pay(
      long organisationId,
      SupportedCurrency currency,
      String sku,
      int licences,
      Long requestedMethod,
      Long subscriptionMethod,
      String requestKey,
      String description) {
    Money price = price(sku, currency);
    PaymentMethod method = method(organisationId, requestedMethod, subscriptionMethod, price);
    String key = requestKey == null ? UUID.randomUUID().toString() : requestKey;
    Money amount = price.times(licences);
    checkEaLimit(organisationId, method, amount);
    String reference = charge(organisationId, key, method, amount, description);
    return new Payment(method, key, licences, amount, reference);
  }

  /**
   * An EA pays licences within the month's limit the operator registered, like fundings (R-PAY-1);
   * the caller holds the organisation's lock, which every EA funding takes first too.
   */
  private void checkEaLimit(long organisationId, PaymentMethod method, Money amount) {
    if (method == null || !method.isEnterpriseAgreement() || amount.isZero()) {
      return;
    }
    ZoneId zone = organisations.find(organisationId).orElseThrow().timeZone();
    Validator v = new Validator();
    payment.checkEaLimit(v, method, amount, zone, clock.instant());
    v.throwIfInvalid();
  }

  private Money price(String sku, SupportedCurrency currency) {
    BigDecimal price =
        catalog
            .monthlyPrice(sku, currency.name())
            .orElseThrow(
                () ->
                    ValidationException.of(
                        "sku", sku + " has no price in " + currency.name() + " yet."));
    return Money.of(price, currency);
  }

  /**
   * The method to bill: the one asked for (it must be the organisation's and active), else the
   * subscription's own while it is active, else the default. A free product needs none.
   */
  private PaymentMethod method(long org, Long requested, Long subscriptions, Money price) {
    PaymentMethod method;
    if (requested != null) {
      method = methods.find(org, requested).filter(PaymentMethod::isActive).orElse(null);
      new Validator()
          .check(
              method != null,
              "paymentMethodId",
              "Choose one of your organisation's payment methods.")
          .throwIfInvalid();
      return method;
    }
    method =
        subscriptions == null
            ? null
            : methods.find(org, subscriptions).filter(PaymentMethod::isActive).orElse(null);
    if (method == null) {
      method = defaultMethod(org).orElse(null);
    }
    new Validator()
        .check(
            method != null || price.isZero(),
            "paymentMethodId",
            "Add a payment method (a card or an EA number) before buying licences.")
        .throwIfInvalid();
    return method;
  }

  /**
   * The organisation's default payment method: its newest active card, otherwise its newest EA
   * number (the order of {@link PaymentMethodRepository#listActive}).
   */
  public Optional<PaymentMethod> defaultMethod(long organisationId) {
    return methods.listActive(organisationId).stream().findFirst();
  }

  /**
   * Charges a card through the gateway under a key made of the organisation and the request key, so
   * a repeated request finds the first payment instead of paying again; returns the gateway's
   * reference, or null for an EA or a free product. A refused card refuses the purchase.
   */
  private String charge(
      long organisationId, String key, PaymentMethod method, Money amount, String description) {
    if (method == null || amount.isZero() || !method.isCard()) {
      return null;
    }
    PaymentResult result =
        gateway.charge(
            "subscription-" + organisationId + "-" + key,
            method.gatewayToken(),
            amount.amount(),
            amount.currency().name(),
            description);
    if (result.approved()) {
      return result.reference();
    }
    throw ValidationException.of(
        "paymentMethodId",
        result.outcome() == PaymentOutcome.UNKNOWN
            ? "The payment gateway did not answer in time; nothing was bought. Send the same "
                + "request (same request key) again to learn whether the card was charged."
            : "The card was not charged: " + result.message() + " Nothing was bought.");
  }

  /**
   * Records the payment as the subscription's charge under its request key (and, on an EA, its
   * billing line); says what was billed for the audit.
   */
  public String record(Subscription s, String request, Payment payment) {
    PaymentMethod method = payment.method();
    Money amount = payment.amount();
    int licences = payment.licences();
    SubscriptionCharge charge =
        subscriptions.addCharge(
            new SubscriptionCharge(
                s,
                payment.key(),
                request,
                licences,
                amount.amount(),
                amount.currency().name(),
                method == null ? null : method.id(),
                payment.reference(),
                clock.instant()));
    if (method != null && method.isEnterpriseAgreement() && !amount.isZero()) {
      methods.addBillingLine(
          EaBillingLine.forSubscription(
              method,
              charge.id(),
              licences + " x " + s.sku() + " (subscription " + s.id() + ")",
              amount.amount(),
              amount.currency().name(),
              clock.instant()));
    }
    if (amount.isZero()) {
      return "billed " + amount.toPlainString() + " " + amount.currency() + " (free)";
    }
    return "billed "
        + amount.toPlainString()
        + " "
        + amount.currency()
        + " for "
        + licences
        + " licence(s) on "
        + method.describe()
        + (payment.reference() == null ? "" : ", gateway reference " + payment.reference());
  }
}
