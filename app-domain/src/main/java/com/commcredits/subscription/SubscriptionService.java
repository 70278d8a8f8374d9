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
import java.util.function.Function;
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

  public Subscription buy(Caller caller, String sku, int quantity) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator()
        .check(
            sku != null && catalog.product(sku).isPresent(), "sku", "Unknown product: " + sku + ".")
        .check(
            quantity >= 1 && quantity <= 10_000,
            "quantity",
            "Quantity must be between 1 and 10,000.")
        .throwIfInvalid();
    var organisation =
        organisations
            .find(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Product product = catalog.product(sku).orElseThrow();
    new Validator()
        .check(
            product.soldIn().isEmpty() || product.soldIn().contains(organisation.billingCountry()),
            "sku",
            product.name() + " is sold only in " + String.join(", ", product.soldIn()) + ".")
        .throwIfInvalid();
    var zone = organisation.timeZone();
    Subscription s =
        subscriptions.add(
            new Subscription(
                caller.organisationId(),
                sku,
                quantity,
                clock.instant().atZone(zone).toLocalDate(),
                clock.instant()));
    audit.record(
        caller,
        AuditAction.SUBSCRIPTION_CREATED,
        "subscription",
        s.id(),
        "Bought " + quantity + " x " + sku,
        null,
        s.describe());
    return s;
  }

  /** Adds or removes licences; never below the number assigned (the message says how many are). */
  public Subscription changeQuantity(Caller caller, long id, int quantity) {
    caller.require(Permission.MANAGE_BILLING);
    Subscription subscription =
        subscriptions
            .find(caller.organisationId(), id)
            .filter(Subscription::isActive)
            .orElseThrow(() -> new NotFoundException("The subscription"));
    new Validator()
        .check(
            quantity >= 1 && quantity <= 10_000,
            "quantity",
            "Quantity must be between 1 and 10,000.")
        .throwIfInvalid();
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
    subscription.changeQuantity(quantity);
    audit.record(
        caller,
        AuditAction.SUBSCRIPTION_CHANGED,
        "subscription",
        id,
        "Changed " + subscription.sku() + " to " + quantity + " licences",
        before,
        subscription.describe());
    return subscription;
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
