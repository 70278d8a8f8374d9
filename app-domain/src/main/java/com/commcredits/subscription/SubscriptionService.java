package com.commcredits.subscription;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentGateway;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.payment.PaymentOutcome;
import com.commcredits.payment.PaymentResult;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Billing > Products & services and Subscriptions: the organisation's purchases against the
 * catalog.
 */
@Stateless
public class SubscriptionService {
  @Inject SubscriptionRepository subscriptions;
  @Inject CatalogRepository catalog;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject AssignedLicences assignedCount;
  @Inject PaymentMethodRepository methods;
  @Inject PaymentGateway gateway;

  /** Each subscription with its catalog product, in catalog order. */
  public List<SubscriptionView> list(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    Map<String, Product> products =
        catalog.products().stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    return subscriptions.list(caller.organisationId()).stream()
        .map(s -> new SubscriptionView(s, products.get(s.sku())))
        .sorted(
            Comparator.comparingInt((SubscriptionView v) -> v.product().sortOrder())
                .thenComparing(v -> v.subscription().id()))
        .toList();
  }

  public List<Product> catalog() {
    return catalog.products().stream().sorted(Comparator.comparingInt(Product::sortOrder)).toList();
  }

  /**
   * A purchase (R-SUB-1): a product, a quantity, optionally the payment method (otherwise the
   * organisation's default, see {@link #defaultMethod}) and the caller's request key, which makes a
   * repeated request bill once (a random one when none is given).
   */
  public record Purchase(String sku, int quantity, Long paymentMethodId, String requestKey) {}

  /** A request key as clients send it: letters, digits, dot, dash, colon, underscore; 1 to 64. */
  public static final Pattern REQUEST_KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

  /** Buys with the organisation's default payment method and a fresh request key. */
  public Subscription buy(Caller caller, String sku, int quantity) {
    return buy(caller, new Purchase(sku, quantity, null, null));
  }

  /**
   * Buys licences and bills the first month of them at once: full monthly list price × quantity,
   * charged on the card through the gateway (declined: nothing is bought) or written as an EA
   * billing line. A request key seen before answers the first purchase and bills nothing.
   */
  public Subscription buy(Caller caller, Purchase purchase) {
    caller.require(Permission.MANAGE_BILLING);
    String sku = purchase.sku();
    int quantity = purchase.quantity();
    new Validator()
        .check(
            sku != null && catalog.product(sku).isPresent(),
            "sku",
            "Unknown product: " + shortened(sku) + ".")
        .check(
            quantity >= 1 && quantity <= 10_000,
            "quantity",
            "Quantity must be between 1 and 10,000.")
        .check(
            purchase.requestKey() == null || REQUEST_KEY.matcher(purchase.requestKey()).matches(),
            "requestKey",
            "A request key has 1 to 64 letters, digits, dots, dashes, colons or underscores.")
        .throwIfInvalid();
    // the organisation first, as every money transaction (wallet package-info): purchases of one
    // organisation run one after another, so a request key is looked up and recorded atomically
    var organisation =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    String request =
        "buy "
            + sku
            + " x"
            + quantity
            + " with "
            + (purchase.paymentMethodId() == null ? "default" : purchase.paymentMethodId());
    Optional<Subscription> replay = replay(caller, purchase.requestKey(), request);
    if (replay.isPresent()) {
      return replay.get();
    }
    Product product = catalog.product(sku).orElseThrow();
    new Validator()
        .check(
            product.soldIn().isEmpty() || product.soldIn().contains(organisation.billingCountry()),
            "sku",
            product.name() + " is sold only in " + String.join(", ", product.soldIn()) + ".")
        .throwIfInvalid();
    Money price = price(sku, organisation.currency());
    PaymentMethod method = method(caller, purchase.paymentMethodId(), null, price);
    String key = key(purchase.requestKey());
    Money amount = price.times(quantity);
    String reference =
        pay(caller, key, method, amount, "First month of " + quantity + " x " + product.name());
    var zone = organisation.timeZone();
    Subscription s =
        subscriptions.add(
            new Subscription(
                caller.organisationId(),
                sku,
                quantity,
                clock.instant().atZone(zone).toLocalDate(),
                clock.instant()));
    s.payWith(method == null ? null : method.id());
    String billed = bill(s, key, request, quantity, amount, method, reference);
    audit.record(
        caller,
        AuditAction.SUBSCRIPTION_CREATED,
        "subscription",
        s.id(),
        "Bought " + quantity + " x " + sku + "; " + billed,
        null,
        s.describe());
    return s;
  }

  /** Changes a quantity with a fresh request key. */
  public Subscription changeQuantity(Caller caller, long id, int quantity) {
    return changeQuantity(caller, id, quantity, null);
  }

  /**
   * Adds or removes licences; never below the number assigned (the message says how many are). An
   * increase bills the added licences' first month like a purchase (to the subscription's payment
   * method, or the organisation's default when that one was removed); a decrease bills nothing.
   * Both are audited with the quantities before and after.
   */
  public Subscription changeQuantity(Caller caller, long id, int quantity, String requestKey) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator()
        .check(
            quantity >= 1 && quantity <= 10_000,
            "quantity",
            "Quantity must be between 1 and 10,000.")
        .check(
            requestKey == null || REQUEST_KEY.matcher(requestKey).matches(),
            "requestKey",
            "A request key has 1 to 64 letters, digits, dots, dashes, colons or underscores.")
        .throwIfInvalid();
    var organisation =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Subscription subscription =
        subscriptions
            .find(caller.organisationId(), id)
            .filter(Subscription::isActive)
            .orElseThrow(() -> new NotFoundException("The subscription"));
    String request = "quantity of " + id + " to " + quantity;
    Optional<Subscription> replay = replay(caller, requestKey, request);
    if (replay.isPresent()) {
      return replay.get();
    }
    long purchased = subscriptions.lockPurchased(caller.organisationId(), subscription.sku());
    long assigned = assignedCount.applyAsLong(caller.organisationId(), subscription.sku());
    long after = purchased - subscription.quantity() + quantity;
    new Validator()
        .check(
            after >= assigned,
            "quantity",
            assigned
                + " licences are assigned to users: keep at least "
                + Math.max(1, assigned - (purchased - subscription.quantity()))
                + " here, or remove licences from users first.")
        .throwIfInvalid();
    String before = subscription.describe();
    int added = quantity - subscription.quantity();
    String billed = "nothing billed";
    if (added > 0) {
      Money price = price(subscription.sku(), organisation.currency());
      PaymentMethod method = method(caller, null, subscription.paymentMethodId(), price);
      String key = key(requestKey);
      Money amount = price.times(added);
      String reference =
          pay(
              caller,
              key,
              method,
              amount,
              "First month of " + added + " more x " + subscription.sku());
      subscription.payWith(method == null ? subscription.paymentMethodId() : method.id());
      billed = bill(subscription, key, request, added, amount, method, reference);
    }
    subscription.changeQuantity(quantity);
    audit.record(
        caller,
        AuditAction.SUBSCRIPTION_CHANGED,
        "subscription",
        id,
        "Changed " + subscription.sku() + " to " + quantity + " licences; " + billed,
        before,
        subscription.describe());
    return subscription;
  }

  /** The subscription a request key already bought or changed, when the request is the same. */
  private Optional<Subscription> replay(Caller caller, String requestKey, String request) {
    if (requestKey == null) {
      return Optional.empty();
    }
    Optional<SubscriptionCharge> earlier =
        subscriptions.chargeByKey(caller.organisationId(), requestKey);
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    if (!earlier.get().request().equals(request)) {
      throw new ConflictException("This request key was already used for a different request.");
    }
    return subscriptions.find(caller.organisationId(), earlier.get().subscriptionId());
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
  private PaymentMethod method(Caller caller, Long requested, Long subscriptions, Money price) {
    long org = caller.organisationId();
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

  /** An unknown SKU as echoed in a message: never more than 64 characters of it. */
  private static String shortened(String sku) {
    return sku == null || sku.length() <= 64 ? sku : sku.substring(0, 64) + "…";
  }

  private static String key(String requestKey) {
    return requestKey == null ? UUID.randomUUID().toString() : requestKey;
  }

  /**
   * Charges a card through the gateway under a key made of the organisation and the request key, so
   * a repeated request finds the first payment instead of paying again; returns the gateway's
   * reference, or null for an EA or a free product. A refused card refuses the purchase.
   */
  private String pay(
      Caller caller, String key, PaymentMethod method, Money amount, String description) {
    if (method == null || amount.isZero() || !method.isCard()) {
      return null;
    }
    PaymentResult result =
        gateway.charge(
            "subscription-" + caller.organisationId() + "-" + key,
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

  /** Records the charge (and, on an EA, its billing line); says what was billed for the audit. */
  private String bill(
      Subscription s,
      String key,
      String request,
      int licences,
      Money amount,
      PaymentMethod method,
      String reference) {
    SubscriptionCharge charge =
        subscriptions.addCharge(
            new SubscriptionCharge(
                s,
                key,
                request,
                licences,
                amount.amount(),
                amount.currency().name(),
                method == null ? null : method.id(),
                reference,
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
        + (reference == null ? "" : ", gateway reference " + reference);
  }

  /** Cancels a subscription whose licences are not needed by assigned users. */
  public void cancel(Caller caller, long id) {
    caller.require(Permission.MANAGE_BILLING);
    Subscription subscription =
        subscriptions
            .find(caller.organisationId(), id)
            .filter(Subscription::isActive)
            .orElseThrow(() -> new NotFoundException("The subscription"));
    long purchased = subscriptions.lockPurchased(caller.organisationId(), subscription.sku());
    long assigned = assignedCount.applyAsLong(caller.organisationId(), subscription.sku());
    new Validator()
        .check(
            purchased - subscription.quantity() >= assigned,
            "quantity",
            assigned + " licences of this product are assigned to users: remove them first.")
        .throwIfInvalid();
    String before = subscription.describe();
    subscription.cancel();
    audit.record(
        caller,
        AuditAction.SUBSCRIPTION_CANCELLED,
        "subscription",
        id,
        "Cancelled " + subscription.sku(),
        before,
        subscription.describe());
  }

  /** A subscription with the product it is for. */
  public record SubscriptionView(Subscription subscription, Product product) {}
}
