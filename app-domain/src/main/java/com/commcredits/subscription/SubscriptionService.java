package com.commcredits.subscription;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  @Inject SubscriptionBilling billing;

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
   * organisation's default, see {@link SubscriptionBilling#defaultMethod}) and the caller's request
   * key, which makes a repeated request bill once (a random one when none is given).
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
    Optional<Subscription> replay =
        billing.replay(caller.organisationId(), purchase.requestKey(), request);
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
    SubscriptionBilling.Payment payment =
        billing.pay(
            caller.organisationId(),
            organisation.currency(),
            sku,
            quantity,
            purchase.paymentMethodId(),
            null,
            purchase.requestKey(),
            "First month of " + quantity + " x " + product.name());
    var zone = organisation.timeZone();
    Subscription s =
        subscriptions.add(
            new Subscription(
                caller.organisationId(),
                sku,
                quantity,
                clock.instant().atZone(zone).toLocalDate(),
                clock.instant()));
    s.payWith(payment.method() == null ? null : payment.method().id());
    String billed = billing.record(s, request, payment);
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
    Optional<Subscription> replay = billing.replay(caller.organisationId(), requestKey, request);
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
      SubscriptionBilling.Payment payment =
          billing.pay(
              caller.organisationId(),
              organisation.currency(),
              subscription.sku(),
              added,
              null,
              subscription.paymentMethodId(),
              requestKey,
              "First month of " + added + " more x " + subscription.sku());
      subscription.payWith(
          payment.method() == null ? subscription.paymentMethodId() : payment.method().id());
      billed = billing.record(subscription, request, payment);
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

  /** An unknown SKU as echoed in a message: never more than 64 characters of it. */
  private static String shortened(String sku) {
    return sku == null || sku.length() <= 64 ? sku : sku.substring(0, 64) + "…";
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
