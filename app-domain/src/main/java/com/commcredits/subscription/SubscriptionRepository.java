package com.commcredits.subscription;

import java.util.List;

/** An organisation's subscriptions. */
public interface SubscriptionRepository {
  List<Subscription> list(long organisationId);

  Subscription add(Subscription subscription);

  java.util.Optional<Subscription> find(long organisationId, long id);

  /** Licences purchased per SKU over the active subscriptions. */
  java.util.Map<String, Long> purchasedCounts(long organisationId);

  /**
   * Locks the organisation's active subscriptions of a SKU and returns how many licences they hold.
   */
  long lockPurchased(long organisationId, String sku);

  /** The charge recorded under an organisation's request key, if that request was seen. */
  java.util.Optional<SubscriptionCharge> chargeByKey(long organisationId, String requestKey);

  SubscriptionCharge addCharge(SubscriptionCharge charge);
}
