package com.commcredits.subscription;

import com.commcredits.access.Caller;
import com.commcredits.access.Permission;
import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Billing > Products & services and Subscriptions: the organisation's purchases against the catalog. */
@Stateless
public class SubscriptionService {
  @Inject SubscriptionRepository subscriptions;
  @Inject CatalogRepository catalog;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Each subscription with its catalog product, in catalog order. */
  public List<SubscriptionView> list(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    Map<String, Product> products = catalog.products().stream()
        .collect(Collectors.toMap(Product::sku, Function.identity()));
    return subscriptions.list(caller.organisationId()).stream()
        .map(s -> new SubscriptionView(s, products.get(s.sku())))
        .sorted(Comparator.comparingInt((SubscriptionView v) -> v.product().sortOrder())
            .thenComparing(v -> v.subscription().id()))
        .toList();
  }

  public List<Product> catalog() {
    return catalog.products().stream().sorted(Comparator.comparingInt(Product::sortOrder)).toList();
  }

  public Subscription buy(Caller caller, String sku, int quantity) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator()
        .check(sku != null && catalog.product(sku).isPresent(), "sku", "Unknown product: " + sku + ".")
        .check(quantity >= 1 && quantity <= 10_000, "quantity", "Quantity must be between 1 and 10,000.")
        .throwIfInvalid();
    var zone = organisations.find(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation")).timeZone();
    Subscription s = subscriptions.add(new Subscription(caller.organisationId(), sku, quantity,
        clock.instant().atZone(zone).toLocalDate(), clock.instant()));
    audit.record(caller, AuditAction.SUBSCRIPTION_CREATED, "subscription", s.id(),
        "Bought " + quantity + " x " + sku, null, s.describe());
    return s;
  }

  /** A subscription with the product it is for. */
  public record SubscriptionView(Subscription subscription, Product product) {}
}
